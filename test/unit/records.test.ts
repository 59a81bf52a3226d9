/**
 * Issue 12's records, type by type and target by target: the `rec` the
 * compiler puts on a typed question or a survey (src/render/records.ts), the
 * learner's response the assess module spells (src/shared/record-formats.ts),
 * and what a target cannot express (recordProblems). Questions are built by
 * hand, so each format is checked without the parser.
 */
import { describe, expect, it } from 'vitest';
import { Scorm2004API } from 'scorm-again/scorm2004';
import { Scorm12API } from 'scorm-again/scorm12';
import { questionRecord, recordProblems, surveyRecord } from '../../src/render/records.js';
import { decimal, parseNumber, responseText } from '../../src/shared/record-formats.js';
import { hasIndonesian, localizeDiagnostic } from '../../src/core/messages-id.js';
import type { PackageTarget, RuntimeQuestion, RuntimeSurvey } from '../../src/shared/runtime-types.js';
import { choice, fillIn, matching, numeric, sequencing, survey as assessSurvey, trueFalse } from '../helpers/assess-course.js';

const base = { promptHtml: 'P', promptText: 'Prompt', multiple: false, points: 1, dimension: null };
const survey: RuntimeSurvey = { ...assessSurvey, id: 'sikap', items: assessSurvey.items.slice(0, 1) };

const rec = (q: RuntimeQuestion, t: PackageTarget) => questionRecord(q, t, 'id-ID')!;

describe('questionRecord: SCORM 1.2 (RTE 1.2 §3.4.4)', () => {
  it('gives the interaction type word and the correct_responses patterns of each type', () => {
    expect(rec(trueFalse, 'scorm12')).toEqual({ type: 'true-false', correct: ['f'] });
    // Alternatives are patterns of their own; case_matters has no 1.2 spelling.
    expect(rec(fillIn, 'scorm12')).toEqual({ type: 'fill-in', correct: ['KPK', 'Komisi Pemberantasan Korupsi'] });
    // A range has no 1.2 pattern: only the exact value.
    expect(rec(numeric, 'scorm12')).toEqual({ type: 'numeric', correct: ['30'] });
    expect(rec(matching, 'scorm12')).toEqual({ type: 'matching', correct: ['1.a,2.b,3.c'] });
    expect(rec(sequencing, 'scorm12')).toEqual({ type: 'sequencing', correct: ['a,b,c'] });
  });

  it('gives no record for a choice question (the transports keep recording it as before)', () => {
    expect(questionRecord({ ...base, id: 'c', choices: [choice('a', true), choice('b', false)] }, 'scorm12')).toBeUndefined();
  });

  it('a survey is likert without a correct response', () => {
    expect(surveyRecord(survey, 'scorm12')).toEqual({ type: 'likert', correct: [] });
  });
});

describe('questionRecord: SCORM 2004 (RTE 2004 §4.2.9.1)', () => {
  it('uses the bracketed delimiters, {case_matters}, min[:]max, and the SPM of each type', () => {
    expect(rec(trueFalse, 'scorm2004')).toEqual({ type: 'true-false', correct: ['false'] });
    expect(rec(fillIn, 'scorm2004').correct).toEqual(['{case_matters=true}KPK', '{case_matters=true}Komisi Pemberantasan Korupsi']);
    expect(rec({ ...fillIn, norm: '' }, 'scorm2004').correct).toEqual(['KPK', 'Komisi Pemberantasan Korupsi']);
    // numeric: one pattern (SPM 1), an exact value as a range of one.
    expect(rec(numeric, 'scorm2004').correct).toEqual(['30[:]30']);
    expect(rec({ ...numeric, choices: numeric.choices.slice(1) }, 'scorm2004').correct).toEqual(['2.5[:]3.5']);
    expect(rec(matching, 'scorm2004').correct).toEqual(['1[.]a[,]2[.]b[,]3[.]c']);
    expect(rec(sequencing, 'scorm2004').correct).toEqual(['a[,]b[,]c']);
    const many = { ...fillIn, choices: ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => choice(t, true)) };
    expect(rec(many, 'scorm2004').correct).toHaveLength(5);
    expect(rec(trueFalse, 'scorm2004').def).toBeUndefined();
  });
});

