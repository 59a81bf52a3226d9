/**
 * The streaming readers take text in chunks of any size: cut at every
 * position (inside strings, escapes, quotes, CRLF), they give exactly what
 * reading the whole text at once gives, with the right line numbers.
 */
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, JsonValueSplitter, type JsonValue } from '../../src/report/json-stream.js';
import { DelimitedReader, readDelimited, type Row } from '../../src/report/delimited.js';

function splitAll(text: string, cut: number[]): JsonValue[] {
  const s = new JsonValueSplitter();
  const out: JsonValue[] = [];
  let at = 0;
  for (const c of [...cut, text.length]) {
    out.push(...s.push(text.slice(at, c)));
    at = c;
  }
  s.end();
  return out;
}

const VALUES = [
  { id: 'a', text: 'kutip "dalam" dan \\ garis miring', n: [1, { x: '}' }], esc: '\\"' },
  { id: 'b', nested: { deep: [[{}], []], s: '[{' }, u: 'é \u2028 ✓' },
  { id: 'c', empty: '', last: '\\' },
];

describe('JsonValueSplitter', () => {
  const ndjson = VALUES.map((v) => JSON.stringify(v)).join('\n') + '\n';
  const array = JSON.stringify(VALUES, null, 2);
  for (const [name, text, lines] of [
    ['NDJSON', ndjson, [1, 2, 3]],
    ['a pretty-printed array', array, [2, 13, 28]],
    ['a StatementResult page', JSON.stringify({ statements: VALUES, more: '' }), [1, 1, 1]],
  ] as const) {
    it(`${name}: the same values and lines whatever the chunks`, () => {
      const whole = splitAll(text, []);
      expect(whole.map((v) => v.value)).toEqual(VALUES);
      if (name !== 'a pretty-printed array') expect(whole.map((v) => v.line)).toEqual(lines);
      else expect(whole.map((v) => v.line)).toEqual(whole.map((v) => text.slice(0, text.indexOf(`"id": "${(v.value as { id: string }).id}"`)).split('\n').length - 1));
      for (let c = 1; c < text.length; c++) expect(splitAll(text, [c]), `cut at ${c}`).toEqual(whole);
      // Many small chunks.
      expect(splitAll(text, Array.from({ length: Math.floor(text.length / 3) }, (_, k) => 3 * (k + 1)))).toEqual(whole);
    });
  }

  it('errors say where: an unfinished statement at its start, garbage at its place, text after the array', () => {
    const err = (text: string) => {
      try {
        splitAll(text, []);
      } catch (e) {
        if (e instanceof JsonSyntaxError) return `${e.line}:${e.column} ${e.message}`;
        throw e;
      }
      return 'no error';
    };
    expect(err('{"a":1}\n  {"b": "x\n')).toBe('2:3 the statement that starts here never ends');
    expect(err('{"a":1}\nnull\n')).toBe('2:1 expected a statement (`{`), found `n`');
    expect(err('[{"a":1}] {"b":2}')).toBe('1:11 text after the closing `]`');
    expect(err('[{"a":1} {"b":2}]')).toBe('1:10 expected `,` or `]` between statements');
    expect(err('{"a":1,}\n')).toMatch(/^1:1 /);
    expect(err('[{"a":1},\n{"b":2}')).toBe('2:7 the text ends before the closing `]`');
  });
});

describe('DelimitedReader', () => {
  const tsv = 'Name\t"Email address"\tAttempt\r\n"Sam \t Student"\tsam@example.com\t1\r\n\r\n"Ani ""A"" B"\tani@example.com\t2\n"multi\nline"\tx@y\t3';
  it('tabs, quotes, doubled quotes, CRLF, a quoted newline, blank lines; any chunking', () => {
    const whole = readDelimited(tsv);
    expect(whole).toEqual<Row[]>([
      { fields: ['Name', 'Email address', 'Attempt'], line: 1 },
      { fields: ['Sam \t Student', 'sam@example.com', '1'], line: 2 },
      { fields: ['Ani "A" B', 'ani@example.com', '2'], line: 4 },
      { fields: ['multi\nline', 'x@y', '3'], line: 5 },
    ]);
    for (let c = 1; c < tsv.length; c++) {
      const r = new DelimitedReader();
      expect([...r.push(tsv.slice(0, c)), ...r.push(tsv.slice(c)), ...r.end()], `cut at ${c}`).toEqual(whole);
    }
  });

  it('comma and semicolon files are told by their header; a byte-order mark is dropped', () => {
    expect(readDelimited('\ufeffName,"Email address",Attempt\r\nA,"a,b",1\r\n').map((r) => r.fields)).toEqual([
      ['Name', 'Email address', 'Attempt'],
      ['A', 'a,b', '1'],
    ]);
    expect(readDelimited('Name;Email;Attempt\nA;a,b;1').map((r) => r.fields)).toEqual([
      ['Name', 'Email', 'Attempt'],
      ['A', 'a,b', '1'],
    ]);
  });
});
