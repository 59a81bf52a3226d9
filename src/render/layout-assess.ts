/**
 * Issue 12 in the state layouts (src/render/state-layout.ts): what a layout
 * records of typed questions, surveys and tests, and the skeleton parts the
 * codec reads back from it. The rule for carrying progress over is the
 * simplest sound one: a typed question's answer is kept like a choice
 * question's (same id, same type and counts, same key); survey and test
 * fields of an earlier version are dropped, and the new version's surveys
 * and tests start unanswered (the codec fills what a plan leaves out from an
 * empty progress).
 */
import type { QuestionType } from '../core/model.js';
import type { RuntimeQuestion, RuntimeSurvey, RuntimeTest } from '../shared/runtime-types.js';
import { fnv24 } from '../shared/state-codec.js';

type TypedType = Exclude<QuestionType, 'choice'>;

/** What fixes a question's state field, and how its answers are read. */
export interface LayoutQuestion {
  id: string;
  choices: number;
  multiple: boolean;
  /** `choiceKey` of the question: its choices' texts and which are correct (and a typed question's targets and pairs). */
  key: string;
  /** Absent: a choice question. */
  type?: TypedType;
  /** matching: the number of targets. */
  targets?: number;
  /** A test question's dimension (its bucket), '' for none. */
  dimension?: string;
}

export interface LayoutSurvey {
  id: string;
  scale: number;
  items: string[];
  /** How many of the lesson's questions come before it: the structure hash reads questions and surveys in course order. */
  after: number;
}

export interface LayoutTest {
  kind: 'test';
  id: string;
  role: 'pre' | 'final';
  attempts: number;
  draw: number;
  perDimension: boolean;
  questions: LayoutQuestion[];
}

/**
 * Fingerprint of a question's answers: any change to what an answer means
 * (texts, order, which are correct; targets and pairs) changes it. A choice
 * question's is what earlier layouts hold.
 */
export function choiceKey(q: RuntimeQuestion): string {
  const choices = q.choices.map((c) => [c.text, c.correct]);
  if (!q.type) return fnv24(JSON.stringify(choices));
  const more = q.choices.map((c) => [c.range ?? null, c.other ? 1 : 0]);
  return fnv24(JSON.stringify([q.type, choices, more, q.targets?.map((t) => t.text) ?? null, q.match ?? null, q.norm ?? '']));
}

export function layoutQuestion(q: RuntimeQuestion, inTest: boolean): LayoutQuestion {
  const out: LayoutQuestion = { id: q.id, choices: q.choices.length, multiple: q.multiple, key: choiceKey(q) };
  if (q.type) out.type = q.type;
  if (q.targets) out.targets = q.targets.length;
  if (inTest) out.dimension = q.dimension ?? '';
  return out;
}

export function layoutSurvey(s: RuntimeSurvey, after: number): LayoutSurvey {
  return { id: s.id, scale: s.scale, items: s.items.map((i) => i.id), after };
}

export function layoutTest(t: RuntimeTest): LayoutTest {
  return { kind: 'test', id: t.id, role: t.role, attempts: t.attempts, draw: t.draw, perDimension: !!t.perDimension, questions: t.questions.map((q) => layoutQuestion(q, true)) };
}

const TEXT = { text: '', html: '' };

/** A question with the layout's structure and nothing else. */
export function skeletonQuestion(q: LayoutQuestion): RuntimeQuestion {
  const out: RuntimeQuestion = {
    id: q.id, promptHtml: '', promptText: '', multiple: q.multiple, points: 0, dimension: q.dimension || null,
    choices: Array.from({ length: q.choices }, () => ({ ...TEXT, correct: false, feedbackHtml: null })),
  };
  if (q.type) out.type = q.type;
  if (q.targets !== undefined) out.targets = Array.from({ length: q.targets }, () => ({ ...TEXT }));
  return out;
}

export function skeletonSurvey(s: LayoutSurvey): RuntimeSurvey {
  return {
    id: s.id, promptHtml: '', promptText: '', scale: s.scale,
    items: s.items.map((id) => ({ ...TEXT, id, dimension: '' })),
    rec: { type: 'likert', correct: [] },
  };
}

export function skeletonTest(t: LayoutTest): RuntimeTest {
  const out: RuntimeTest = {
    kind: 'test', id: t.id, title: '', introHtml: '', role: t.role, pool: '',
    questions: t.questions.map(skeletonQuestion), draw: t.draw, passingScore: null, attempts: t.attempts,
  };
  if (t.perDimension) out.perDimension = true;
  return out;
}

/** Whether an old question's answers mean the same in the new one. */
export function sameAnswers(old: LayoutQuestion, cur: RuntimeQuestion): boolean {
  return cur.choices.length === old.choices && cur.multiple === old.multiple && (cur.type ?? undefined) === old.type && (cur.targets?.length ?? undefined) === old.targets && choiceKey(cur) === old.key;
}

/** Layout YAML lines of a question (a flow mapping), a survey and a test. */
export function questionYaml(x: LayoutQuestion): string {
  const q = (x: string) => JSON.stringify(x);
  return `{id: ${q(x.id)}, choices: ${x.choices}, multiple: ${x.multiple}, key: ${q(x.key)}${x.type ? `, type: ${x.type}` : ''}${x.targets !== undefined ? `, targets: ${x.targets}` : ''}${x.dimension !== undefined ? `, dimension: ${q(x.dimension)}` : ''}}`;
}

export function surveyYaml(s: LayoutSurvey): string {
  const q = (x: string) => JSON.stringify(x);
  return `{id: ${q(s.id)}, scale: ${s.scale}, items: [${s.items.map(q).join(', ')}], after: ${s.after}}`;
}

export function testYaml(t: LayoutTest): string[] {
  const q = (x: string) => JSON.stringify(x);
  return [
    `  - test: ${q(t.id)}`,
    `    role: ${t.role}`,
    `    attempts: ${t.attempts}`,
    `    draw: ${t.draw}`,
    ...(t.perDimension ? ['    per_dimension: true'] : []),
    '    questions:',
    ...t.questions.map((x) => `      - ${questionYaml(x)}`),
  ];
}
