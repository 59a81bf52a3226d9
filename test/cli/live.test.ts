/** `build --watch` and `preview` from the command line, stopped the way Ctrl-C stops them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli.js';

let work: string;
let content: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-live-'));
  content = join(work, 'content');
  cpSync(resolve('test/fixtures/minimal/content'), content, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI until `stop()`; `line(n)` waits for the n-th stdout line. */
function run(args: string[]) {
  let stop!: () => void;
  const until = new Promise<void>((r) => (stop = r));
  const lines: string[] = [];
  let stderr = '';
  let buffer = '';
  const waiters: (() => void)[] = [];
  const code = main(args, {
    stdout: (s) => {
      buffer += s;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
      waiters.splice(0).forEach((w) => w());
    },
    stderr: (s) => void (stderr += s),
    isTTY: false,
    env: {},
    until,
  });
  const line = async (n: number): Promise<string> => {
    const deadline = Date.now() + 10_000;
    while (lines.length <= n) {
      if (Date.now() > deadline) throw new Error(`no stdout line ${n}; stderr: ${stderr}`);
      await Promise.race([new Promise<void>((r) => waiters.push(r)), new Promise((r) => setTimeout(r, 100))]);
    }
    return lines[n]!;
  };
  return { code, line, stop, lines, stderr: () => stderr };
}

describe('integrity-ranger build --watch', () => {
  it('prints one JSON line per build and exits with the last build’s status', async () => {
    const r = run(['build', content, '--out', join(work, 'dist'), '--target', 'scorm12', '--watch', '--json']);
    const first = JSON.parse(await r.line(0));
    expect(first).toMatchObject({ ok: true, n: 1, course: { id: 'contoh-minimal' } });
    expect(first.artifacts[0].path).toBe(join(work, 'dist', 'contoh-minimal-1.2.0-scorm12.zip'));

    const lesson = join(content, 'lessons/01-dasar.md');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('title: Dasar Integritas\n', ''));
    const second = JSON.parse(await r.line(1));
    expect(second).toMatchObject({ ok: false, n: 2, changed: ['lessons/01-dasar.md'] });
    expect(second.diagnostics.map((d: { code: string }) => d.code)).toContain('IR102');

    r.stop();
    expect(await r.code).toBe(1);
    expect(r.stderr()).toBe('');
  });

  it('prints a line per rebuild for people, and exits 0 after a good build', async () => {
    const r = run(['build', content, '--out', join(work, 'dist'), '--target', 'scorm12', '--watch']);
    expect(await r.line(0)).toMatch(/^built in \d+ ms: .*contoh-minimal-1\.2\.0-scorm12\.zip: 0 errors, 0 warnings$/);
    const lesson = join(content, 'lessons/01-dasar.md');
    writeFileSync(lesson, readFileSync(lesson, 'utf8') + '\nSatu baris lagi.\n');
    expect(await r.line(1)).toMatch(/^rebuilt in \d+ ms \(lessons\/01-dasar\.md\): /);
    r.stop();
    expect(await r.code).toBe(0);
    expect(r.stderr()).toContain('watching');
  });
});

describe('integrity-ranger preview', () => {
  it('prints {url} with --json, serves the page there, and exits 0 when stopped', async () => {
    const r = run(['preview', content, '--port', '0', '--json']);
    const doc = JSON.parse(await r.line(0));
    expect(doc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(doc.target).toBe('scorm12');
    const page = await fetch(doc.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('integrity-ranger');
    r.stop();
    expect(await r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    await expect(fetch(doc.url)).rejects.toThrow();
  });

  it('refuses a bad port (2) and a missing folder (1)', async () => {
    const bad = run(['preview', content, '--port', 'eighty']);
    expect(await bad.code).toBe(2);
    expect(bad.stderr()).toContain('--port');
    const missing = run(['preview', join(work, 'nope')]);
    expect(await missing.code).toBe(1);
    expect(missing.stderr()).toContain('IR108');
  });
});
