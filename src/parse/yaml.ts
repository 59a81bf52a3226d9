import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const toAt = (offset: number): At => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line + firstLine - 1, column: p.col };
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      diags.report('IR101', toAt(e.pos[0]), msg);
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
