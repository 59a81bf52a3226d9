/**
 * `report`, the edge: reads the course (a content folder or a built package),
 * streams every source (files chunk by chunk, LRS page by page) through the
 * pure readers into one aggregator, and writes report.json, report.html and
 * the CSVs atomically (src/node/write-output.ts): on any error nothing is
 * written, and a report already in the folder stays as it was.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostics.js';
import { readContentFolder, ContentFolderError } from '../node/read-content.js';
import { writeAtomically } from '../node/write-output.js';
import { openZip, ZipReadError } from '../check-package/zip.js';
import { packageCourse } from '../check-package/package-course.js';
import type { RuntimeCourse } from '../shared/runtime-types.js';
import { Aggregator, courseFromSource, courseMap, readStatementPage, reportFiles, sourceReader } from './index.js';
import type { ReportData } from './types.js';
import { isLrsSource, lrsAuth, lrsStatementPages, LrsError } from './node-lrs.js';

export interface ReportOptions {
  sources: string[];
  /** A content folder or a package zip. */
  course: string;
  /** Where to write; null: write nothing (the caller only wants the data). */
  outDir: string | null;
  groupBy?: string | null;
  minGroup?: number;
  /** LRS sources: the course activity id (default: the course iri), `since`, `until`, page size, credentials. */
  activity?: string | null;
  since?: string | null;
  until?: string | null;
  pageSize?: number;
  authFile?: string | null;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
}

export interface ReportResult {
  ok: boolean;
  report: ReportData | null;
  /** Paths written. */
  files: string[];
  diagnostics: Diagnostic[];
}

const failed = (diagnostics: Diagnostic[]): ReportResult => ({ ok: false, report: null, files: [], diagnostics });
const problem = (code: Diagnostic['code'], file: string, message: string): Diagnostic => ({ severity: 'error', code, message, file, line: 0, column: 0 });

/** The course of a content folder or of a built package. */
export async function loadReportCourse(path: string): Promise<{ course: RuntimeCourse | null; diagnostics: Diagnostic[] }> {
  let isFile = false;
  try {
    isFile = (await stat(path)).isFile();
  } catch {
    return { course: null, diagnostics: [problem('IR711', path, `the course ${path} does not exist`)] };
  }
  if (isFile) {
    try {
      const zip = openZip(await readFile(path));
      const course = packageCourse(zip);
      if (course) return { course, diagnostics: [] };
      return { course: null, diagnostics: [problem('IR711', path, `${path} is not a package built by integrity-ranger: it holds no course data`)] };
    } catch (e) {
      if (e instanceof ZipReadError) return { course: null, diagnostics: [problem('IR711', path, `${path} is not a readable zip: ${e.message}`)] };
      throw e;
    }
  }
  try {
    const { course, diagnostics } = courseFromSource(await readContentFolder(path));
    if (course) return { course, diagnostics: [] };
    return { course: null, diagnostics: [problem('IR711', path, `the course in ${path} does not build (${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}; run \`integrity-ranger check ${path}\`)`), ...diagnostics] };
  } catch (e) {
    if (e instanceof ContentFolderError) return { course: null, diagnostics: [problem('IR711', path, e.message)] };
    throw e;
  }
}

/** `-`: the statements or report come on standard input (e.g. piped from an LRS export). */
export const STDIN = '-';

/** Streams a file (or standard input, or a pipe) through a source reader; a diagnostic when it cannot be read or is not a source. */
async function readFileSource(path: string, agg: Aggregator, groupBy: string | null): Promise<Diagnostic | null> {
  if (path !== STDIN) {
    try {
      const s = await stat(path);
      if (!s.isFile() && !s.isFIFO()) return problem('IR701', path, `${path} is not a file`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return problem('IR701', path, code === 'ENOENT' || code === 'ENOTDIR' ? `${path} does not exist` : `${path} cannot be read (${code})`);
    }
  }
  const name = path === STDIN ? 'stdin' : path;
  const reader = sourceReader(name, agg, groupBy);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const input = path === STDIN ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of input) {
      const d = reader.push(utf8.decode(chunk as Buffer, { stream: true }));
      if (d) {
        if (path !== STDIN) (input as ReturnType<typeof createReadStream>).destroy();
        return d;
      }
    }
    const d = reader.push(utf8.decode());
    if (d) return d;
  } catch (e) {
    if (e instanceof TypeError) return problem('IR701', name, `${name} is not UTF-8 text`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return problem('IR701', name, `${name} cannot be read (${code})`);
    throw e;
  }
  return reader.end();
}

export async function runReport(o: ReportOptions): Promise<ReportResult> {
  const loaded = await loadReportCourse(o.course);
  if (!loaded.course) return failed(loaded.diagnostics);
  const course = loaded.course;
  const extraIds = o.activity ? [o.activity] : [];
  const map = courseMap(course, extraIds);
  const groupBy = o.groupBy ?? null;
  const agg = new Aggregator(map, { groupBy, minGroup: o.minGroup });
  const errors: Diagnostic[] = [];
  for (const source of o.sources) {
    if (isLrsSource(source)) {
      const activity = o.activity ?? course.iri;
      if (!activity) {
        errors.push(problem('IR704', source, `the course ${course.id} has no \`iri\`, so its statements cannot be asked for; name the course activity id with --activity`));
        continue;
      }
      try {
        const auth = await lrsAuth(o.env ?? process.env, o.authFile ?? null);
        const pages = lrsStatementPages({ endpoint: source, activity, since: o.since, until: o.until, pageSize: o.pageSize, auth, fetch: o.fetch });
        for await (const page of pages) readStatementPage(page, source, agg, groupBy);
      } catch (e) {
        if (!(e instanceof LrsError)) throw e;
        errors.push(e.diagnostic);
      }
    } else {
      const d = await readFileSource(source, agg, groupBy);
      if (d) errors.push(d);
    }
  }
  if (errors.length) return failed(errors);
  const data = agg.finish();
  if (data.diagnostics.some((d) => d.severity === 'error')) return failed(data.diagnostics);
  let files: string[] = [];
  if (o.outDir !== null) {
    try {
      files = await writeAtomically(o.outDir, reportFiles(data));
    } catch (e) {
      return failed([problem('IR716', o.outDir, `cannot write the report into ${o.outDir}: ${(e as Error).message}`)]);
    }
  }
  return { ok: true, report: data, files, diagnostics: data.diagnostics };
}

