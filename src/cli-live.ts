/**
 * The two long-running commands, `build --watch` and `preview`: they print as
 * builds happen and return their exit code when interrupted (Ctrl-C). Wired
 * into the command line by cli.ts; the work is in node/watch.ts and preview/.
 */
import { stat } from 'node:fs/promises';
import type { PackageTarget } from './compile.js';
import { formatDiagnostic, type Diagnostic } from './core/diagnostics.js';
import { watchBuild, type WatchBuildResult } from './node/watch.js';
import { startPreview, type PreviewBuild } from './preview/server.js';

export interface LiveIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Resolves when the command should stop; default: SIGINT or SIGTERM. */
  until?: Promise<unknown>;
}

function interrupted(io: LiveIo): Promise<unknown> {
  if (io.until) return io.until;
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `1 error, 2 warnings`, for cli.ts too: every command's summary line ends alike. */
export function diagnosticCounts(ds: Diagnostic[]): string {
  const e = ds.filter((d) => d.severity === 'error').length;
  const w = ds.length - e;
  return `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
}

function changedList(paths: string[], first: boolean): string {
  if (first) return '';
  if (paths.length === 0) return '';
  return ` (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''})`;
}

/**
 * `build --watch`: one line per build on stdout (`--json`: one JSON object per
 * line, the `build --json` report plus `n`, `ms` and `changed`), diagnostics on
 * stderr. Exits with the last build's status: 0 when it succeeded, else 1.
 */
export async function watchCommand(
  io: LiveIo,
  options: { dir: string; outDir: string; targets: readonly PackageTarget[]; epoch: number; json: boolean },
): Promise<number> {
  let last: WatchBuildResult | null = null;
  const handle = watchBuild({ dir: options.dir, outDir: options.outDir, targets: options.targets, epoch: options.epoch }, (r) => {
    last = r;
    if (options.json) {
      io.stdout(JSON.stringify({ ...r.report, n: r.n, ms: Math.round(r.ms), changed: r.changed }) + '\n');
      return;
    }
    for (const d of r.report.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    const what = r.n === 1 ? 'built' : 'rebuilt';
    const time = `${Math.round(r.ms)} ms`;
    if (r.report.ok) {
      const files = r.report.artifacts.map((a) => a.path).join(', ');
      io.stdout(`${what} in ${time}${changedList(r.changed, r.n === 1)}: ${files}: ${diagnosticCounts(r.report.diagnostics)}\n`);
    } else {
      io.stdout(`build failed in ${time}${changedList(r.changed, r.n === 1)}: ${diagnosticCounts(r.report.diagnostics)}; the previous packages were left as they were\n`);
    }
  });
  await handle.ready;
  if (!options.json) io.stderr(`watching ${options.dir} for changes (Ctrl-C to stop)\n`);
  await interrupted(io);
  await handle.close();
  const final = last as WatchBuildResult | null;
  return final && final.report.ok ? 0 : 1;
}

/**
 * `preview`: prints the URL (`--json`: one line `{"url": …, "target": …}`),
 * then, without `--json`, one line on stderr per build. Exits 0 when interrupted.
 */
export async function previewCommand(io: LiveIo, options: { dir: string; port: number; target: PackageTarget; json: boolean }): Promise<number> {
  if (!(await stat(options.dir).catch(() => null))?.isDirectory()) {
    const message = `${options.dir} is not a folder`;
    if (options.json) io.stdout(JSON.stringify({ ok: false, error: message }) + '\n');
    else io.stderr(`error IR108: ${message}\n`);
    return 1;
  }
  const onBuild = (b: PreviewBuild) => {
    if (options.json) return;
    for (const d of b.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    const what = b.ok ? `${b.n === 1 ? 'built' : 'rebuilt'} in ${b.ms} ms` : 'build failed';
    io.stderr(`${what}${changedList(b.changed, b.n === 1)}: ${diagnosticCounts(b.diagnostics)}${b.ok ? '' : '; the page shows the problems'}\n`);
  };
  const preview = await startPreview({ dir: options.dir, port: options.port, target: options.target, onBuild });
  if (options.json) io.stdout(JSON.stringify({ url: preview.url, target: options.target }) + '\n');
  else io.stdout(`preview of ${options.dir} (${options.target === 'xapi' ? 'xAPI' : 'SCORM 1.2'}): ${preview.url}\n`);
  await preview.ready;
  if (!options.json) io.stderr('watching for changes (Ctrl-C to stop)\n');
  await interrupted(io);
  await preview.close();
  return 0;
}
