/**
 * The command line: parses flags, calls the library, prints, returns an exit
 * code (0 ok, 1 content or package errors, 2 wrong usage). Nothing else.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  build,
  checkPackageFile,
  DEFAULT_EPOCH,
  isPackagePath,
  layoutYaml,
  readStateLayout,
  SCAFFOLD_LANGUAGES,
  scaffoldCourse,
  ScaffoldError,
  type BuildReport,
  type PackageCheckReport,
  type ScaffoldLanguage,
} from './index.js';
import type { Diagnostic } from './core/diagnostics.js';
import type { PackageTarget } from './compile.js';
import { DEFAULT_TARGETS, isPackageTarget, PACKAGE_TARGETS, TARGETS, targetById } from './targets/registry.js';
import { TOOL_ROOT, ToolNotBuiltError } from './node/tool-assets.js';
import { failureDocument, previewCommand, printDiagnostics, watchCommand, type FailureKind } from './cli-live.js';
import { CLI_TEXT, langFlag, MESSAGE_LANGUAGES, messageLanguage, type CliText, type MessageLanguage } from './cli-text.js';
import { localizeDiagnostic } from './core/messages-id.js';
import { DEFAULT_PREVIEW_PORT, PREVIEW_TARGETS, PreviewError } from './preview/server.js';
import { runReport } from './report/node-report.js';
import { DEFAULT_MIN_GROUP } from './report/aggregate.js';
import { DEFAULT_PAGE_SIZE, ENV_AUTH, ENV_KEY, ENV_SECRET } from './report/node-lrs.js';

/** Named in the issue tracker and asked for; not built yet. */
const LATER = ['cmi5', 'scorm2004', 'web'].filter((n) => !isPackageTarget(n));
const TARGET_LIST = TARGETS.map((t) => `${t.id} (${t.label}: ${t.summary})`).join(', ');

