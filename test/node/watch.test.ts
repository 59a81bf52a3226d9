import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { ReadCache, readContentFolder } from '../../src/node/read-content.js';
import { watchBuild, type WatchBuildHandle, type WatchBuildResult } from '../../src/node/watch.js';

const FIXTURE = resolve('test/fixtures/minimal/content');
const ZIP = 'contoh-minimal-1.2.0-scorm12.zip';
let work: string;
let content: string;
let out: string;
let handle: WatchBuildHandle | null = null;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-watch-'));
  content = join(work, 'content');
  out = join(work, 'dist');
  cpSync(FIXTURE, content, { recursive: true });
});
afterEach(async () => {
  await handle?.close();
  handle = null;
  rmSync(work, { recursive: true, force: true });
});

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const lesson = () => join(content, 'lessons/01-dasar.md');
const edit = (from: string, to: string) => writeFileSync(lesson(), readFileSync(lesson(), 'utf8').replace(from, to));

/** Results as the watcher reports them, awaitable one by one. */
function collector() {
  const results: WatchBuildResult[] = [];
  const waiters: ((r: WatchBuildResult) => void)[] = [];
  return {
    results,
    onResult(r: WatchBuildResult) {
      results.push(r);
      waiters.splice(0).forEach((w) => w(r));
    },
    /** The next result after now, or fail after 10 s. */
    next(): Promise<WatchBuildResult> {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no rebuild within 10 s of the edit')), 10_000);
        waiters.push((r) => {
          clearTimeout(t);
          resolve(r);
        });
      });
    },
  };
}

describe('ReadCache', () => {
  it('re-reads only files whose stat changed and reports only paths whose bytes changed', async () => {
    const cache = new ReadCache();
    const first = await readContentFolder(content, cache);
    expect(cache.read.sort()).toEqual([...first.entries.keys()].sort());
    expect(cache.changed).toEqual([...first.entries.keys()].sort());

    const again = await readContentFolder(content, cache);
    expect(cache.read).toEqual([]);
    expect(cache.changed).toEqual([]);
    expect(again.entries.get('course.yml')).toEqual(first.entries.get('course.yml'));

    edit('## Ringkasan', '## Ringkasan singkat');
    // Same bytes, new times: read again, but no change.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(content, 'course.yml'), later, later);
    await readContentFolder(content, cache);
    expect(cache.read.sort()).toEqual(['course.yml', 'lessons/01-dasar.md']);
    expect(cache.changed).toEqual(['lessons/01-dasar.md']);

    rmSync(join(content, 'scenarios/amplop.md'));
    await readContentFolder(content, cache);
    expect(cache.changed).toEqual(['scenarios/amplop.md']);
  });

  it('re-reads a path the watcher named even when its stat looks the same', async () => {
    const cache = new ReadCache();
    await readContentFolder(content, cache);
    cache.invalidate(['lessons/01-dasar.md']);
    await readContentFolder(content, cache);
    expect(cache.read).toEqual(['lessons/01-dasar.md']);
    expect(cache.changed).toEqual([]);
  });
});

describe('watchBuild', () => {
  it('rebuilds after an edit, re-reading only the edited file, and writes the new zip', async () => {
    const c = collector();
    handle = watchBuild({ dir: content, outDir: out, targets: ['scorm12'], debounceMs: 50 }, c.onResult);
    const first = await handle.ready;
    expect(first.report.ok).toBe(true);
    expect(first.n).toBe(1);
    const before = sha(join(out, ZIP));
    expect(first.report.artifacts[0]!.sha256).toBe(before);

    const next = c.next();
    edit('## Apa itu gratifikasi', '## Apa sebenarnya gratifikasi');
    const r = await next;
    expect(r.n).toBe(2);
    expect(r.unchanged).toBe(false);
    expect(r.report.ok).toBe(true);
    expect(r.changed).toEqual(['lessons/01-dasar.md']);
    expect(r.reread).toBe(1);
    const after = sha(join(out, ZIP));
    expect(after).not.toBe(before);
    expect(r.report.artifacts[0]!.sha256).toBe(after);
    // The page's title is in the course skeleton the package carries.
    expect(new AdmZip(join(out, ZIP)).readAsText('course.js')).toContain('Apa sebenarnya gratifikasi');
  });

  it('keeps the previous zip when an edit breaks the course, and builds again once it is fixed', async () => {
    const c = collector();
    handle = watchBuild({ dir: content, outDir: out, targets: ['scorm12'], debounceMs: 50 }, c.onResult);
    await handle.ready;
    const good = sha(join(out, ZIP));

    let next = c.next();
    edit('Pembuka pelajaran', '![](../assets/amplop.svg)\n\nPembuka pelajaran');
    const broken = await next;
    expect(broken.report.ok).toBe(false);
    expect(broken.report.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toContain('lessons/01-dasar.md:7 IR207');
    expect(sha(join(out, ZIP))).toBe(good);

    next = c.next();
    edit('![](../assets/amplop.svg)\n\nPembuka pelajaran', 'Pembuka pelajaran');
    const fixed = await next;
    expect(fixed.report.ok).toBe(true);
    // The same content as the first build: the same bytes.
    expect(sha(join(out, ZIP))).toBe(good);
  });

  it('does not compile or report when nothing really changed', async () => {
    const c = collector();
    handle = watchBuild({ dir: content, outDir: out, targets: ['scorm12'], debounceMs: 50 }, c.onResult);
    await handle.ready;
    writeFileSync(lesson(), readFileSync(lesson()));
    const r = await handle.rebuild();
    expect(r.unchanged).toBe(true);
    expect(r.n).toBe(1);
    expect(c.results).toHaveLength(1);
  });

  it('reports a content folder that is not there instead of throwing', async () => {
    const c = collector();
    handle = watchBuild({ dir: join(work, 'missing'), outDir: out, targets: ['scorm12'], debounceMs: 50 }, c.onResult);
    const r = await handle.ready;
    expect(r.report.ok).toBe(false);
    expect(r.report.diagnostics[0]!.code).toBe('IR108');
  });
});
