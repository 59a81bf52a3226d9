import type { At, Diagnostics } from '../core/diagnostics.js';
import { validateYaml } from './schemas.js';
import { parseYaml } from './yaml.js';

export interface FrontMatter<T> {
  /** The mapping when it is valid, else null (each problem reported where it is written). */
  value: T | null;
  locate: (path: (string | number)[]) => At;
}

/** Parses and validates a front matter against its schema; an empty one is validated as `{}`. */
export function readFrontMatter<T>(yaml: string, line: number, file: string, schema: object, what: string, diags: Diagnostics): FrontMatter<T> {
  const fallback: FrontMatter<T> = { value: null, locate: () => ({ file, line: 1, column: 1 }) };
  const parsed = parseYaml(yaml, file, line, diags);
  if (!parsed) return fallback;
  if (parsed.value === null || parsed.value === undefined) parsed.value = {};
  const valid = validateYaml(schema, parsed, what, diags);
  return { value: valid ? (parsed.value as T) : null, locate: (p) => parsed.locate(p) };
}