class UsageError extends Error {}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The system's locale, for the message language when no LC_ and LANG variable says (Windows). */
  systemLocale?: string;
  /** Stops `build --watch` and `preview` when it resolves (tests); default Ctrl-C. */
  until?: Promise<unknown>;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  systemLocale: process.platform === 'win32' ? Intl.DateTimeFormat().resolvedOptions().locale : undefined,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const json = argv.includes('--json');
  const lang: MessageLanguage = messageLanguage(langFlag(argv), io.env, io.systemLocale);
  const text = CLI_TEXT[lang];
  const version = (JSON.parse(readFileSync(join(TOOL_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const program = new Command('integrity-ranger')
    .description(`Compile Markdown lessons and branching scenarios into ${listed(TARGETS.map((t) => t.label))} packages.`)
    .version(version, '-V, --version')
    .showHelpAfterError(text.runWithHelp)
    // Under --json a usage error is the JSON document on stdout, not commander's text.
    .configureOutput({
      writeOut: io.stdout,
      writeErr: json ? () => undefined : io.stderr,
      outputError: (message, write) => write(text.usage(message.trimEnd()) + '\n'),
    })
    .addHelpText(
      'after',
      '\nEvery command takes --json (one JSON document on stdout), --lang en|id (the language of\n' +
        'messages; default from LC_ALL, LC_MESSAGES or LANG), --help and --version.\n' +
        'Exit codes: 0 success (warnings allowed), 1 content or package errors, 2 wrong usage.\n' +
        'Authoring format: docs/authoring.md; scoring: docs/scoring.md; diagnostics: docs/diagnostics.md\n' +
        `(installed with the tool, in ${join(TOOL_ROOT, 'docs')}).`,
    )
    .exitOverride();

  const addJson = (c: Command, withLang = true) => {
    c.option('--json', 'print one JSON document on stdout and nothing else there');
    if (withLang) c.addOption(new Option('--lang <code>', 'language of messages (default: from LC_ALL, LC_MESSAGES or LANG, else en)').choices(MESSAGE_LANGUAGES as unknown as string[]));
    return c;
  };

  addJson(
    program
      .command('build')
      .description('compile a content folder into dist/<id>-<version>-<target>.zip')
      .argument('[dir]', 'content folder', 'content')
      .option('--out <dir>', 'output folder', 'dist')
      .addOption(new Option('--target <list>', `comma list of targets: ${TARGET_LIST}`).default(DEFAULT_TARGETS.join(',')))
      .option('--watch', 'rebuild on every change to the content folder, until Ctrl-C'),
  ).action(async (dir: string, opts: { out: string; target: string; json?: boolean; watch?: boolean }) => {
    const targets = parseTargets(opts.target, text);
    if (opts.watch) {
      exitCode = await watchCommand(io, { dir, outDir: opts.out, targets, epoch: epochFrom(io.env, text), json: Boolean(opts.json), lang });
      return;
    }
    const report = await build({ dir, outDir: opts.out, targets, epoch: epochFrom(io.env, text), onProgress: progress(io, opts.json) });
    exitCode = printReport(report, io, Boolean(opts.json), 'build', lang);
  });

  addJson(
    program
      .command('check')
      .description('check a content folder, or a built SCORM 1.2, SCORM 2004, Tin Can or cmi5 package (.zip), without writing anything')
      .argument('[dir|zip]', 'content folder, or package zip', 'content')
      // A SCORM-only course has no `iri`: checking it for xapi too would report IR503.
      .option('--target <list>', `for a folder: the targets to check it for (${PACKAGE_TARGETS.join(', ')})`, DEFAULT_TARGETS.join(',')),
  ).action(async (dir: string, opts: { json?: boolean; target: string }) => {
    const targets = parseTargets(opts.target, text);
    if (await isPackagePath(dir)) {
      exitCode = printPackageReport(await checkPackageFile(dir), io, Boolean(opts.json), lang);
      return;
    }
    const report = await build({ dir, targets, dryRun: true, epoch: DEFAULT_EPOCH, onProgress: progress(io, opts.json) });
    exitCode = printReport(report, io, Boolean(opts.json), 'check', lang);
  });

  addJson(
    program
      .command('new')
      .description('write a small working course to start from into a new folder')
      .argument('<dir>', 'folder to create (must not exist, or be empty)')
      // Here --lang is also the language of the course and of its comments.
      .option('--lang <code>', `language of the course, its comments and the messages: ${SCAFFOLD_LANGUAGES.join(', ')}`, 'id'),
    false,
  ).action(async (dir: string, opts: { lang: string; json?: boolean }) => {
    if (!(SCAFFOLD_LANGUAGES as readonly string[]).includes(opts.lang)) {
      throw new UsageError(text.langBad(SCAFFOLD_LANGUAGES.join(', '), opts.lang));
    }
    try {
      const r = await scaffoldCourse(dir, { language: opts.lang as ScaffoldLanguage });
      if (opts.json) io.stdout(JSON.stringify({ ok: true, dir: r.dir, files: r.files }, null, 2) + '\n');
      else io.stdout(`${text.wrote(r.files.length, r.dir)}\n${r.files.map((f) => `  ${f}\n`).join('')}${text.next(quoteArg(r.dir))}\n`);
    } catch (e) {
      if (!(e instanceof ScaffoldError)) throw e;
      exitCode = fail(io, json, 'environment', e.message, 1, { dir, files: [] });
    }
  });

  addJson(
    program
      .command('layout')
      .description("print how a course version saves learners' progress, for layouts/ of its next version")
      .argument('<dir|zip>', 'content folder, or a package built from it'),
  ).action(async (dir: string, opts: { json?: boolean }) => {
    const report = await readStateLayout(dir);
    exitCode = printOutcome(report, io, Boolean(opts.json), lang, (counts) => `layout failed: ${counts}`, () => [layoutYaml(report.layout!).trimEnd()]);
  });

  addJson(
    program
      .command('preview')
      .description('serve the course on 127.0.0.1 inside a stand-in LMS (SCORM 1.2, SCORM 2004, cmi5) or LRS (xAPI), rebuilding on change')
      .argument('[dir]', 'content folder', 'content')
      .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', String(DEFAULT_PREVIEW_PORT))
      .addOption(new Option('--target <target>', 'which package to play').choices(PREVIEW_TARGETS as string[]).default('scorm12')),
  ).action(async (dir: string, opts: { port: string; target: PackageTarget; json?: boolean }) => {
    if (!/^\d+$/.test(opts.port) || Number(opts.port) > 65535) throw new UsageError(text.portBad(opts.port));
    exitCode = await previewCommand(io, { dir, port: Number(opts.port), target: opts.target, json: Boolean(opts.json), lang });
  });

  addJson(
    program
      .command('report')
      .description('read learning records (Moodle Interactions reports, xAPI statement files, an LRS) against a course and write report.html, report.json and CSVs')
      .argument('<source...>', 'Moodle Interactions report (.csv/.txt, tab- or comma-separated), statements file (JSON array or NDJSON), `-` for standard input, or an LRS endpoint (http[s]://…/xAPI/)')
      .requiredOption('--course <dir|zip>', 'the course the records were made with: its content folder or a package built from it')
      .option('--out <dir>', 'output folder', 'report')
      .option('--group-by <field>', 'a learner field to group by: a Moodle report column, or an xAPI context extension IRI, platform, grouping, homePage or team')
      .option('--min-group <n>', 'hide groups with fewer learners than this', String(DEFAULT_MIN_GROUP))
      .option('--activity <iri>', 'LRS: the course activity id the LMS launched with (default: the course iri)')
      .option('--since <timestamp>', 'LRS: only statements stored after this ISO 8601 time')
      .option('--until <timestamp>', 'LRS: only statements stored at or before this ISO 8601 time')
      .option('--page-size <n>', 'LRS: statements per request', String(DEFAULT_PAGE_SIZE))
      .option('--lrs-auth-file <file>', `LRS: a file holding key:secret or an Authorization header value (else ${ENV_KEY}/${ENV_SECRET} or ${ENV_AUTH})`)
      .addHelpText('after', `\nLRS credentials come from the environment (${ENV_KEY} and ${ENV_SECRET}, or ${ENV_AUTH}) or --lrs-auth-file, never from a flag value.\nSee docs/report.md.`),
  ).action(async (sources: string[], opts: ReportFlags) => {
    exitCode = await reportCommand(io, sources, opts, lang);
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      // Commander has printed its message (unless --json): the document is all that is left to say.
      if (json) io.stdout(JSON.stringify(failureDocument('usage', text.usage(e.message).replace(/^error: /, '')), null, 2) + '\n');
      return 2;
    }
    if (e instanceof UsageError) return fail(io, json, 'usage', e.message, 2);
    // A port in use, or scorm-again missing: the machine's state, not a wrong command.
    if (e instanceof PreviewError) return fail(io, json, 'environment', e.message, 1);
    if (e instanceof ToolNotBuiltError) return fail(io, json, 'environment', e.message, 1);
    // The file system refusing us (permissions, a file vanishing mid-read, a full disk)
    // is the user's situation to fix, not a crash: say what and where, without a stack.
    const errno = e as NodeJS.ErrnoException;
    if (errno && typeof errno.code === 'string' && typeof errno.syscall === 'string') {
      const where = errno.path ? ` ${errno.path}` : '';
      return fail(io, json, 'environment', `cannot ${errno.syscall}${where}: ${errno.code}`, 1);
    }
    throw e;
  }
}

interface ReportFlags {
  course: string;
  out: string;
  json?: boolean;
  groupBy?: string;
  minGroup: string;
  activity?: string;
  since?: string;
  until?: string;
  pageSize: string;
  lrsAuthFile?: string;
}

function whole(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not \`${value}\``);
  return Number(value);
}

function timestamp(flag: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!/^\d{4}-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`${flag} must be an ISO 8601 time such as 2026-12-01T00:00:00Z, not \`${value}\``);
  }
  return new Date(value).toISOString();
}

