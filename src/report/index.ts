/**
 * `integrity-ranger report`, the pure part: the course map, the readers of
 * Moodle exports and statements, the aggregator, the renderers. The disk and
 * the network are in node-report.ts and node-lrs.ts.
 */
import { compile } from '../compile.js';
import type { ContentSource } from '../core/content-source.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { RuntimeCourse } from '../shared/runtime-types.js';
import { reportCsvs } from './render-csv.js';
import { reportHtml } from './render-html.js';
import type { ReportData } from './types.js';

export { Aggregator, DEFAULT_MIN_GROUP, FLAG_MIN_N, TOO_EASY, TOO_HARD } from './aggregate.js';
export { courseMap, type CourseMap } from './course-map.js';
export { sourceReader, readStatementPage, type SourceReader } from './readers.js';
export { reportHtml } from './render-html.js';
export { reportCsvs } from './render-csv.js';
export type * from './types.js';

/** The course of a content folder as its packages' players get it: compiled in memory, no package made. */
export function courseFromSource(source: ContentSource): { course: RuntimeCourse | null; diagnostics: Diagnostic[] } {
  // No target: nothing is packed, so the tool's player files are not needed.
  const result = compile(source, {
    targets: [],
    tool: { version: '', indexTemplate: '', playerCss: new Uint8Array(), playerResults: new Uint8Array(), playerAssess: new Uint8Array(), playerScripts: {}, fullPlayerScripts: {}, mediaScripts: {}, shipped: new Map() },
    epoch: 0,
  });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return { course: result.runtime && !errors.length ? { ...result.runtime, target: 'xapi' } : null, diagnostics: errors };
}

/** The files of a report: report.json, report.html and one CSV per table. */
export function reportFiles(data: ReportData): { name: string; bytes: Uint8Array }[] {
  const enc = new TextEncoder();
  return [
    { name: 'report.json', bytes: enc.encode(JSON.stringify(data, null, 2) + '\n') },
    { name: 'report.html', bytes: enc.encode(reportHtml(data)) },
    ...reportCsvs(data).map((c) => ({ name: c.name, bytes: enc.encode(c.text) })),
  ];
}
