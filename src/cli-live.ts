/**
 * The two long-running commands, `build --watch` and `preview`: they print as
 * builds happen and return their exit code when interrupted (Ctrl-C). Wired
 * into the command line by cli.ts; the work is in node/watch.ts and preview/.
 */
import { stat } from 'node:fs/promises';
import type { PackageTarget } from './compile.js';
import { formatDiagnostic, type Diagnostic } from './core/diagnostics.js';
import { localizeDiagnostic } from './core/messages-id.js';
import { CLI_TEXT, type MessageLanguage } from './cli-text.js';
import { notAFolderDiagnostic } from './node/read-content.js';
import { watchBuild, type WatchBuildResult } from './node/watch.js';
import { startPreview, type PreviewBuild } from './preview/server.js';
import { targetById } from './targets/registry.js';

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

/**
 * What went wrong, in every failure's --json document:
 * - `usage`: the command line itself (an unknown flag or command, a missing
 *   argument, a bad --target or --port); exit 2;
 * - `problems`: the content or package has errors; `diagnostics` lists them
 *   (also a content folder that does not exist, IR108); exit 1;
 * - `environment`: the machine refused (a file-system error, a port in use,
 *   the tool not built, `new` into a folder that is not empty); exit 1.
 */
export type FailureKind = 'usage' | 'problems' | 'environment';

/** `{ ok: false, error: { kind, message }, diagnostics }`: the fields every failure under --json has. */
export function failureDocument(kind: FailureKind, message: string, diagnostics: Diagnostic[] = []): { ok: false; error: { kind: FailureKind; message: string }; diagnostics: Diagnostic[] } {
  return { ok: false, error: { kind, message }, diagnostics };
}

/** `1 error, 2 warnings`, for cli.ts too: every command's summary line ends alike. */
export function diagnosticCounts(ds: Diagnostic[], lang: MessageLanguage = 'en'): string {
  const e = ds.filter((d) => d.severity === 'error').length;
  return CLI_TEXT[lang].counts(e, ds.length - e);
}

/** Each diagnostic on stderr, in the message language. */
export function printDiagnostics(io: { stderr: (s: string) => void }, ds: Diagnostic[], lang: MessageLanguage): void {
  for (const d of ds) io.stderr(formatDiagnostic(localizeDiagnostic(d, lang), { hintLabel: CLI_TEXT[lang].hint }) + '\n');
}

function changedList(paths: string[], first: boolean, lang: MessageLanguage): string {
  if (first) return '';
  if (paths.length === 0) return '';
  return ` (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? CLI_TEXT[lang].andMore(paths.length - 3) : ''})`;
}

/**
 * `build --watch`: one line per build on stdout (`--json`: one JSON object per
 * line, the `build --json` report plus `n`, `ms` and `changed`), diagnostics on
 * stderr. Exits with the last build's status: 0 when it succeeded, else 1.
 */
export async function watchCommand(
  io: LiveIo,
  options: { dir: string; outDir: string; targets: readonly PackageTarget[]; epoch: number; json: boolean; lang: MessageLanguage },
): Promise<number> {
  const { lang } = options;
  const text = CLI_TEXT[lang];
  let last: WatchBuildResult | null = null;
  const handle = watchBuild({ dir: options.dir, outDir: options.outDir, targets: options.targets, epoch: options.epoch }, (r) => {
    last = r;
    const diagnostics = r.report.diagnostics.map((d) => localizeDiagnostic(d, lang));
    const counts = diagnosticCounts(diagnostics, lang);
    const ms = Math.round(r.ms);
    const changed = changedList(r.changed, r.n === 1, lang);
    if (options.json) {
      const failed = r.report.ok ? {} : failureDocument('problems', text.buildFailedIn(ms, changed, counts), diagnostics);
      io.stdout(JSON.stringify({ ...r.report, diagnostics, ...failed, n: r.n, ms, changed: r.changed }) + '\n');
      return;
    }
    printDiagnostics(io, diagnostics, lang);
    if (r.report.ok) io.stdout(text.rebuiltIn(r.n === 1, ms, changed, r.report.artifacts.map((a) => a.path).join(', '), counts) + '\n');
    else io.stdout(text.buildFailedIn(ms, changed, counts) + '\n');
  });
  await handle.ready;
  if (!options.json) io.stderr(text.watching(options.dir) + '\n');
  await interrupted(io);
  await handle.close();
  const final = last as WatchBuildResult | null;
  return final && final.report.ok ? 0 : 1;
}

/**
 * `preview`: prints the URL (`--json`: one line `{"url": …, "target": …}`),
 * then, without `--json`, one line on stderr per build. Exits 0 when interrupted.
 */
export async function previewCommand(io: LiveIo, options: { dir: string; port: number; target: PackageTarget; json: boolean; lang: MessageLanguage }): Promise<number> {
  const { lang } = options;
  const text = CLI_TEXT[lang];
  if (!(await stat(options.dir).catch(() => null))?.isDirectory()) {
    const d = localizeDiagnostic(notAFolderDiagnostic(options.dir), lang);
    if (options.json) io.stdout(JSON.stringify(failureDocument('problems', d.message, [d]), null, 2) + '\n');
    else printDiagnostics(io, [d], lang);
    return 1;
  }
  const onBuild = (b: PreviewBuild) => {
    if (options.json) return;
    const diagnostics = b.diagnostics.map((d) => localizeDiagnostic(d, lang));
    printDiagnostics(io, diagnostics, lang);
    const what = b.ok ? text.previewBuilt(b.n === 1, b.ms) : text.previewFailed;
    io.stderr(`${what}${changedList(b.changed, b.n === 1, lang)}: ${diagnosticCounts(diagnostics, lang)}${b.ok ? '' : text.pageShowsProblems}\n`);
  };
  const preview = await startPreview({ dir: options.dir, port: options.port, target: options.target, onBuild, lang });
  if (options.json) io.stdout(JSON.stringify({ url: preview.url, target: options.target }) + '\n');
  else io.stdout(text.previewOf(options.dir, targetById(options.target).label, preview.url) + '\n');
  await preview.ready;
  if (!options.json) io.stderr(text.previewWatching + '\n');
  await interrupted(io);
  await preview.close();
  return 0;
}
