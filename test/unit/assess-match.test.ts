/**
 * From what a learner types to the answer kept in the state (ASSESS.md §1, §3):
 * fill-in compares with the author's `norm` flags (case, spaces, diacritics
 * ignored unless named), numeric reads `2,5` and `2.5` and finds the first
 * range that holds the value, and anything else is the `*` item or, without
 * one, "no listed answer" (choices.length).
 */
import { describe, expect, it } from 'vitest';
import { normalise, readNumber, typedIndex } from '../../src/player/assess/match.js';
import type { RuntimeChoice, RuntimeQuestion } from '../../src/shared/runtime-types.js';

const item = (text: string, correct: boolean, extra: Partial<RuntimeChoice> = {}): RuntimeChoice => ({ text, html: text, correct, feedbackHtml: null, ...extra });
const question = (type: RuntimeQuestion['type'], choices: RuntimeChoice[], norm?: string): RuntimeQuestion =>
  ({ id: 'q', promptHtml: '', promptText: '', multiple: false, points: 1, dimension: null, type, choices, norm });

describe('fill-in', () => {
  const q = question('fill-in', [item('KPK', true), item('Komisi Pemberantasan Korupsi', true), item('Polisi', false), item('*', false, { other: true })]);

  it('ignores case, outer and repeated spaces and diacritics by default', () => {
    expect(typedIndex(q, 'kpk')).toBe(0);
    expect(typedIndex(q, '  komisi   pemberantasan korupsi ')).toBe(1);
    expect(typedIndex(q, 'Polísi')).toBe(2);
    expect(normalise('  Sàyá  Tahu ')).toBe('saya tahu');
  });

  it('anything else is the * item, and without one "no listed answer"', () => {
    expect(typedIndex(q, 'Kejaksaan')).toBe(3);
    const bare = question('fill-in', [item('KPK', true)]);
    expect(typedIndex(bare, 'Kejaksaan')).toBe(1);
    // The * item's own text never matches what is typed.
    expect(typedIndex(q, '*')).toBe(3);
  });

  it('counts what the author names: case, spaces, diacritics', () => {
    const strict = question('fill-in', [item('KPK', true), item('*', false, { other: true })], 'csd');
    expect(typedIndex(strict, 'KPK')).toBe(0);
    expect(typedIndex(strict, 'kpk')).toBe(1);
    expect(typedIndex(strict, ' KPK')).toBe(1);
    expect(normalise('Á', 'd')).toBe('á');
    expect(normalise(' A  b ', 's')).toBe(' a  b ');
  });
});

describe('numeric', () => {
  const q = question('numeric', [
    item('30', true, { range: [30, 30] }),
    item('25..35', false, { range: [25, 35] }),
    item('2,5', true, { range: [2.5, 2.5] }),
    item('*', false, { other: true }),
  ]);

  it('reads a decimal comma or point, a sign and spaces around', () => {
    expect(readNumber(' 2,5 ')).toBe(2.5);
    expect(readNumber('-3')).toBe(-3);
    expect(readNumber('.5')).toBe(0.5);
    expect(readNumber('tiga puluh')).toBeNaN();
    expect(readNumber('1.000,5')).toBeNaN();
    expect(readNumber('')).toBeNaN();
  });

  it('takes the first item whose range holds the value, inclusive', () => {
    expect(typedIndex(q, '30')).toBe(0);
    expect(typedIndex(q, '30,0')).toBe(0);
    expect(typedIndex(q, '25')).toBe(1);
    expect(typedIndex(q, '35')).toBe(1);
    expect(typedIndex(q, '2.5')).toBe(2);
    expect(typedIndex(q, '36')).toBe(3);
  });
});
