/**
 * The authors' install (README "Install"): the tarball `npm pack` makes,
 * installed with one `npm install -g`, gives an `integrity-ranger` command
 * that builds a course, with only the runtime dependencies and no warning.
 * Uses the lib/ and player-dist/ that `npm run build` made (`--ignore-scripts`
 * skips prepack's rebuild) and npm's cache, which `npm ci` filled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
let work: string;
let install: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-install-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { encoding: 'utf8', timeout: 60_000 });
  const r = spawnSync('npm', ['install', '-g', '--prefix', join(work, 'p'), '--prefer-offline', '--no-audit', '--no-fund', join(work, `integrity-ranger-${version}.tgz`)], {
    encoding: 'utf8',
    timeout: 110_000,
    // The developer's own npm settings (a global prefix, a proxy) stay theirs; what matters is the package.
    env: { ...process.env, npm_config_loglevel: 'warn' },
  });
  install = { status: r.status, stdout: r.stdout, stderr: r.stderr };
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm install -g ./integrity-ranger-<version>.tgz', () => {
  it('installs quietly: exit 0, no warnings', () => {
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/WARN|ERR|deprecated/i);
  });

  it('installs the runtime dependencies only, not the test suite', () => {
    const modules = join(work, 'p', 'lib', 'node_modules', 'integrity-ranger', 'node_modules');
    const names = readdirSync(modules);
    expect(names).toContain('xmllint-wasm');
    expect(names).toContain('scorm-again');
    for (const dev of ['vitest', 'xapi-statements', 'playwright-core', 'typescript', 'esbuild', 'aws-sdk']) expect(names).not.toContain(dev);
    const pkg = join(work, 'p', 'lib', 'node_modules', 'integrity-ranger');
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    expect(existsSync(join(pkg, 'test'))).toBe(false);
    expect(existsSync(join(pkg, 'docs', 'authoring.md'))).toBe(true);
  });

  it('puts `integrity-ranger` on the prefix PATH, and it builds a course', () => {
    const bin = join(work, 'p', 'bin', 'integrity-ranger');
    const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(v.stdout.trim()).toBe(version);
    const r = spawnSync(bin, ['build', resolve('test/fixtures/minimal/content'), '--out', join(work, 'dist'), '--json'], { encoding: 'utf8', cwd: work });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { ok: boolean; artifacts: { path: string }[] };
    expect(doc.ok).toBe(true);
    expect(doc.artifacts.map((a) => a.path.replace(/^.*[\\/]/, '')).sort()).toEqual(['contoh-minimal-1.2.0-scorm12.zip', 'contoh-minimal-1.2.0-xapi.zip']);
  });

  it('writes a new course from its own templates and builds it', () => {
    const bin = join(work, 'p', 'bin', 'integrity-ranger');
    const made = spawnSync(bin, ['new', 'kursus'], { encoding: 'utf8', cwd: work });
    expect(made.status, made.stderr).toBe(0);
    const r = spawnSync(bin, ['build', 'kursus'], { encoding: 'utf8', cwd: work });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(work, 'dist')).some((f) => f.startsWith('kursus-saya-'))).toBe(true);
  });
});