describe('questionRecord: xAPI and cmi5 (xAPI 1.0.3 Data.md §2.4.4.1)', () => {
  for (const target of ['xapi', 'cmi5'] as const) {
    it(`${target}: interactionType, correctResponsesPattern and the type's components, with language maps`, () => {
      expect(rec(trueFalse, target)).toEqual({ type: 'true-false', correct: ['false'], def: { interactionType: 'true-false', correctResponsesPattern: ['false'] } });
      expect(rec(fillIn, target).def).toEqual({ interactionType: 'fill-in', correctResponsesPattern: ['{case_matters=true}KPK', '{case_matters=true}Komisi Pemberantasan Korupsi'] });
      // Every accepted value or range is an alternative; an exact value is the number alone.
      expect(rec(numeric, target).def).toEqual({ interactionType: 'numeric', correctResponsesPattern: ['30', '2.5[:]3.5'] });
      expect(rec(matching, target).def).toEqual({
        interactionType: 'matching',
        correctResponsesPattern: ['1[.]a[,]2[.]b[,]3[.]c'],
        source: [
          { id: '1', description: { 'id-ID': 'Suap' } },
          { id: '2', description: { 'id-ID': 'Gratifikasi' } },
          { id: '3', description: { 'id-ID': 'Pungli' } },
        ],
        target: ['Memberi agar', 'Hadiah', 'Pungutan', 'Pengalih'].map((t, i) => ({ id: 'abcd'[i], description: { 'id-ID': t } })),
      });
      expect(rec(sequencing, target).def).toEqual({
        interactionType: 'sequencing',
        correctResponsesPattern: ['a[,]b[,]c'],
        choices: ['Tolak', 'Catat', 'Lapor'].map((t, i) => ({ id: 'abc'[i], description: { 'id-ID': t } })),
      });
    });

    it(`${target}: a survey is likert with a scale of the labels given, or of the points`, () => {
      const labels = ['Sangat tidak setuju', 'Tidak setuju', 'Netral', 'Setuju', 'Sangat setuju'];
      const r = surveyRecord(survey, target, 'id-ID', labels);
      expect(r).toEqual({ type: 'likert', correct: [], def: { interactionType: 'likert', scale: labels.map((l, i) => ({ id: String(i + 1), description: { 'id-ID': l } })) } });
      expect((surveyRecord({ ...survey, scale: 7 }, target, 'en').def!.scale as unknown[])[6]).toEqual({ id: '7', description: { en: '7' } });
    });
  }
});

