/**
 * Text in, record events out, chunk by chunk: what a file source is (a Moodle
 * export or a statements file) is told by its first character (`[` or `{`:
 * JSON; anything else: a delimited report), then the right streaming reader
 * takes every chunk. Pure: the edge (node-report.ts) reads files and pages.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { Aggregator } from './aggregate.js';
import { DelimitedReader, type Row } from './delimited.js';
import { JsonSyntaxError, JsonValueSplitter, type JsonValue } from './json-stream.js';
import { moodleColumns, readMoodleRow, type MoodleColumns } from './moodle.js';
import { readStatement } from './xapi.js';

export interface SourceReader {
  /** Reads a chunk; a diagnostic (and nothing more is read) when the text cannot be read as a source. */
  push(chunk: string): Diagnostic | null;
  end(): Diagnostic | null;
  /** What the source turned out to be, once known. */
  readonly kind: 'moodle' | 'statements' | null;
}

export function sourceReader(source: string, agg: Aggregator, groupBy: string | null): SourceReader {
  let kind: SourceReader['kind'] = null;
  let rows: DelimitedReader | null = null;
  let cols: MoodleColumns | null = null;
  let json: JsonValueSplitter | null = null;
  let failed: Diagnostic | null = null;

  const takeRows = (list: Row[]): Diagnostic | null => {
    for (const row of list) {
      if (!cols) {
        const c = moodleColumns(row.fields, groupBy, source);
        if ('code' in c) return c;
        cols = c;
        continue;
      }
      readMoodleRow(row, cols, agg, source);
    }
    return null;
  };
  const takeValues = (list: JsonValue[]): null => {
    for (const v of list) readStatement(v.value, { source, line: v.line }, agg, groupBy);
    return null;
  };
  const jsonError = (e: unknown): Diagnostic => {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return { severity: 'error', code: 'IR703', message: `${source} is not a JSON array or NDJSON of statements: ${e.message}`, file: source, line: e.line, column: e.column };
  };

  const reader: SourceReader = {
    get kind() {
      return kind;
    },
    push(chunk) {
      if (failed) return null;
      if (kind === null) {
        const start = /\S/.exec(chunk.replace(/^\ufeff/, ''));
        if (!start) return null;
        kind = start[0] === '[' || start[0] === '{' ? 'statements' : 'moodle';
        if (kind === 'moodle') rows = new DelimitedReader();
        else json = new JsonValueSplitter();
      }
      try {
        failed = rows ? takeRows(rows.push(chunk)) : takeValues(json!.push(chunk));
      } catch (e) {
        failed = jsonError(e);
      }
      return failed;
    },
    end() {
      if (failed) return null;
      try {
        if (rows) failed = takeRows(rows.end());
        else if (json) json.end();
      } catch (e) {
        failed = jsonError(e);
      }
      if (!failed && cols === null && kind !== 'statements') {
        failed = { severity: 'error', code: 'IR702', message: `${source} is empty: no header row of a Moodle Interactions report, and no statements`, file: source, line: 1, column: 1 };
      }
      return failed;
    },
  };
  return reader;
}

/** A page of statements from an LRS (already parsed). */
export function readStatementPage(statements: unknown[], source: string, agg: Aggregator, groupBy: string | null): void {
  for (const s of statements) readStatement(s, { source, line: 0 }, agg, groupBy);
}