async function reportCommand(io: Io, sources: string[], opts: ReportFlags, lang: MessageLanguage): Promise<number> {
  const json = Boolean(opts.json);
  const result = await runReport({
    sources,
    course: opts.course,
    outDir: opts.out,
    groupBy: opts.groupBy ?? null,
    minGroup: whole('--min-group', opts.minGroup, 1, 1_000_000),
    activity: opts.activity ?? null,
    since: timestamp('--since', opts.since),
    until: timestamp('--until', opts.until),
    pageSize: whole('--page-size', opts.pageSize, 1, 100_000),
    authFile: opts.lrsAuthFile ?? null,
    env: io.env,
  });
  // Under --json a report prints what report.json holds; a failure, the one failure document.
  if (json && result.ok && result.report) {
    io.stdout(JSON.stringify(result.report, null, 2) + '\n');
    return 0;
  }
  return printOutcome(
    { ok: result.ok && result.report !== null, diagnostics: result.diagnostics },
    io,
    json,
    lang,
    (counts) => `report failed: ${counts}; nothing was written`,
    (counts) => {
      const r = result.report!;
      return [...result.files, `reported ${r.course.title} ${r.course.version}: ${r.learners} learners, ${r.attempts} attempts, ${r.records.used} of ${r.records.read} records used; ${counts}`];
    },
  );
}

