/**
 * What a learner is told about an answer: right or wrong, the author's
 * feedback on what they answered (per choice, per listed fill-in or numeric
 * item) and on the outcome (`> [x]` / `> [ ]`), and the answer itself in
 * words for a test's review.
 */
import type { RuntimeQuestion } from '../../shared/runtime-types';
import { div, h, p, type Child } from '../dom';
import type { Engine } from '../engine';
import { words } from './host';

const prose = (html: string | null | undefined): Child => (html ? h('div', { class: 'ir-prose', html }) : null);

/** The answer in words: the choices taken, the text typed (or the item it matched), the pairs, the order. */
export function answerText(engine: Engine, q: RuntimeQuestion, ans: number[], typed?: string): string {
  const { a } = words(engine);
  const text = (i: number | undefined) => (i === undefined ? '' : q.choices[i] ? q.choices[i]!.text : '');
  if (!ans.length) return a.noAnswer;
  switch (q.type) {
    case 'fill-in':
    case 'numeric': {
      const item = q.choices[ans[0]!];
      return typed || (item && !item.other ? item.text : a.otherAnswer);
    }
    case 'matching':
      return q.choices.map((src, i) => `${src.text} → ${(q.targets || [])[ans[i]!]?.text ?? ''}`).join('; ');
    case 'sequencing':
      return ans.map((i, k) => `${k + 1}. ${text(i)}`).join(' ');
    default:
      return ans.map(text).join('; ');
  }
}

/**
 * The verdict box: right or wrong, what was missed, the feedback on each part
 * of the answer (under what was answered, unless `review` already says it
 * above), the outcome's feedback.
 */
export function verdict(engine: Engine, q: RuntimeQuestion, ans: number[], right: boolean, typed?: string, review?: boolean): HTMLElement {
  const { s, a } = words(engine);
  const type = q.type || 'choice';
  const typedType = type === 'fill-in' || type === 'numeric';
  const missed = q.multiple && !right ? q.choices.filter((c, i) => c.correct && ans.indexOf(i) < 0) : [];
  const items = type === 'choice' || type === 'true-false' || typedType ? ans.map((i) => q.choices[i]).filter((c) => c && c.feedbackHtml) : [];
  return div('ir-box ' + (right ? 'ir-ok' : 'ir-no'),
    p('ir-strong ir-tone', right ? s.correct : s.incorrect),
    missed.length ? p(null, s.missed + ' ' + missed.map((c) => c.text).join('; ')) : null,
    items.map((c) => div('ir-item', review ? null : p('ir-strong', typedType ? a.yourAnswer + ': ' + (typed || (c!.other ? a.otherAnswer : c!.text)) : s.youChose + ' ' + c!.text), prose(c!.feedbackHtml))),
    q.outcome ? prose(right ? q.outcome.right : q.outcome.wrong) : null);
}
