import { parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { LineMap } from '../core/source.js';
import type { At, Diagnostics } from '../core/diagnostics.js';

export interface ParsedYaml {
  value: unknown;
  /** Position of the value (or key, with `key`) at a path; falls back to the nearest parent. */
  locate(path: (string | number)[], key?: boolean): At;
}

/**
 * Parses YAML that starts at `firstLine` of `file`, so every position points
 * into the author's file even when the YAML is front matter.
 */
export function parseYaml(text: string, file: string, firstLine: number, diags: Diagnostics): ParsedYaml | null {
  const deep = findDeepYaml(text);
  if (deep) {
    diags.report('IR506', { file, line: deep.line + firstLine - 1, column: deep.column }, `YAML nested more than ${MAX_YAML_NESTING} levels deep`, 'course.yml and front matter need only a few levels: `key: value` lines and short lists.');
    return null;
  }
  // logLevel 'error': the yaml library would otherwise print its warnings on the process's stderr.
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  // Our own line map: the parser's LineCounter misses lines it skipped while recovering from an error.
  const lines = new LineMap(text);
  const toAt = (offset: number): At => {
    const p = lines.position(Math.min(Math.max(offset, 0), text.length));
    return { file, line: p.line + firstLine - 1, column: p.column };
  };
  if (doc.errors.length > 0) {
    // A tab in the indentation is the commonest YAML mistake from a word processor or a Windows editor,
    // and the parser's own errors for it cascade: then one error per tab line says what to do instead.
    const tabs = tabIndentedLines(text);
    if (tabs.length > 0) {
      for (const t of tabs) diags.report('IR113', { file, line: t.line + firstLine - 1, column: t.column }, 'this line is indented with a tab');
      return null;
    }
    // Deeply nested flow collections repeat one error per level: report each once.
    const seen = new Set<string>();
    for (const e of doc.errors) {
      const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const key = `${e.pos[0]}:${msg}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const quote = openingQuote(text, e.code, msg, e.pos[0]);
      if (quote !== null) diags.report('IR101', toAt(quote), `this ${text[quote]} quote is never closed`, `Close it with ${text[quote]} before the end of the value, or remove it.`);
      else diags.report('IR101', toAt(e.pos[0]), msg);
    }
    return null;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    diags.report('IR101', { file, line: firstLine, column: 1 }, (e as Error).message);
    return null;
  }
  return {
    value,
    locate(path, key = false) {
      for (let n = path.length; n >= 0; n--) {
        const node = nodeAt(doc, path.slice(0, n), key && n === path.length);
        if (node?.range) return toAt(node.range[0]);
      }
      return { file, line: firstLine, column: 1 };
    },
  };
}

function nodeAt(doc: Document, path: (string | number)[], key: boolean): Node | null {
  if (path.length === 0) return (doc.contents as Node | null) ?? null;
  if (key) {
    const parent = doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const last = path[path.length - 1];
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
      if (pair && isScalar(pair.key)) return pair.key;
    }
  }
  const node = doc.getIn(path, true);
  return node && typeof node === 'object' && 'range' in (node as object) ? (node as Node) : null;
}

/**
 * The YAML parser reports an unclosed quote where it ran out of text (often the
 * end of the file); the author needs the quote that opened it: the last one before.
 */
function openingQuote(text: string, code: string, msg: string, end: number): number | null {
  const q = code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(msg)?.[1] : undefined;
  if (!q) return null;
  let i = text.lastIndexOf(q, end - 1);
  while (q === '"' && i > 0 && text[i - 1] === '\\') i = text.lastIndexOf(q, i - 2);
  return i >= 0 ? i : null;
}

/** Lines (1-based) whose indentation holds a tab, with the tab's column; blank and comment lines aside. */
function tabIndentedLines(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  text.split('\n').forEach((line, i) => {
    const indent = /^[ \t]*/.exec(line)![0];
    const tab = indent.indexOf('\t');
    if (tab >= 0 && indent.length < line.length && line[indent.length] !== '#') out.push({ line: i + 1, column: tab + 1 });
  });
  return out;
}

/** The YAML parser recurses once per level and overflows its stack some hundreds of levels down. */
export const MAX_YAML_NESTING = 64;

/**
 * Where the YAML nests deeper than the limit, or null. An over-estimate, linear
 * in the text: the stack of indentation widths, plus compact `- `/`? `/`: `
 * markers at the start of a line, plus open `[`/`{` (quoted or not).
 */
function findDeepYaml(text: string): { line: number; column: number } | null {
  const indents: number[] = [];
  let flow = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let i = 0;
    while (line[i] === ' ') i++;
    if (i === line.length || line[i] === '#') continue;
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1]! >= i) indents.pop();
      indents.push(i);
    }
    let depth = indents.length;
    while ((line[i] === '-' || line[i] === '?' || line[i] === ':') && (i + 1 === line.length || line[i + 1] === ' ')) {
      if (++depth > MAX_YAML_NESTING) return { line: n + 1, column: i + 1 };
      i += 1;
      while (line[i] === ' ') i++;
    }
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === '[' || c === '{') {
        if (++flow + depth > MAX_YAML_NESTING) return { line: n + 1, column: i + 1 };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    if (depth > MAX_YAML_NESTING) return { line: n + 1, column: 1 };
  }
  return null;
}