/** A failure with no report of its own: the failure document under --json, else one line on stderr. */
function fail(io: Io, json: boolean, kind: FailureKind, message: string, code: 1 | 2, extra: Record<string, unknown> = {}): number {
  if (json) io.stdout(JSON.stringify({ ...extra, ...failureDocument(kind, message) }, null, 2) + '\n');
  else io.stderr(`integrity-ranger: ${message}\n`);
  return code;
}

/** A folder as the author would type it again: quoted when the shell would split it. */
function quoteArg(dir: string): string {
  return /^[\w./\\:-]+$/.test(dir) ? dir : `"${dir}"`;
}

function parseTargets(list: string, text: CliText): PackageTarget[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(text.targetsNone);
  for (const n of names) {
    if (LATER.includes(n)) throw new UsageError(text.targetLater(n, PACKAGE_TARGETS.join(' / ')));
    if (!isPackageTarget(n)) throw new UsageError(text.targetUnknown(n, PACKAGE_TARGETS.join(', ')));
  }
  return [...new Set(names)] as PackageTarget[];
}

/** `a, b and c`. */
function listed(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join('');
}

function epochFrom(env: NodeJS.ProcessEnv, text: CliText): number {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return DEFAULT_EPOCH;
  if (!/^\d+$/.test(raw)) throw new UsageError(text.epochBad(raw));
  return Number(raw);
}

function progress(io: Io, json: boolean | undefined): ((s: string) => void) | undefined {
  if (json || !io.isTTY || io.env['CI']) return undefined;
  return (step) => io.stderr(`\u001b[2m… ${step}\u001b[0m\n`);
}

/**
 * The shape every report is printed in: with --json the report alone on
 * stdout (a failed one with `error: {kind: "problems", message}` added, the
 * shape of every failure); otherwise diagnostics on stderr, then either why
 * it failed or what succeeded. Exit 1 when the report is not ok.
 */
function printOutcome(
  report: { ok: boolean; diagnostics: Diagnostic[] },
  io: Io,
  json: boolean,
  lang: MessageLanguage,
  failed: (counts: string) => string,
  succeeded: (counts: string) => string[],
): number {
  const text = CLI_TEXT[lang];
  const diagnostics = report.diagnostics.map((d) => localizeDiagnostic(d, lang));
  const counts = text.counts(diagnostics.filter((d) => d.severity === 'error').length, diagnostics.filter((d) => d.severity !== 'error').length);
  if (json) {
    const doc = report.ok ? { ...report, diagnostics } : { ...report, ...failureDocument('problems', failed(counts), diagnostics) };
    io.stdout(JSON.stringify(doc, null, 2) + '\n');
    return report.ok ? 0 : 1;
  }
  printDiagnostics(io, diagnostics, lang);
  if (!report.ok) {
    io.stderr(failed(counts) + '\n');
    return 1;
  }
  for (const line of succeeded(counts)) io.stdout(line + '\n');
  return 0;
}

function printReport(report: BuildReport, io: Io, json: boolean, command: 'build' | 'check', lang: MessageLanguage): number {
  const text = CLI_TEXT[lang];
  return printOutcome(
    report,
    io,
    json,
    lang,
    (counts) => (command === 'build' ? text.buildFailed(counts) : text.checkFailed(counts)),
    (counts) => {
      const what = report.course ? `${report.course.title} ${report.course.version}` : '';
      const zips = command === 'build' ? report.artifacts.map((a) => `${a.path}  ${kb(a.bytes)}  ${a.files} files  sha256:${a.sha256.slice(0, 12)}`) : [];
      return [...mediaLines(report.media, text), ...zips, command === 'build' ? text.built(what, counts) : text.checked(what, counts)];
    },
  );
}

function printPackageReport(report: PackageCheckReport, io: Io, json: boolean, lang: MessageLanguage): number {
  const text = CLI_TEXT[lang];
  return printOutcome(report, io, json, lang, (counts) => text.checkFailed(counts), (counts) => {
    const p = report.package!;
    const kinds = p.kinds.map((k) => targetById(k).label).join(' + ');
    return [...mediaLines(p.media, text), text.checkedPackage(p.path, kinds, p.files, kb(p.bytes), counts)];
  });
}

/** One line per media file and their total, so an author sees what weighs on a slow network. */
function mediaLines(media: readonly { path: string; bytes: number }[], text: CliText): string[] {
  if (!media.length) return [];
  const total = media.reduce((n, m) => n + m.bytes, 0);
  return [...media.map((m) => text.mediaFile(m.path, kb(m.bytes))), text.mediaTotal(kb(total), media.length)];
}

function kb(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}
