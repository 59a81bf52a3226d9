/**
 * Every failure under --json is one document on stdout of one shape,
 * `{ ok: false, error: { kind, message }, diagnostics, … }` (README
 * "Failures under --json"), and the messages follow --lang or the
 * environment's language, with codes unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { messageLanguage } from '../../src/cli-text.js';
import { startPreview } from '../../src/preview/server.js';

const FIXTURE = resolve('test/fixtures/minimal/content');
const BIN = resolve('bin/integrity-ranger.js');
let work: string;
let broken: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-fail-'));
  broken = join(work, 'rusak');
  cpSync(FIXTURE, broken, { recursive: true });
  writeFileSync(join(broken, 'course.yml'), 'id: rusak\ntitle: Rusak\nversion: 1.0.0\npasing_score: 80\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface FailureDoc {
  ok: false;
  error: { kind: string; message: string };
  diagnostics: { code: string; message: string; hint?: string }[];
  [k: string]: unknown;
}

/** Exactly one JSON document on stdout, nothing on stderr, the failure shape, the exit code of its kind. */
async function failure(args: string[], kind: 'usage' | 'problems' | 'environment', env: NodeJS.ProcessEnv = {}): Promise<FailureDoc> {
  const r = await runCli([...args, '--json'], env);
  expect(r.stderr).toBe('');
  const doc = JSON.parse(r.stdout) as FailureDoc;
  expect(doc.ok).toBe(false);
  expect(doc.error.kind).toBe(kind);
  expect(typeof doc.error.message).toBe('string');
  expect(doc.error.message.length).toBeGreaterThan(0);
  expect(Array.isArray(doc.diagnostics)).toBe(true);
  expect(r.code).toBe(kind === 'usage' ? 2 : 1);
  return doc;
}

describe('--json on failures: one shape, on stdout', () => {
  it('an unknown flag', async () => {
    expect((await failure(['build', FIXTURE, '--bogus'], 'usage')).error.message).toBe("unknown option '--bogus'");
  });

  it('an unknown command', async () => {
    expect((await failure(['frobnicate'], 'usage')).error.message).toContain("unknown command 'frobnicate'");
  });

  it('a bad --target, an unavailable one, and a bad preview target', async () => {
    expect((await failure(['build', FIXTURE, '--target', 'zip'], 'usage')).error.message).toContain('unknown target `zip`');
    expect((await failure(['build', FIXTURE, '--target', 'web'], 'usage')).error.message).toContain('planned but not available yet');
    // The preview plays the four package targets; `web` is none of them.
    const web = (await failure(['preview', FIXTURE, '--target', 'web'], 'usage')).error.message;
    expect(web).toContain("'web'");
    expect(web).toContain('scorm12, scorm2004, cmi5, xapi');
  });

  it('a missing argument, a bad --port, a bad SOURCE_DATE_EPOCH', async () => {
    expect((await failure(['new'], 'usage')).error.message).toBe("missing required argument 'dir'");
    expect((await failure(['preview', FIXTURE, '--port', 'http'], 'usage')).error.message).toContain('--port');
    expect((await failure(['build', FIXTURE], 'usage', { SOURCE_DATE_EPOCH: 'kemarin' })).error.message).toContain('SOURCE_DATE_EPOCH');
  });

  it('a content folder that is not there: IR108, for build, check and preview', async () => {
    for (const command of ['build', 'check', 'preview']) {
      const doc = await failure([command, join(work, 'tidak-ada')], 'problems');
      expect(doc.diagnostics.map((d) => d.code)).toEqual(['IR108']);
      expect(doc.diagnostics[0]!.hint).toContain('course.yml');
    }
  });

  it('content errors: the build report with the failure fields', async () => {
    const doc = await failure(['build', broken, '--out', join(work, 'dist')], 'problems');
    expect(doc.error.message).toBe('build failed: 1 error, 0 warnings; nothing was written');
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['IR104']);
    expect(doc['artifacts']).toEqual([]);
    const check = await failure(['check', broken], 'problems');
    expect(check.error.message).toBe('check failed: 1 error, 0 warnings');
  });

  it('a package that is not there', async () => {
    const doc = await failure(['check', join(work, 'tidak-ada.zip')], 'problems');
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['IR608']);
  });

  it('the machine refusing: `new` into a folder that is not empty, or where no folder can be made', async () => {
    const full = join(work, 'penuh');
    mkdirSync(full);
    writeFileSync(join(full, 'catatan.txt'), 'x');
    const doc = await failure(['new', full], 'environment');
    expect(doc.error.message).toContain('not empty');
    expect(doc['dir']).toBe(full);
    expect(doc['files']).toEqual([]);
    const blocked = await failure(['new', join(full, 'catatan.txt', 'kursus')], 'environment');
    expect(blocked.error.message).toMatch(/^cannot \w+ .*: E[A-Z]+$/);
  });

  it('the machine refusing: a port already in use', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    try {
      const doc = await failure(['preview', FIXTURE, '--port', String((taken.address() as AddressInfo).port)], 'environment');
      expect(doc.error.message).toContain('is in use');
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });

  it('without --json, a usage error is text on stderr and nothing on stdout', async () => {
    const r = await runCli(['build', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: unknown option '--bogus'");
  });
});

