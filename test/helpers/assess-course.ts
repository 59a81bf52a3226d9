/**
 * Issue 12's records need a course with typed questions, a survey and tests
 * before the parser and engine can make one: the runtime sample course with
 * a lesson holding one question of each type and a survey, and a pre-test and
 * a final test drawn from the same pool, each question and the survey given
 * the `rec` the compiler makes for `target` (src/render/records.ts). The
 * questions are built by hand, so each format is checked without the parser.
 */
import { readFileSync } from 'node:fs';
import { questionRecord, surveyRecord } from '../../src/render/records.js';
import type { LearningEvent } from '../../src/player/transport/types.js';
import { responseText } from '../../src/shared/record-formats.js';
import type { PackageTarget, RuntimeChoice, RuntimeCourse, RuntimeQuestion, RuntimeSurvey, RuntimeTest } from '../../src/shared/runtime-types.js';

export const choice = (text: string, correct: boolean, extra: Partial<RuntimeChoice> = {}): RuntimeChoice => ({ text, html: text, correct, feedbackHtml: null, ...extra });
const base = { promptHtml: '<p>P</p>', promptText: 'Prompt', multiple: false, points: 1, dimension: null };

export const trueFalse: RuntimeQuestion = { ...base, id: 'tf', promptText: 'Hadiah kecil boleh diterima.', dimension: 'gratifikasi', type: 'true-false', choices: [choice('Benar', false), choice('Salah', true)] };
export const fillIn: RuntimeQuestion = {
  ...base,
  id: 'fi',
  promptText: 'Lembaga yang menerima laporan gratifikasi?',
  type: 'fill-in',
  norm: 'c',
  choices: [choice('KPK', true), choice('Komisi Pemberantasan Korupsi', true), choice('Polisi', false), choice('*', false, { other: true })],
};
export const numeric: RuntimeQuestion = {
  ...base,
  id: 'nu',
  promptText: 'Dalam berapa hari kerja gratifikasi dilaporkan?',
  dimension: 'gratifikasi',
  type: 'numeric',
  choices: [choice('30', true, { range: [30, 30] }), choice('2,5..3,5', true, { range: [2.5, 3.5] }), choice('7', false, { range: [7, 7] })],
};
export const matching: RuntimeQuestion = {
  ...base,
  id: 'ma',
  promptText: 'Pasangkan istilah dengan artinya.',
  dimension: 'suap',
  type: 'matching',
  choices: [choice('Suap', true), choice('Gratifikasi', true), choice('Pungli', true)],
  targets: [{ text: 'Memberi agar', html: '' }, { text: 'Hadiah', html: '' }, { text: 'Pungutan', html: '' }, { text: 'Pengalih', html: '' }],
  match: [0, 1, 2],
};
export const sequencing: RuntimeQuestion = { ...base, id: 'se', promptText: 'Urutkan langkahnya.', type: 'sequencing', choices: [choice('Tolak', true), choice('Catat', true), choice('Lapor', true)] };
/** A choice question in the pool: no `rec`, recorded as lesson choice questions are. */
export const poolChoice: RuntimeQuestion = { ...base, id: 'pc', promptText: 'Mana yang suap?', dimension: 'suap', choices: [choice('Amplop agar dipercepat', true), choice('Ucapan terima kasih', false)] };
export const typed = [trueFalse, fillIn, numeric, matching, sequencing];

export const LIKERT = ['Sangat tidak setuju', 'Tidak setuju', 'Ragu-ragu', 'Setuju', 'Sangat setuju'];
export const survey: RuntimeSurvey = {
  id: 'sikap-awal',
  promptHtml: '',
  promptText: 'Seberapa setuju Anda?',
  scale: 5,
  phase: 'pre',
  items: [
    { id: 's1', text: 'Saya akan menolak hadiah dari pemohon layanan.', html: '', dimension: 'gratifikasi' },
    { id: 's2', text: 'Saya akan melaporkan pungli yang saya lihat.', html: '', dimension: 'pemerasan' },
  ],
  rec: { type: 'likert', correct: [] },
};

/** The sample course for `target` with issue 12's lesson (`asesmen`), pre-test (`tes-awal`) and final test (`tes-akhir`). */
export function assessCourse(target: PackageTarget): RuntimeCourse {
  const sample = JSON.parse(readFileSync(new URL('../fixtures/runtime/sample-course.json', import.meta.url), 'utf8')) as RuntimeCourse;
  const lang = sample.language;
  const withRec = (q: RuntimeQuestion, id = q.id): RuntimeQuestion => {
    const rec = questionRecord(q, target, lang);
    return rec ? { ...structuredClone(q), id, rec } : { ...structuredClone(q), id };
  };
  const pool = [...typed.map((q) => withRec(q, 'b-' + q.id)), withRec(poolChoice)];
  const test = (id: string, role: 'pre' | 'final'): RuntimeTest => ({
    kind: 'test',
    id,
    title: role === 'pre' ? 'Tes Awal' : 'Tes Akhir',
    introHtml: '<p>Jawab semua soal.</p>',
    role,
    pool: 'bank-soal',
    questions: pool,
    draw: 4,
    passingScore: role === 'pre' ? null : 80,
    attempts: role === 'pre' ? 1 : 2,
  });
  const s = { ...structuredClone(survey), rec: surveyRecord(survey, target, lang, LIKERT) };
  return {
    ...sample,
    target,
    scoring: 'final-test',
    units: [
      test('tes-awal', 'pre'),
      ...sample.units,
      {
        kind: 'lesson',
        id: 'asesmen',
        title: 'Asesmen',
        duration: null,
        objectives: [],
        assess: 1,
        pages: [{ id: 'p1', title: 'Asesmen', blocks: [...typed.map((q) => ({ kind: 'question' as const, question: withRec(q) })), { kind: 'survey', survey: s }] }],
      },
      test('tes-akhir', 'final'),
    ],
  };
}

export type TestRef = { id: string; role: 'pre' | 'final'; attempt: number };

/**
 * The question-answered event the engine emits for `q` of assessCourse(): in
 * the `asesmen` lesson, or, with `test`, as the pool's `b-<id>` drawn in it;
 * `text` spelt for `target` as player-assess.js does.
 */
export function answerEvent(target: PackageTarget, at: number, q: RuntimeQuestion, response: number[], correct: boolean, typed?: string, test?: TestRef): LearningEvent {
  const text = q.type ? responseText(target, q, response, typed) : undefined;
  return { type: 'question-answered', at, lesson: test ? '' : 'asesmen', question: test ? 'b-' + q.id : q.id, response, correct, first: true, latencyMs: 5234, text, test };
}

/** The members `0`, `1` … of a collection in scorm-again's JSON rendering of the CMI, in order. */
export function cmiList(c: unknown): Array<Record<string, any>> {
  if (!c || typeof c !== 'object') return [];
  const o = c as Record<string, Record<string, any>>;
  return Object.keys(o).filter((k) => /^\d+$/.test(k)).sort((a, b) => +a - +b).map((k) => o[k]!);
}