describe('responseText: the learner\'s answer in the target\'s format', () => {
  it('true-false, matching, sequencing per target', () => {
    expect(responseText('scorm12', trueFalse, [0])).toBe('t');
    expect(responseText('scorm12', trueFalse, [1])).toBe('f');
    expect(responseText('scorm2004', trueFalse, [1])).toBe('false');
    expect(responseText('xapi', trueFalse, [0])).toBe('true');
    expect(responseText('scorm12', matching, [1, 0, 3])).toBe('1.b,2.a,3.d');
    expect(responseText('scorm2004', matching, [1, 0, 3])).toBe('1[.]b[,]2[.]a[,]3[.]d');
    // A source left unmatched in a test is not a pair.
    expect(responseText('cmi5', matching, [1, -1, 3])).toBe('1[.]b[,]3[.]d');
    expect(responseText('scorm12', sequencing, [2, 0, 1])).toBe('c,a,b');
    expect(responseText('xapi', sequencing, [2, 0, 1])).toBe('c[,]a[,]b');
  });

  it('fill-in: what was typed, trimmed; without it the listed answer matched, or nothing for any other', () => {
    expect(responseText('scorm12', fillIn, [0], '  kpk ')).toBe('kpk');
    expect(responseText('scorm2004', fillIn, [1])).toBe('Komisi Pemberantasan Korupsi');
    expect(responseText('xapi', fillIn, [3])).toBe('');
    expect(responseText('xapi', fillIn, [4])).toBe('');
    // Delimiters a learner types cannot split the response in RTE 2004 / xAPI; RTE 1.2 keeps the text.
    expect(responseText('scorm2004', fillIn, [3], '{x} a[,]b')).toBe('x} a[ ,]b');
    expect(responseText('scorm12', fillIn, [3], '{x} a[,]b')).toBe('{x} a[,]b');
    expect(responseText('scorm12', fillIn, [3], 'x'.repeat(300))).toHaveLength(250);
  });

  it('numeric: the number typed with a decimal point; without it a value of the range matched', () => {
    expect(responseText('scorm12', numeric, [1], '2,5')).toBe('2.5');
    expect(responseText('scorm2004', numeric, [0], ' 30 ')).toBe('30');
    expect(responseText('xapi', numeric, [1])).toBe('2.5');
    expect(responseText('xapi', numeric, [3])).toBe('');
    expect(responseText('xapi', numeric, [3], 'tiga')).toBe('');
    expect(parseNumber('-0,5')).toBe(-0.5);
    expect(parseNumber('1e5')).toBeNaN();
    expect(decimal(1e-7)).toBe('0.0000001');
    expect(decimal(-12.5)).toBe('-12.5');
  });
});

describe('the formats are the ones a strict run-time accepts', () => {
  /** Writes one interaction through a run-time's SetValue; the refused writes, with the run-time's error code. */
  const refused = (setValue: (e: string, v: string) => unknown, lastError: () => unknown, writes: Array<[string, string]>): string[] =>
    writes.filter(([e, v]) => String(setValue('cmi.interactions.0.' + e, v)) !== 'true').map(([e, v]) => `${e}=${v} → ${String(lastError())}`);
  const set12 = (type: string, response: string, pattern: string | undefined) => {
    const api = new Scorm12API({ logLevel: 5 });
    api.LMSInitialize('');
    const p: Array<[string, string]> = pattern === undefined ? [] : [['correct_responses.0.pattern', pattern]];
    return refused((e, v) => api.LMSSetValue(e, v), () => api.LMSGetLastError(), [['id', 'q'], ['type', type], ['student_response', response], ...p]);
  };
  const set2004 = (type: string, response: string, patterns: string[]) => {
    const api = new Scorm2004API({ logLevel: 5 });
    api.Initialize('');
    const p = patterns.map((x, i): [string, string] => [`correct_responses.${i}.pattern`, x]);
    return refused((e, v) => api.SetValue(e, v), () => api.GetLastError(), [['id', 'q'], ['type', type], ...p, ['learner_response', response]]);
  };
  const cases: Array<[RuntimeQuestion, number[], string?]> = [
    [trueFalse, [0]],
    [fillIn, [0], 'Kpk'],
    [numeric, [1], '3,1'],
    [matching, [1, 0, 2]],
    [sequencing, [1, 0, 2]],
  ];
  it('scorm-again\'s SCORM 1.2 run-time takes every type\'s response and pattern, within 255 characters', () => {
    for (const [q, a, typed] of cases) {
      const r = rec(q, 'scorm12');
      const response = responseText('scorm12', q, a, typed);
      expect(response.length).toBeLessThanOrEqual(255);
      expect(set12(r.type, response, r.correct[0]), q.id).toEqual([]);
    }
    expect(set12('likert', '5', undefined)).toEqual([]);
  });
  it('scorm-again\'s SCORM 2004 run-time takes every type\'s learner_response and patterns', () => {
    for (const [q, a, typed] of cases) {
      const r = rec(q, 'scorm2004');
      expect(set2004(r.type, responseText('scorm2004', q, a, typed), r.correct), q.id).toEqual([]);
    }
    expect(set2004('likert', '5', [])).toEqual([]);
    // The check is live: a SCORM 1.2 spelling is refused here.
    expect(set2004('true-false', 't', [])).toEqual(['learner_response=t → 406']);
  });
});

