import { catalogue, type CatalogueEntry, type DiagnosticCode } from './catalogue.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** Relative to the content folder (or the zip), forward slashes; '' for problems not tied to a file. */
  file: string;
  line: number;
  column: number;
  hint?: string;
}

export interface At {
  file: string;
  line: number;
  column: number;
}

/**
 * Collects every problem of a run so the author sees them all at once.
 * Severity and hint come from the catalogue unless a call overrides them.
 */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  report(code: DiagnosticCode, at: At, message: string, hint?: string): void {
    const entry: CatalogueEntry = catalogue[code];
    const d: Diagnostic = { severity: entry.severity, code, message, file: at.file, line: at.line, column: at.column };
    const h = hint ?? entry.hint;
    if (h) d.hint = h;
    this.list.push(d);
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  /** Stable order: by file, then position, then code, so output diffs cleanly. */
  sorted(): Diagnostic[] {
    return [...this.list].sort(
      (a, b) =>
        cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.code, b.code) || cmp(a.message, b.message),
    );
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `hintLabel` is the word before the hint in the reader's language (`saran` in Indonesian). */
export function formatDiagnostic(d: Diagnostic, options?: { hintLabel?: string }): string {
  const hintLabel = options?.hintLabel ?? 'hint';
  const where = d.file ? `${d.file}:${d.line}:${d.column}` : 'integrity-ranger';
  const head = `${where}: ${d.severity} ${d.code}: ${d.message}`;
  return d.hint ? `${head}\n  ${hintLabel}: ${d.hint}` : head;
}
