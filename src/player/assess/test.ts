/**
 * A test's screen (a pre-test or a final test), in three states read from
 * the learner's progress, so that a resume lands in the same one:
 * - before the first attempt: the intro, what the test is, "Mulai tes";
 * - an attempt open: every drawn question, numbered, without feedback; each
 *   answer is kept as it is given (the same questions and answers come back
 *   after a resume); "Kumpulkan jawaban" asks first when some are unanswered;
 * - after an attempt: the score, the status, each dimension's score, a review
 *   of every question (the answer, right or wrong, the author's feedback),
 *   and "Ulangi tes" while a failed final test has attempts left.
 */
import type { RuntimeQuestion } from '../../shared/runtime-types';
import { isRight } from '../../shared/answers';
import { percent, testPassed, testScore } from '../../shared/scoring';
import { attemptsOf, slotCounts } from '../../shared/progress';
import { format as f } from '../../shared/ui-strings';
import { button, div, fill, h, p, span, type Child } from '../dom';
import { control, type Control } from './controls';
import { answerText, verdict } from './feedback';
import { words, type AssessHost } from './host';
import { responseText } from '../../shared/record-formats';

export function testScreen(host: AssessHost, t: number): HTMLElement {
  const { engine } = host;
  const { course } = engine;
  const { s, a, g } = words(engine);
  const ref = engine.ix.tests[t]!;
  const test = ref.test;
  const final = test.role === 'final';
  // The compiler gives a final test the course's passing score when it has none of its own.
  const pass = final ? test.passingScore : null;
  const attempts = attemptsOf(test);
  const root = div('ir-test');
  /** What the learner typed in this session, per slot: after a resume only the item it matched is known. */
  const typed: Array<string | undefined> = [];
  const tp = () => engine.progress.tests![t]!;
  const question = (slot: number): RuntimeQuestion => test.questions[tp().drawn[slot]!]!;
  const actions = (...kids: Child[]) => div('ir-actions', kids);

  const draw = (focus: boolean) => {
    const x = tp();
    fill(root, p('ir-eyebrow', final ? g.final : g.pre), host.heading(test.title), x.open ? attempt() : x.attempts ? result() : intro());
    host.refresh();
    if (focus) root.querySelector('h2')!.focus();
  };
  const start = () => {
    engine.testStart(t);
    draw(true);
  };

  const intro = (): Child => {
    const count = slotCounts(test, ref.buckets).reduce((x, y) => x + y, 0);
    return [
      test.introHtml ? h('div', { class: 'ir-prose ir-intro', html: test.introHtml }) : null,
      div('ir-obj', h('ul', null,
        h('li', null, f(a.questions, count)),
        final
          ? [pass !== null ? h('li', null, f(s.passing, pass)) : null, h('li', null, f(a.attemptsAllowed, attempts))]
          : h('li', null, a.preNote))),
      actions(button('ir-btn ir-primary', a.start, start)),
    ];
  };

  const attempt = (): Child => {
    const x = tp();
    const n = x.drawn.length;
    /** Keeps a slot's answer; `clear`: the learner took it back (emptied the box, unticked every choice). */
    const save = (slot: number, clear?: boolean) => {
      const ans = ctls[slot]!.get();
      if (!ans && !clear) return;
      typed[slot] = ans ? ctls[slot]!.typed() : undefined;
      engine.testAnswer(t, slot, ans || [], ans ? responseText(course.target, question(slot), ans, typed[slot]) : undefined);
    };
    const ctls: Control[] = x.drawn.map((_, slot) => {
      const c = control(engine, question(slot), () => save(slot, true), f(a.questionOf, slot + 1, n));
      const given = x.answers[slot];
      if (given && given.length) c.set(given);
      return c;
    });
    const ask = h('div', { 'aria-live': 'polite' });
    const submit = () => {
      // A sequence the learner left as shown is an answer too: it is kept now.
      ctls.forEach((_, slot) => save(slot));
      engine.testSubmit(t);
      draw(true);
    };
    const unanswered = () => ctls.map((c, slot) => (c.get() || (tp().answers[slot] || []).length ? -1 : slot)).filter((i) => i >= 0);
    return [
      ctls.map((c) => div('ir-q', c.el)),
      ask,
      actions(button('ir-btn ir-primary', a.submit, () => {
        const open = unanswered();
        if (!open.length) return submit();
        const msg = h('p', { class: 'ir-strong', tabindex: '-1' }, f(a.unanswered, open.length));
        fill(ask, div('ir-box ir-warn', msg, actions(
          button('ir-btn ir-primary', a.submitAnyway, submit),
          button('ir-btn', a.keepAnswering, () => {
            fill(ask);
            ctls[open[0]!]!.first().focus();
          }))));
        msg.focus();
      })),
    ];
  };

  const result = (): Child => {
    const x = tp();
    const score = testScore(x);
    const passed = testPassed(test, x);
    const left = attempts - x.attempts;
    const name = (id: string) => (id ? (course.dimensions.find((d) => d.id === id) || { label: id }).label : a.untagged);
    const cell = (tag: 'th' | 'td', text: string, scope?: string) => h(tag, { scope }, text);
    // In the course's order of dimensions, as the results screen lists them (the state keeps the pool's); untagged last.
    const rank = (id: string) => (id ? course.dimensions.findIndex((d) => d.id === id) : 1e9);
    const rows = ref.buckets.map((id, b) => [id, x.total[b] || 0, x.right[b] || 0] as const).filter((r) => r[1] > 0).sort((m, n) => rank(m[0]) - rank(n[0]));
    return [
      div('ir-result ir-' + (final ? (passed ? 'passed' : 'failed') : 'completed'),
        p('ir-muted', span('ir-num', String(score)), ' ' + s.of100),
        final ? p(null, s.status + ': ', h('strong', null, passed ? s.passed : s.failed)) : p(null, a.preDone),
        final && pass !== null ? p('ir-muted', f(s.passing, pass)) : null,
        final ? p('ir-muted', f(a.attemptOf, x.attempts, attempts)) : null,
        final && !passed ? p(null, left > 0 ? f(a.attemptsLeft, left) : a.noAttempts) : null),
      rows.length
        ? [h('h3', null, s.byDimension),
           h('div', { class: 'ir-table', tabindex: '0' }, h('table', null,
             h('thead', null, h('tr', null, cell('th', s.dimension, 'col'), cell('th', s.score, 'col'))),
             h('tbody', null, rows.map(([id, total, right]) => h('tr', null, cell('th', name(id), 'row'), cell('td', String(percent(100 * right, total))))))))]
        : null,
      engine.canStart(t) ? actions(button('ir-btn ir-primary', a.retake, start)) : null,
      h('h3', null, a.review),
      h('ol', 'ir-review', x.drawn.map((_, slot) => {
        const q = question(slot);
        const ans = x.answers[slot] || [];
        return h('li', 'ir-q',
          p('ir-kind', f(a.questionOf, slot + 1, x.drawn.length)),
          h('div', { class: 'ir-prose ir-strong', html: q.promptHtml }),
          p(null, a.yourAnswer + ': ', h('strong', null, answerText(engine, q, ans, typed[slot]))),
          verdict(engine, q, ans, ans.length > 0 && isRight(q, ans), typed[slot], true));
      })),
    ];
  };

  draw(false);
  return root;
}
