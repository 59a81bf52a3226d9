/**
 * Rebuilding on change (`build --watch`, `preview`).
 *
 * Reuse: the tool's own assets (player, template, schemas) are loaded once per
 * watcher, and the content folder is read through a `ReadCache`, so a rebuild
 * re-reads from disk only the files whose size, times or inode changed (or that
 * the file watcher named) and takes every other file's bytes from memory. The
 * cache hashes what it reads, so a save that wrote the same bytes, a swap file
 * or a touched folder is recognised as no change and nothing is compiled or
 * written. Parsing and rendering then run over the whole course: they are
 * pure, and for the default course they take a few tens of milliseconds.
 */
import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PackageTarget, ToolAssets } from '../compile.js';
import type { ContentSource } from '../core/content-source.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { build, type BuildReport } from '../index.js';
import { ContentFolderError, notAFolderDiagnostic, ReadCache, readContentFolder } from './read-content.js';
import { loadToolAssets } from './tool-assets.js';
import { serialRebuild } from './serial-rebuild.js';

export interface FolderWatcher {
  close(): void;
}

export interface WatchFolderOptions {
  /** Quiet time after the last event before `onChange` is called (default 100 ms). */
  debounceMs?: number;
  /** Interval of the polling fallback when the platform cannot watch (default 1000 ms). */
  pollMs?: number;
}

/**
 * Calls `onChange` once per burst of changes under `dir`, with the paths the
 * platform named (relative, forward slashes; possibly none). Hidden files and
 * folders (editor swap files, `.git`) are ignored. Uses a recursive
 * `fs.watch` (Linux since Node 20, macOS, Windows) and falls back to polling,
 * where `onChange([])` lets a `ReadCache` read find out what changed.
 */
export function watchFolder(dir: string, onChange: (paths: string[]) => void, options: WatchFolderOptions = {}): FolderWatcher {
  const debounceMs = options.debounceMs ?? 100;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  let poll: NodeJS.Timeout | null = null;
  let closed = false;

  const fire = () => {
    timer = null;
    if (closed) return;
    const paths = [...pending].sort();
    pending.clear();
    onChange(paths);
  };
  const note = (name: string | null) => {
    if (closed) return;
    if (name) {
      const rel = name.split(sep).join('/');
      if (rel.split('/').some((seg) => seg.startsWith('.'))) return;
      pending.add(rel);
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };
  const startPolling = () => {
    watcher?.close();
    watcher = null;
    if (!poll && !closed) poll = setInterval(() => note(null), options.pollMs ?? 1000);
  };

  try {
    watcher = fsWatch(dir, { recursive: true }, (_event, name) => note(name === null ? null : String(name)));
    watcher.on('error', startPolling);
  } catch {
    startPolling();
  }
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      watcher?.close();
    },
  };
}

/**
 * Reads a content folder again and again, re-reading only what changed, and
 * keeps the tool assets loaded. Shared by `watchBuild` and the preview server.
 */
export class ContentReader {
  private cache = new ReadCache();
  private tool: Promise<ToolAssets> | null = null;
  private readOnce = false;

  constructor(readonly dir: string) {}

  /** The tool's assets, loaded on first use and kept. */
  toolAssets(): Promise<ToolAssets> {
    this.tool ??= loadToolAssets();
    return this.tool;
  }

  /** Re-read these paths whatever their stat says. */
  invalidate(paths: Iterable<string>): void {
    this.cache.invalidate(paths);
  }

  /**
   * The folder now. `changed` lists the paths added, changed or removed since
   * the previous successful read (every path the first time); `reread` the
   * files that came from disk. A folder that cannot be read gives the error
   * `build` would report (IR108 or IR506).
   */
  async read(): Promise<{ source: ContentSource; changed: string[]; reread: number; first: boolean } | { error: Diagnostic }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const source = await readContentFolder(this.dir, this.cache);
        const first = !this.readOnce;
        this.readOnce = true;
        return { source, changed: this.cache.changed, reread: this.cache.read.length, first };
      } catch (e) {
        // Start over next time: what was seen before the failure is no baseline.
        this.cache = new ReadCache();
        this.readOnce = false;
        if (e instanceof ContentFolderError) return { error: e.code === 'IR108' ? notAFolderDiagnostic(this.dir, e.message) : folderError(e.code, e.message) };
        // A file renamed or removed while the folder was being walked (an editor saving): once more.
        if (attempt === 0) {
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        return { error: folderError('IR108', `cannot read ${this.dir}: ${(e as Error).message}`) };
      }
    }
  }
}

