/**
 * src/shared/answers.ts: every type's answers ⇄ codes, exhaustively (each
 * code decodes to a distinct answer that encodes back to it), what is right,
 * and the fill-in and numeric matchers.
 */
import { describe, expect, it } from 'vitest';
import { answerCount, fromCode, isRight, matchFillIn, matchNumeric, toCode } from '../../src/shared/answers.js';
import type { RuntimeQuestion } from '../../src/shared/runtime-types.js';
import { choice, everyType, question } from '../helpers/assess-engine-course.js';

const byId = (id: string) => everyType().find((q) => q.id === id)!;

describe('answer codes', () => {
  it('A per type: single k, multiple 2^k − 1, true-false 2, fill-in/numeric k + 1, matching m^n, sequencing n!', () => {
    expect(everyType().map((q) => [q.id, answerCount(q)])).toEqual([
      ['pilih', 3],
      ['banyak', 15],
      ['bs', 2],
      ['isian', 5],
      ['angka', 4],
      ['pasang', 64],
      ['urut', 24],
    ]);
    const big = { ...byId('urut'), choices: Array.from({ length: 8 }, (_, i) => choice(`s${i}`)) };
    expect(answerCount(big)).toBe(40320);
  });

  it('every code decodes to a distinct answer, which encodes back to the same code', () => {
    for (const q of everyType()) {
      const seen = new Set<string>();
      for (let code = 0; code < answerCount(q); code++) {
        const a = fromCode(q, code);
        expect(toCode(q, a), `${q.id} ${code}`).toBe(code);
        seen.add(JSON.stringify(a));
      }
      expect(seen.size, q.id).toBe(answerCount(q));
    }
  });

  it('choice codes are what the state codec always wrote: the choice, or the chosen set as a bitmask minus one', () => {
    expect(toCode(byId('pilih'), [2])).toBe(2);
    expect(toCode(byId('banyak'), [0, 2])).toBe(0b101 - 1);
    expect(fromCode(byId('banyak'), 0b1010 - 1)).toEqual([1, 3]);
  });

  it('matching is mixed radix (source 0 first); sequencing is the Lehmer code of the order', () => {
    expect(toCode(byId('pasang'), [1, 0, 3])).toBe(1 * 16 + 0 * 4 + 3);
    expect(toCode(byId('urut'), [0, 1, 2, 3])).toBe(0);
    expect(toCode(byId('urut'), [3, 2, 1, 0])).toBe(23);
    // Lehmer digits of [1, 3, 0, 2]: 1 (0 is after), 2 (0 and 2 after), 0, 0 → 1·3! + 2·2! = 10.
    expect(toCode(byId('urut'), [1, 3, 0, 2])).toBe(10);
    expect(fromCode(byId('urut'), 10)).toEqual([1, 3, 0, 2]);
  });

  it('answers that are not answers of the question code out of range', () => {
    const bad = (q: RuntimeQuestion, a: number[]) => {
      const c = toCode(q, a);
      return !(c >= 0 && c < answerCount(q));
    };
    expect(bad(byId('urut'), [0, 0, 1, 2])).toBe(true);
    expect(bad(byId('urut'), [0, 1, 2])).toBe(true);
    expect(bad(byId('pasang'), [0, 4, 1])).toBe(true);
    expect(bad(byId('pasang'), [0, 1])).toBe(true);
    expect(bad(byId('pilih'), [])).toBe(true);
    expect(bad(byId('banyak'), [])).toBe(true);
  });
});

describe('isRight', () => {
  it('per type', () => {
    expect(isRight(byId('pilih'), [1])).toBe(true);
    expect(isRight(byId('pilih'), [0])).toBe(false);
    expect(isRight(byId('banyak'), [0, 2])).toBe(true);
    expect(isRight(byId('banyak'), [0])).toBe(false);
    expect(isRight(byId('banyak'), [0, 1, 2])).toBe(false);
    expect(isRight(byId('bs'), [1])).toBe(true);
    expect(isRight(byId('bs'), [0])).toBe(false);
    expect(isRight(byId('isian'), [0])).toBe(true);
    expect(isRight(byId('isian'), [1])).toBe(true);
    expect(isRight(byId('isian'), [2])).toBe(false);
    expect(isRight(byId('isian'), [3])).toBe(false);
    expect(isRight(byId('angka'), [3])).toBe(false);
    expect(isRight(byId('angka'), [1])).toBe(true);
    expect(isRight(byId('pasang'), [0, 1, 2])).toBe(true);
    expect(isRight(byId('pasang'), [0, 2, 1])).toBe(false);
    expect(isRight(byId('pasang'), [0, 1, 3])).toBe(false);
    expect(isRight(byId('urut'), [0, 1, 2, 3])).toBe(true);
    expect(isRight(byId('urut'), [1, 0, 2, 3])).toBe(false);
    for (const q of everyType()) expect(isRight(q, []), q.id).toBe(false);
  });
});

