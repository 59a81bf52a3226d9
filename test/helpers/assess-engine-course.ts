/**
 * Courses with typed questions, surveys and tests, built by hand for the
 * engine, state and scoring tests, so they run without the parser (the
 * records tests have their own, test/helpers/assess-course.ts).
 */
import type {
  RuntimeChoice,
  RuntimeCourse,
  RuntimeLesson,
  RuntimeQuestion,
  RuntimeSurvey,
  RuntimeTest,
} from '../../src/shared/runtime-types.js';

const rec = { type: 'choice', correct: [] };

export function choice(text: string, correct = false, extra: Partial<RuntimeChoice> = {}): RuntimeChoice {
  return { text, html: text, correct, feedbackHtml: null, ...extra };
}

/** A question: `choices` as [text, correct] pairs; anything else in `extra`. */
export function question(id: string, choices: Array<[string, boolean]>, extra: Partial<RuntimeQuestion> = {}): RuntimeQuestion {
  return {
    id,
    promptHtml: '<p>?</p>',
    promptText: '?',
    multiple: choices.filter(([, c]) => c).length > 1,
    points: 1,
    dimension: null,
    choices: choices.map(([t, c]) => choice(t, c)),
    ...extra,
  };
}

/** One question of every type, for a lesson page or a pool. */
export function everyType(prefix = ''): RuntimeQuestion[] {
  return [
    question(prefix + 'pilih', [['a', false], ['b', true], ['c', false]]),
    question(prefix + 'banyak', [['a', true], ['b', false], ['c', true], ['d', false]]),
    question(prefix + 'bs', [['Benar', false], ['Salah', true]], { type: 'true-false', rec }),
    {
      ...question(prefix + 'isian', [['Inspektorat', true], ['inspektorat jenderal', true], ['polisi', false]], { type: 'fill-in', rec }),
      choices: [choice('Inspektorat', true), choice('inspektorat jenderal', true), choice('polisi'), choice('*', false, { other: true })],
    },
    {
      ...question(prefix + 'angka', [], { type: 'numeric', rec }),
      choices: [choice('30', true, { range: [30, 30] }), choice('25..35', true, { range: [25, 35] }), choice('7', false, { range: [7, 7] })],
    },
    {
      ...question(prefix + 'pasang', [['suap', false], ['gratifikasi', false], ['pemerasan', false]], { type: 'matching', rec }),
      targets: ['Pasal 5', 'Pasal 12B', 'Pasal 12e', 'Pasal 2'].map((t) => ({ text: t, html: t })),
      match: [0, 1, 2],
    },
    question(prefix + 'urut', [['tolak', false], ['catat', false], ['lapor', false], ['serahkan', false]], { type: 'sequencing', rec }),
  ];
}

export function lesson(id: string, pages: RuntimeLesson['pages']): RuntimeLesson {
  return { kind: 'lesson', id, title: id, duration: null, objectives: [], pages };
}

export function survey(id: string, phase: 'pre' | 'post' | undefined, items: Array<[string, string]>, scale = 5): RuntimeSurvey {
  return {
    id,
    promptHtml: '<p>Seberapa setuju?</p>',
    promptText: 'Seberapa setuju?',
    scale,
    ...(phase ? { phase } : {}),
    items: items.map(([itemId, dimension]) => ({ id: itemId, text: itemId, html: itemId, dimension })),
    rec: { type: 'likert', correct: [] },
  };
}

export function testUnit(id: string, role: 'pre' | 'final', questions: RuntimeQuestion[], draw: number, extra: Partial<RuntimeTest> = {}): RuntimeTest {
  return {
    kind: 'test',
    id,
    title: id,
    introHtml: '<p>Mulai</p>',
    role,
    pool: 'bank',
    questions,
    draw,
    passingScore: role === 'pre' ? null : 80,
    attempts: role === 'pre' ? 1 : 2,
    ...extra,
  };
}

/** A pool of `n` single-choice questions (choice 0 right), tagged round-robin with `dims`. */
export function pool(n: number, dims: string[], prefix = 'p'): RuntimeQuestion[] {
  return Array.from({ length: n }, (_, i) => question(`${prefix}${i}`, [['benar', true], ['salah', false], ['keliru', false]], { dimension: dims[i % dims.length]! }));
}

export function course(units: RuntimeCourse['units'], extra: Partial<RuntimeCourse> = {}): RuntimeCourse {
  return {
    schema: 1,
    target: 'scorm12',
    id: 'uji-asesmen',
    title: 'Uji',
    version: '1.0.0',
    language: 'id-ID',
    uiLanguage: 'id',
    strings: {} as RuntimeCourse['strings'],
    description: null,
    iri: null,
    passingScore: 80,
    dimensions: [
      { id: 'suap', label: 'Suap' },
      { id: 'gratifikasi', label: 'Gratifikasi' },
      { id: 'pemerasan', label: 'Pemerasan' },
    ],
    units,
    ...extra,
  };
}

/**
 * The course the core's tests share: a pre-survey and a lesson with every
 * question type, a pre-test, a final test `per_dimension` over the same
 * pool, and a post-survey.
 */
export function assessCourse(extra: Partial<RuntimeCourse> = {}): RuntimeCourse {
  const bank = pool(9, ['suap', 'gratifikasi', 'pemerasan']);
  return course(
    [
      lesson('pembuka', [
        { id: 'sikap', title: 'Sikap', blocks: [{ kind: 'survey', survey: survey('sikap-awal', 'pre', [['s1', 'suap'], ['s2', 'gratifikasi'], ['s3', 'gratifikasi']]) }] },
        { id: 'soal', title: 'Soal', blocks: everyType().map((q) => ({ kind: 'question' as const, question: q })) },
      ]),
      testUnit('tes-awal', 'pre', bank, 3),
      testUnit('tes-akhir', 'final', bank, 1, { perDimension: true, attempts: 2 }),
      lesson('penutup', [
        { id: 'sikap-akhir', title: 'Sikap', blocks: [{ kind: 'survey', survey: survey('sikap-akhir', 'post', [['t1', 'suap'], ['t2', 'gratifikasi']]) }] },
      ]),
    ],
    extra,
  );
}