describe('run inside a course folder', () => {
  it('`build` with no folder (./content does not exist) hints `build .`, and `build .` works', () => {
    const course = join(work, 'kursus');
    cpSync(FIXTURE, course, { recursive: true });
    const r = spawnSync(process.execPath, [BIN, 'build'], { cwd: course, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error IR108: content is not a folder');
    expect(r.stderr).toContain('hint: This folder has course.yml: to use it, give `.` as the folder, e.g. `integrity-ranger build .`');
    const ok = spawnSync(process.execPath, [BIN, 'build', '.'], { cwd: course, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    const check = spawnSync(process.execPath, [BIN, 'check'], { cwd: course, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('integrity-ranger build .');
  });
});

describe('the language of messages', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; then the system locale; else English', () => {
    expect(messageLanguage(undefined, { LANG: 'id_ID.UTF-8' })).toBe('id');
    expect(messageLanguage(undefined, { LANG: 'id_ID.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(messageLanguage(undefined, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'id_ID' })).toBe('id');
    expect(messageLanguage(undefined, { LANG: 'id', LC_ALL: '' })).toBe('id');
    expect(messageLanguage(undefined, {}, 'id-ID')).toBe('id');
    expect(messageLanguage(undefined, {})).toBe('en');
    // `ido` (Ido) is not Indonesian.
    expect(messageLanguage(undefined, { LANG: 'ido' })).toBe('en');
    expect(messageLanguage('en', { LANG: 'id_ID.UTF-8' })).toBe('en');
    expect(messageLanguage('id', {})).toBe('id');
  });

  it('--lang id: Indonesian diagnostics and summary, the same codes and positions', async () => {
    const en = await runCli(['check', broken]);
    const id = await runCli(['check', broken, '--lang', 'id']);
    expect(en.stderr).toContain("course.yml:4:1: error IR104: unknown key `pasing_score` in course.yml\n  hint: Did you mean `passing_score`?");
    expect(id.stderr).toContain('course.yml:4:1: error IR104: kunci `pasing_score` tidak dikenal di course.yml\n  saran: Maksud Anda `passing_score`?');
    expect(id.stderr).toContain('pemeriksaan gagal: 1 kesalahan, 0 peringatan');
    expect(id.code).toBe(en.code);
  });

  it('LANG=id_ID.UTF-8 chooses Indonesian; --lang en overrides it; --json keeps its keys', async () => {
    const env = { LANG: 'id_ID.UTF-8' };
    expect((await runCli(['build', FIXTURE, '--out', join(work, 'd1')], env)).stdout).toContain('selesai membangun Kursus Contoh 1.2.0: 0 kesalahan, 0 peringatan');
    expect((await runCli(['build', FIXTURE, '--out', join(work, 'd2'), '--lang', 'en'], env)).stdout).toContain('built Kursus Contoh 1.2.0: 0 errors, 0 warnings');
    const doc = await failure(['build', broken, '--out', join(work, 'd3')], 'problems', env);
    expect(doc.diagnostics[0]).toMatchObject({ code: 'IR104', message: 'kunci `pasing_score` tidak dikenal di course.yml' });
    expect(doc.error.message).toBe('build gagal: 1 kesalahan, 0 peringatan; tidak ada berkas yang ditulis');
  });

  it('the preview shows the diagnostics in the language asked for', async () => {
    const preview = await startPreview({ dir: broken, port: 0, lang: 'id' });
    try {
      const first = await preview.ready;
      expect(first.ok).toBe(false);
      expect(first.diagnostics.map((d) => [d.code, d.message])).toEqual([['IR104', 'kunci `pasing_score` tidak dikenal di course.yml']]);
      expect(first.diagnostics[0]!.hint).toContain('Maksud Anda `passing_score`?');
    } finally {
      await preview.close();
    }
  });

  it('package checks in Indonesian too', async () => {
    const zip = join(work, 'bukan.zip');
    writeFileSync(zip, 'ini bukan zip');
    const r = await runCli(['check', zip, '--lang', 'id']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^integrity-ranger: error IR601: .*bukan\.zip bukan zip yang terbaca: /m);
  });

  it('usage errors in Indonesian, and --lang checked like any option', async () => {
    const r = await runCli(['build', '--bogus'], { LANG: 'id_ID.UTF-8' });
    expect(r.stderr).toContain("error: opsi tidak dikenal '--bogus'");
    expect(r.stderr).toContain('(jalankan dengan --help untuk petunjuk pemakaian)');
    expect((await failure(['build', FIXTURE, '--lang', 'jv'], 'usage')).error.message).toContain("'jv'");
  });

  it('`new --lang en` also sets the course language; its next-step line is in that language', async () => {
    const r = await runCli(['new', join(work, 'baru'), '--lang', 'id']);
    expect(r.stdout).toContain(`berikutnya: integrity-ranger build ${join(work, 'baru')}`);
    const e = await runCli(['new', join(work, 'fresh'), '--lang', 'en'], { LANG: 'id_ID.UTF-8' });
    expect(e.stdout).toContain(`next: integrity-ranger build ${join(work, 'fresh')}`);
  });
});