describe('recordProblems: what a target cannot express', () => {
  it('SCORM 1.2: a fill-in answer over 255 characters, a numeric range, more than 26 targets', () => {
    const long = { ...fillIn, choices: [choice('x'.repeat(256), true)] };
    expect(recordProblems(long, 'scorm12').map((p) => p.code)).toEqual(['IR268']);
    expect(recordProblems(long, 'scorm12')[0]!.message).toMatch(/has 256 characters; SCORM 1.2 records at most 255$/);
    expect(recordProblems(numeric, 'scorm12')).toEqual([{ code: 'IR269', message: 'SCORM 1.2 records a correct response as one number, not the range `2,5..3,5`' }]);
    const wide = { ...matching, targets: Array.from({ length: 27 }, (_, i) => ({ text: 't' + i, html: '' })) };
    expect(recordProblems(wide, 'scorm12')).toEqual([{ code: 'IR268', message: '27 targets; SCORM 1.2 names them with the letters a–z' }]);
    expect(recordProblems(wide, 'scorm2004')).toEqual([]);
    expect(recordProblems(trueFalse, 'scorm12')).toEqual([]);
    expect(recordProblems(sequencing, 'scorm12')).toEqual([]);
  });

  it('SCORM 2004: more than one numeric answer, more than five fill-in variants, a delimiter in an answer', () => {
    expect(recordProblems(numeric, 'scorm2004')).toEqual([{ code: 'IR269', message: '2 accepted values or ranges; SCORM 2004 records only the first, `30`, as the correct response' }]);
    const many = { ...fillIn, choices: ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => choice(t, true)) };
    expect(recordProblems(many, 'scorm2004')).toEqual([{ code: 'IR269', message: '6 accepted answers; SCORM 2004 records the first 5 as correct responses' }]);
    const delim = { ...fillIn, choices: [choice('a[,]b', true), choice('{lang}', true)] };
    expect(recordProblems(delim, 'scorm2004').map((p) => p.code)).toEqual(['IR268', 'IR268']);
    expect(recordProblems(delim, 'xapi').map((p) => p.code)).toEqual(['IR268', 'IR268']);
    expect(recordProblems(delim, 'scorm12')).toEqual([]);
    expect(recordProblems(numeric, 'xapi')).toEqual([]);
    expect(recordProblems(many, 'cmi5')).toEqual([]);
  });
});

describe('recordProblems in Indonesian', () => {
  it('every message has its Indonesian edition (src/core/messages-id.ts)', () => {
    const wide = { ...matching, choices: Array.from({ length: 10 }, (_, i) => choice('s' + i, true)), targets: Array.from({ length: 27 }, (_, i) => ({ text: 't' + i, html: '' })) };
    const cases: Array<[RuntimeQuestion, PackageTarget]> = [
      [{ ...fillIn, choices: [choice('x'.repeat(256), true)] }, 'scorm12'],
      [{ ...fillIn, choices: [choice('a[,]b', true)] }, 'xapi'],
      [{ ...fillIn, choices: ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => choice(t, true)) }, 'scorm2004'],
      [numeric, 'scorm12'],
      [numeric, 'scorm2004'],
      [wide, 'scorm12'],
      [{ ...sequencing, choices: Array.from({ length: 27 }, (_, i) => choice('s' + i, true)) }, 'scorm12'],
    ];
    const all = cases.flatMap(([q, t]) => recordProblems(q, t));
    expect(all.map((p) => p.code)).toEqual(['IR268', 'IR268', 'IR269', 'IR269', 'IR269', 'IR268', 'IR268', 'IR268']);
    for (const p of all) {
      const d = { severity: p.code === 'IR268' ? 'error' : 'warning', code: p.code, message: p.message, file: 'x.md', line: 1, column: 1 } as const;
      expect(hasIndonesian(d).message, p.message).toBe(true);
      expect(localizeDiagnostic(d, 'id').message, p.message).not.toBe(p.message);
    }
  });
});
