import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPackage } from '../../src/check-package/index.js';
import { loadPackageSchemas } from '../../src/node/package-schemas.js';
import { scaffoldCourse, ScaffoldError } from '../../src/scaffold.js';
import { runCli } from '../helpers/cli.js';
import { compileFiles, compileFolder } from '../helpers/compile.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-new-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('integrity-ranger new DIR', () => {
  it.each(['id', 'en'] as const)('writes a course (%s) that builds with no errors and no warnings', async (language) => {
    const dir = join(work, 'kursus');
    const r = await scaffoldCourse(dir, { language });
    expect(r.files).toContain('course.yml');
    expect(r.files).toContain('theme.css');
    expect(r.files.filter((f) => /^lessons\/.+\.md$/.test(f))).toHaveLength(1);
    expect(r.files.filter((f) => /^scenarios\/.+\.md$/.test(f))).toHaveLength(1);
    expect(r.files.some((f) => f.startsWith('assets/'))).toBe(true);

    const result = await compileFolder(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    const runtime = result.runtime!;
    expect(runtime.language).toBe(language);
    expect(runtime.passingScore).not.toBeNull();
    const lesson = runtime.units.find((u) => u.kind === 'lesson')!;
    const scenario = runtime.units.find((u) => u.kind === 'scenario')!;
    expect(lesson.kind === 'lesson' && lesson.pages.some((p) => p.blocks.some((b) => b.kind === 'question'))).toBe(true);
    expect(scenario.kind === 'scenario' && scenario.scenes.filter((s) => s.ending).length).toBeGreaterThanOrEqual(2);

    // The comments that teach the format are in the files and nowhere in the package.
    const md = readFileSync(join(dir, r.files.find((f) => f.startsWith('lessons/'))!), 'utf8');
    expect(md).toContain('<!--');
    expect(readFileSync(join(dir, 'course.yml'), 'utf8')).toMatch(/^# /m);
    expect(readFileSync(join(dir, 'theme.css'), 'utf8')).toContain('--ir-accent');
    expect(JSON.stringify(runtime)).not.toMatch(/<!--|&lt;!--/);

    // And the packages pass `check PACKAGE.zip` cleanly.
    const schemas = await loadPackageSchemas();
    for (const a of result.artifacts) expect((await checkPackage(a.zip, a.fileName, schemas)).diagnostics).toEqual([]);
  });

  it('writes Indonesian by default', async () => {
    const r = await scaffoldCourse(join(work, 'c'));
    expect(readFileSync(join(work, 'c', 'course.yml'), 'utf8')).toContain('language: id');
    expect(r.files.some((f) => f.includes('gratifikasi'))).toBe(true);
  });

  it('writes into an existing empty folder, and refuses a non-empty one or a file without touching it', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    await scaffoldCourse(empty);
    expect(existsSync(join(empty, 'course.yml'))).toBe(true);

    const full = join(work, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'course.yml'), 'id: mine\n');
    await expect(scaffoldCourse(full)).rejects.toThrow(ScaffoldError);
    expect(readdirSync(full)).toEqual(['course.yml']);
    expect(readFileSync(join(full, 'course.yml'), 'utf8')).toBe('id: mine\n');

    const file = join(work, 'file');
    writeFileSync(file, 'x');
    await expect(scaffoldCourse(file)).rejects.toThrow(/not a folder/);
  });
});

describe('integrity-ranger new (CLI)', () => {
  it('exits 0, lists the files and the next step; `check` then finds nothing', async () => {
    const dir = join(work, 'baru');
    const r = await runCli(['new', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`into ${dir}:`);
    expect(r.stdout).toContain('  course.yml\n');
    expect(r.stdout).toContain(`next: integrity-ranger build ${dir}`);
    const c = await runCli(['check', dir]);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('0 errors, 0 warnings');
  });

  it('exits 1 with a clear message when DIR is not empty, and writes nothing', async () => {
    writeFileSync(join(work, 'catatan.txt'), 'jangan ditimpa');
    const r = await runCli(['new', work]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('is not empty');
    expect(r.stderr).toContain('nothing was written');
    expect(readdirSync(work)).toEqual(['catatan.txt']);
    const j = await runCli(['new', work, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, files: [] });
  });

  it('exits 2 on wrong usage', async () => {
    expect((await runCli(['new'])).code).toBe(2);
    const r = await runCli(['new', join(work, 'x'), '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang must be one of id, en');
    expect(existsSync(join(work, 'x'))).toBe(false);
  });

  it('prints one JSON document with --json', async () => {
    const r = await runCli(['new', join(work, 'j'), '--lang', 'en', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: true, dir: join(work, 'j') });
    expect(doc.files).toContain('course.yml');
  });
});

describe('HTML comments in Markdown', () => {
  it('are neither rendered nor warned about, anywhere', () => {
    const r = compileFiles({
      'lessons/a.md': '---\ntitle: A\n---\n<!-- block\ncomment -->\nText <!-- inline --> here.\n\n## Page\n\n<!-- before a question -->\n::: question\nQ?\n\n- [ ] a\n  > no\n- [x] b\n  > yes\n:::\n',
      'scenarios/s.md': '---\ntitle: S\n---\n<!-- intro -->\nIntro.\n\n## Start {#start}\n<!-- scene -->\nText.\n\n- [End](#end)\n  > ok\n\n## End {#end ending=pass}\nDone.\n',
    });
    expect(r.diagnostics).toEqual([]);
    expect(JSON.stringify(r.runtime)).not.toMatch(/comment|inline|before a question|intro -->|scene -->|&lt;!--/);
  });

  it('still warns about other raw HTML next to a comment, and about an unclosed comment', () => {
    const r = compileFiles({ 'lessons/a.md': '---\ntitle: A\n---\n<!-- note --><b>bold</b>\n\nText.\n\n<!-- never closed\n' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IR209', 'IR209']);
    expect(r.diagnostics[0]!.message).toContain('<b>bold</b>');
  });
});
