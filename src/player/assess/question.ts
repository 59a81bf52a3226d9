/**
 * A typed question on a lesson page (true-false, fill-in, numeric, matching,
 * sequencing): the same form as the player's choice questions, "Periksa
 * jawaban", the verdict with the author's feedback in a polite live region,
 * then "Coba lagi" with the focus; the first answer is the one that counts.
 */
import type { RuntimeQuestion } from '../../shared/runtime-types';
import { isRight } from '../../shared/answers';
import { div, fill, h, p } from '../dom';
import { control } from './controls';
import { verdict } from './feedback';
import { words, type AssessHost } from './host';
import { responseText } from '../../shared/record-formats';

export function lessonQuestion(host: AssessHost, q: RuntimeQuestion): HTMLFormElement {
  const { engine } = host;
  const { s, a } = words(engine);
  const qi = engine.ix.questions.findIndex((x) => x.question === q);
  let typed: string | undefined;
  const ctl = control(engine, q);
  const set = ctl.el;
  const prompt = set.querySelector('legend')!.id;
  const feedback = h('div', { class: 'ir-fb', 'aria-live': 'polite' });
  const actions = div('ir-actions');
  const check = h('button', { type: 'submit', class: 'ir-btn ir-primary', 'aria-describedby': prompt }, s.check);
  const retry = h('button', { type: 'button', class: 'ir-btn', 'aria-describedby': prompt, onclick: () => {
    engine.showQuestion(qi);
    open();
    ctl.first().focus();
  } }, s.retry);
  const open = () => {
    set.disabled = false;
    fill(feedback);
    fill(actions, check);
  };
  const answered = (announce: boolean) => {
    const last = engine.progress.questions[qi]!.last;
    ctl.set(last);
    set.disabled = true;
    fill(feedback, verdict(engine, q, last, isRight(q, last), typed));
    fill(actions, retry, p('ir-note', s.firstCounts));
    if (announce) {
      retry.focus({ preventScroll: true });
      retry.scrollIntoView({ block: 'nearest' });
    }
  };
  const form = h('form', { class: 'ir-q', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    if (set.disabled) return;
    const ans = ctl.get();
    if (!ans) return fill(feedback, p('ir-strong ir-no ir-tone', ctl.typed() ? a.notNumber : a.answerFirst));
    typed = ctl.typed();
    engine.answer(qi, ans, responseText(engine.course.target, q, ans, typed));
    answered(true);
    host.refresh();
  } }, set, feedback, actions);
  engine.showQuestion(qi);
  if (engine.progress.questions[qi]!.last.length) answered(false);
  else open();
  return form;
}
