/**
 * The command line: parses flags, calls the library, prints, returns an exit
 * code (0 ok, 1 content or package errors, 2 wrong usage). Nothing else.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, DEFAULT_EPOCH, PACKAGE_TARGETS, type BuildReport } from './index.js';
import { formatDiagnostic, type Diagnostic } from './core/diagnostics.js';
import type { PackageTarget } from './compile.js';
import { TOOL_ROOT, ToolNotBuiltError } from './node/tool-assets.js';

const LATER = ['cmi5', 'scorm2004', 'web'];

class UsageError extends Error {}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const json = argv.includes('--json');
  const version = (JSON.parse(readFileSync(join(TOOL_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const program = new Command('integrity-ranger')
    .description('Compile Markdown lessons and branching scenarios into SCORM 1.2 and xAPI packages.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  const addJson = (c: Command) => c.option('--json', 'print one JSON document on stdout and nothing else there');

  addJson(
    program
      .command('build')
      .description('compile a content folder into dist/<id>-<version>-<target>.zip')
      .argument('[dir]', 'content folder', 'content')
      .option('--out <dir>', 'output folder', 'dist')
      .addOption(new Option('--target <list>', `comma list of targets: ${PACKAGE_TARGETS.join(', ')}`).default(PACKAGE_TARGETS.join(','))),
  ).action(async (dir: string, opts: { out: string; target: string; json?: boolean }) => {
    const targets = parseTargets(opts.target);
    const report = await build({ dir, outDir: opts.out, targets, epoch: epochFrom(io.env), onProgress: progress(io, opts.json) });
    exitCode = printReport(report, io, Boolean(opts.json), 'build');
  });

  addJson(
    program
      .command('check')
      .description('check a content folder without writing anything')
      .argument('<dir>', 'content folder'),
  ).action(async (dir: string, opts: { json?: boolean }) => {
    const report = await build({ dir, targets: PACKAGE_TARGETS, dryRun: true, epoch: DEFAULT_EPOCH, onProgress: progress(io, opts.json) });
    exitCode = printReport(report, io, Boolean(opts.json), 'check');
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      if (json) io.stdout(JSON.stringify({ ok: false, error: e.message }) + '\n');
      else io.stderr(`integrity-ranger: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ToolNotBuiltError) {
      io.stderr(`integrity-ranger: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function parseTargets(list: string): PackageTarget[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--target needs at least one target');
  for (const n of names) {
    if (LATER.includes(n)) throw new UsageError(`target \`${n}\` is planned but not available yet; use ${PACKAGE_TARGETS.join(' or ')}`);
    if (!(PACKAGE_TARGETS as readonly string[]).includes(n)) throw new UsageError(`unknown target \`${n}\`; targets are ${PACKAGE_TARGETS.join(', ')}`);
  }
  return [...new Set(names)] as PackageTarget[];
}

function epochFrom(env: NodeJS.ProcessEnv): number {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return DEFAULT_EPOCH;
  if (!/^\d+$/.test(raw)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not \`${raw}\``);
  return Number(raw);
}

function progress(io: Io, json: boolean | undefined): ((s: string) => void) | undefined {
  if (json || !io.isTTY || io.env['CI']) return undefined;
  return (step) => io.stderr(`\u001b[2m… ${step}\u001b[0m\n`);
}

function printReport(report: BuildReport, io: Io, json: boolean, command: 'build' | 'check'): number {
  if (json) {
    io.stdout(JSON.stringify(report, null, 2) + '\n');
    return report.ok ? 0 : 1;
  }
  for (const d of report.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  const counts = count(report.diagnostics);
  if (!report.ok) {
    io.stderr(`${command} failed: ${counts}${command === 'build' ? '; nothing was written' : ''}\n`);
    return 1;
  }
  if (command === 'build') {
    for (const a of report.artifacts) io.stdout(`${a.path}  ${kb(a.bytes)}  ${a.files} files  sha256:${a.sha256.slice(0, 12)}\n`);
  }
  const what = report.course ? `${report.course.title} ${report.course.version}` : '';
  io.stdout(`${command === 'build' ? 'built' : 'checked'} ${what}: ${counts}\n`);
  return 0;
}

function count(ds: Diagnostic[]): string {
  const e = ds.filter((d) => d.severity === 'error').length;
  const w = ds.length - e;
  return `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
}

function kb(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}
