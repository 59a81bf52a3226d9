/**
 * Questions (every type), surveys and tests as the player runs them. What a
 * type does not use stays absent, so a course of choice questions renders
 * byte-for-byte as before issue 12.
 */
import type { Markdown, Pool, Question, Survey, Test } from '../core/model.js';
import type { RuntimeQuestion, RuntimeSurvey, RuntimeTest } from '../shared/runtime-types.js';
import { plainText, type MarkdownRenderer } from './markdown.js';

type Md = Pick<MarkdownRenderer, 'block' | 'inline'>;

/** A survey's records are made per target (src/render/records.ts); this one stands until then. */
const LIKERT = { type: 'likert', correct: [] as string[] };

export function renderQuestion(q: Question, md: Md): RuntimeQuestion {
  const promptHtml = md.block(q.prompt);
  const feedback = (m: Markdown | null) => (m ? md.block(m) : null);
  const out: RuntimeQuestion = {
    id: q.id,
    promptHtml,
    promptText: plainText(promptHtml),
    multiple: q.type === 'choice' && q.choices.filter((c) => c.correct).length > 1,
    points: q.points,
    dimension: q.dimension,
    choices: q.choices.map((c) => {
      const label = md.inline(c.label);
      const choice: RuntimeQuestion['choices'][number] = { text: label.text, html: label.html, correct: c.correct, feedbackHtml: feedback(c.feedback) };
      if (c.range) choice.range = c.range;
      if (c.other) choice.other = true;
      return choice;
    }),
  };
  if (q.type !== 'choice') out.type = q.type;
  if (q.targets) out.targets = q.targets.map((t) => {
    const l = md.inline(t);
    return { text: l.text, html: l.html };
  });
  if (q.match) out.match = q.match;
  if (q.norm) {
    const norm = (q.norm.case ? 'c' : '') + (q.norm.spaces ? 's' : '') + (q.norm.diacritics ? 'd' : '');
    if (norm) out.norm = norm;
  }
  if (q.outcome) out.outcome = { right: feedback(q.outcome.right), wrong: feedback(q.outcome.wrong) };
  return out;
}

export function renderSurvey(s: Survey, md: Md): RuntimeSurvey {
  const promptHtml = md.block(s.prompt);
  const out: RuntimeSurvey = {
    id: s.id,
    promptHtml,
    promptText: plainText(promptHtml),
    scale: s.scale,
    items: s.items.map((item) => {
      const label = md.inline(item.label);
      return { id: item.id, text: label.text, html: label.html, dimension: item.dimension };
    }),
    rec: LIKERT,
  };
  if (s.phase) out.phase = s.phase;
  return out;
}

/** A pool's questions, rendered once however many tests draw from it; each counts 1 in a test, whatever its `points`. */
export function renderPool(pool: Pool, md: Md): RuntimeQuestion[] {
  return pool.questions.map((q) => ({ ...renderQuestion(q, md), points: 1 }));
}

/** A test with its pool's questions inline (copies: each test's are its own objects). */
export function renderTest(t: Test, pool: RuntimeQuestion[] | undefined, md: Md): RuntimeTest {
  const out: RuntimeTest = {
    kind: 'test',
    id: t.id,
    title: t.title,
    introHtml: t.intro ? md.block(t.intro) : '',
    role: t.role,
    pool: t.pool,
    questions: (pool ?? []).map((q) => structuredClone(q)),
    draw: t.draw,
    passingScore: t.role === 'final' ? t.passingScore : null,
    attempts: t.attempts,
  };
  if (t.perDimension) out.perDimension = true;
  return out;
}