function folderError(code: Diagnostic['code'], message: string): Diagnostic {
  return { severity: 'error', code, message, file: '', line: 0, column: 0 };
}

/**
 * Runs `build` now and again after every burst of changes to the reader's
 * folder, one build at a time. The loop of `watchBuild` and the preview server.
 */
export function rebuildOnChange<T>(
  reader: ContentReader,
  build: () => Promise<T>,
  debounceMs = 100,
): { first: Promise<T>; rebuild(): Promise<T>; close(): Promise<void> } {
  const serial = serialRebuild(build);
  const watcher = watchFolder(
    reader.dir,
    (paths) => {
      reader.invalidate(paths);
      void serial.request().catch(() => undefined);
    },
    { debounceMs },
  );
  return {
    first: serial.request(),
    rebuild: () => serial.request(),
    async close() {
      watcher.close();
      await serial.idle();
    },
  };
}

export interface WatchBuildOptions {
  dir: string;
  outDir?: string;
  targets?: readonly PackageTarget[];
  epoch?: number;
  /** Quiet time after the last file event before rebuilding (default 100 ms). */
  debounceMs?: number;
}

export interface WatchBuildResult {
  /** 1 for the first build, then one more per build that compiled something. */
  n: number;
  /** What `build` reports: the same shape as `build --json`. */
  report: BuildReport;
  /** Content paths added, changed or removed since the previous build (every path for the first). */
  changed: string[];
  /** Files read from disk for this build; every other file came from memory. */
  reread: number;
  /** Milliseconds from the start of this build to the packages written (or the errors known). */
  ms: number;
  /** Nothing changed since the previous build, so nothing was compiled or written. */
  unchanged: boolean;
}

export interface WatchBuildHandle {
  /** The first build's result. Rejects only when the tool itself is not built. */
  ready: Promise<WatchBuildResult>;
  /** Rebuilds now (coalesced with one already waiting); resolves with that build's result. */
  rebuild(): Promise<WatchBuildResult>;
  /** Stops watching; waits for a build in progress to finish. */
  close(): Promise<void>;
}

/**
 * `build --watch`: builds once, then again after every change to the content
 * folder, writing the packages as `build` does. A build with errors writes
 * nothing, so the last good packages stay in the output folder. `onResult` is
 * called for every build that compiled something (not for `unchanged` ones).
 */
export function watchBuild(options: WatchBuildOptions, onResult: (result: WatchBuildResult) => void = () => {}): WatchBuildHandle {
  const reader = new ContentReader(options.dir);
  let n = 0;
  let last: WatchBuildResult | null = null;

  const once = async (): Promise<WatchBuildResult> => {
    const t0 = performance.now();
    const tool = await reader.toolAssets();
    const read = await reader.read();
    let report: BuildReport;
    let changed: string[] = [];
    let reread = 0;
    if ('error' in read) {
      if (last && !last.report.ok && last.report.diagnostics[0]?.message === read.error.message) {
        return { ...last, changed: [], reread: 0, ms: performance.now() - t0, unchanged: true };
      }
      report = { ok: false, course: null, artifacts: [], media: [], diagnostics: [read.error] };
    } else {
      changed = read.changed;
      reread = read.reread;
      if (last && !read.first && changed.length === 0) {
        return { ...last, changed: [], reread, ms: performance.now() - t0, unchanged: true };
      }
      report = await build({ ...options, source: read.source, tool });
    }
    const result: WatchBuildResult = { n: ++n, report, changed, reread, ms: performance.now() - t0, unchanged: false };
    last = result;
    onResult(result);
    return result;
  };

  const builds = rebuildOnChange(reader, once, options.debounceMs);
  // The tool is not built: nothing to watch for.
  builds.first.catch(() => builds.close());
  return { ready: builds.first, rebuild: builds.rebuild, close: builds.close };
}