describe('matchFillIn', () => {
  const q = byId('isian');
  it('by default case, spaces and diacritics do not matter; the `*` item takes the rest', () => {
    expect(matchFillIn(q, 'inspektorat')).toBe(0);
    expect(matchFillIn(q, '  INSPEKTORAT  ')).toBe(0);
    expect(matchFillIn(q, 'Inspéktorat')).toBe(0);
    expect(matchFillIn(q, 'Inspektorat   Jenderal')).toBe(1);
    expect(matchFillIn(q, 'Polisi')).toBe(2);
    expect(matchFillIn(q, 'KPK')).toBe(3);
    expect(matchFillIn(q, '')).toBe(3);
  });

  it('`c`, `s`, `d` in norm make case, spaces, diacritics matter', () => {
    expect(matchFillIn({ ...q, norm: 'c' }, 'inspektorat')).toBe(3);
    expect(matchFillIn({ ...q, norm: 'c' }, 'Inspektorat ')).toBe(0);
    expect(matchFillIn({ ...q, norm: 's' }, ' inspektorat')).toBe(3);
    expect(matchFillIn({ ...q, norm: 's' }, 'inspektorat  jenderal')).toBe(3);
    expect(matchFillIn({ ...q, norm: 'd' }, 'inspéktorat')).toBe(3);
    // Composed or decomposed, the same letter.
    const cafe = { ...q, norm: 'd', choices: [choice('kafé', true)] };
    expect(matchFillIn(cafe, 'kafe\u0301')).toBe(0);
    expect(matchFillIn(cafe, 'kafe')).toBe(1);
  });

  it('without a `*` item an unlisted answer is choices.length', () => {
    const noOther = { ...q, choices: q.choices.slice(0, 3) };
    expect(matchFillIn(noOther, 'KPK')).toBe(3);
    expect(answerCount(noOther)).toBe(4);
  });
});

describe('matchNumeric', () => {
  const q = byId('angka');
  it('exact values and inclusive ranges, the first listed item that holds it', () => {
    expect(matchNumeric(q, '30')).toBe(0);
    expect(matchNumeric(q, '25')).toBe(1);
    expect(matchNumeric(q, '35')).toBe(1);
    expect(matchNumeric(q, '7')).toBe(2);
    expect(matchNumeric(q, '36')).toBe(3);
    expect(matchNumeric(q, '24.99')).toBe(3);
  });

  it('`2,5` and `2.5` are the same number; separators of thousands and words are not numbers', () => {
    const half = { ...q, choices: [choice('2,5', true, { range: [2.5, 2.5] }), choice('*', false, { other: true })] };
    expect(matchNumeric(half, '2,5')).toBe(0);
    expect(matchNumeric(half, ' 2.5 ')).toBe(0);
    expect(matchNumeric(half, '2.50')).toBe(0);
    const thousand = { ...q, choices: [choice('1000', true, { range: [1000, 1000] }), choice('*', false, { other: true })] };
    expect(matchNumeric(thousand, '1000')).toBe(0);
    for (const typed of ['1.000,0', '1 000', '1,000.5', 'seribu', '', '1e3', '--1']) expect(matchNumeric(thousand, typed), typed).toBe(1);
    expect(matchNumeric(q, '-7')).toBe(3);
    expect(matchNumeric({ ...q, choices: [choice('-7', true, { range: [-7, -7] })] }, '-7')).toBe(0);
  });

  it('without a `*` item an unmatched number is choices.length', () => {
    expect(matchNumeric(question('n', [], { type: 'numeric', choices: [choice('1', true, { range: [1, 1] })] }), '2')).toBe(1);
  });
});
