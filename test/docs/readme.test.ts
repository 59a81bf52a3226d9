/**
 * The README's first two commands are what a new user runs: they must name
 * the release file `npm run release` makes, and the test command CI runs.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const readme = readFileSync('README.md', 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

it('the first command installs the release npm run release writes, then builds with the installed command', () => {
  const [first] = blocks;
  expect(first).toContain('npm run release');
  expect(first).toContain(`npm install -g ./dist/integrity-ranger-${version}.tgz`);
  expect(first!.split('\n').pop()).toBe('integrity-ranger build');
  // Every other mention of the release file names this version too.
  for (const m of readme.matchAll(/integrity-ranger-(\d+\.\d+\.\d+)\.tgz/g)) expect(m[1]).toBe(version);
});

it('the second command is what .ci/run runs, DEBIAN_FRONTEND included', () => {
  const ci = readFileSync('.ci/run', 'utf8');
  const second = blocks[1]!;
  const [exported, command] = second.split('; ');
  expect(ci).toContain(`\n${exported}\n${command}\n`);
  expect(exported).toBe('export DEBIAN_FRONTEND=noninteractive');
});

it('sends readers to no SPEC.md: the repository has none', () => {
  for (const file of ['README.md', 'docs/diagnostics.md', 'docs/authoring.md', 'docs/scoring.md', 'docs/xapi.md']) {
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/SPEC/);
  }
});
