import type { At, Diagnostics } from '../core/diagnostics.js';
import { closest, CURLY_QUOTES_HINT } from './text.js';

export interface Attributes {
  id: string | null;
  values: Map<string, string>;
  flags: Set<string>;
}

const TRAILING = /^\{([^{}]*)\}\s*$/;

/** Splits a trailing `{…}` attribute list off a line; `column` is where the `{` is (1-based). */
export function splitTrailingAttributes(text: string): { text: string; attrs: string | null; column: number } {
  // Only the last `{` can start a trailing list; matching from there stays linear on long lines.
  const open = text.lastIndexOf('{');
  const m = open < 0 ? null : TRAILING.exec(text.slice(open));
  if (!m) return { text: text.trimEnd(), attrs: null, column: 0 };
  return { text: text.slice(0, open).trimEnd(), attrs: m[1]!, column: open + 1 };
}

// Values: "double", 'single', “curly” (from a word processor), or bare.
const TOKEN = /\s*(?:#([^\s"'=]+)|([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|[“”]([^“”]*)[“”]|[‘’]([^‘’]*)[‘’]|([^\s"'“”‘’]+))|([A-Za-z][\w-]*)|(\S+))/y;
const CURLY = /[“”‘’]/;

/**
 * Parses `#id key=value key="quoted value" flag`. Every key must be in `allowed`
 * (values) or `allowedFlags`; anything else is reported at its own column.
 */
export function parseAttributes(
  src: string,
  at: At,
  allowed: readonly string[],
  allowedFlags: readonly string[],
  diags: Diagnostics,
): Attributes {
  const result: Attributes = { id: null, values: new Map(), flags: new Set() };
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) {
    const col = { ...at, column: at.column + 1 + m.index + (m[0].length - m[0].trimStart().length) };
    if (m[1] !== undefined) {
      if (result.id !== null) diags.report('IR206', col, `two ids in one attribute list: #${result.id} and #${m[1]}`);
      result.id = m[1];
    } else if (m[2] !== undefined) {
      const key = m[2];
      if (!allowed.includes(key)) {
        diags.report('IR206', col, `unknown attribute \`${key}\``, hintFor(key, allowed, allowedFlags));
      } else {
        const curly = m[5] ?? m[6];
        // Curly quotes around a value are unambiguous when they pair up: read the value, and say how to write it.
        if (curly !== undefined) {
          const write = /[\s{}]/.test(curly) ? `${key}="${curly}"` : `${key}=${curly}`;
          diags.report('IR222', { ...col, column: col.column + key.length + 1 }, `curly quotes around \`${curly}\` in \`${key}=\` are read as straight quotes`, `Write \`${write}\`: straight quotes ", or none.`);
        }
        result.values.set(key, m[3] ?? m[4] ?? curly ?? m[7] ?? '');
      }
    } else if (m[8] !== undefined) {
      if (!allowedFlags.includes(m[8])) diags.report('IR206', col, `unknown attribute \`${m[8]}\``, hintFor(m[8], allowed, allowedFlags));
      else result.flags.add(m[8]);
    } else if (m[9] !== undefined) {
      diags.report('IR206', col, `cannot read \`${m[9]}\` as an attribute`, CURLY.test(m[9]) ? CURLY_QUOTES_HINT : 'Attributes look like `{#id key=value flag}`.');
    }
    if (m[0].length === 0) break;
  }
  return result;
}

function hintFor(key: string, allowed: readonly string[], flags: readonly string[]): string {
  const close = closest(key, [...allowed, ...flags]);
  const all = [...allowed.map((k) => `${k}=…`), ...flags];
  const list = all.length ? `Allowed here: #id, ${all.join(', ')}.` : 'Only #id is allowed here.';
  return close ? `Did you mean \`${close}\`? ${list}` : list;
}
