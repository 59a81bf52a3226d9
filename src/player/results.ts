/**
 * The results screen: the score, the status, what a fail means and what to
 * do next, each dimension's result, the gain from the pre-test to the final
 * test and the attitude shift between the surveys (issue 12), and what is
 * left to do. A script of its
 * own (`player-results.js`, the same for every target) that the player loads
 * from the package only when the learner gets near the end: no first page
 * pays for it, and the player stays within its budget.
 */
import { percent, testDone } from '../shared/scoring';
import { format as f, GAIN_STRINGS, shorten } from '../shared/ui-strings';
import type { Engine } from './engine';
import { button, div, h, p, span, type Child } from './dom';

/** What the screen needs from the player around it. */
export interface ResultsHost {
  engine: Engine;
  /** Goes to a stop, as the table of contents does. */
  go(at: number): void;
  /** The screen's heading, which takes the focus. */
  heading(text: string): HTMLElement;
}

/** Set on `window` by player-results.js. */
export type ResultsView = (host: ResultsHost) => Child[];

export const resultsView: ResultsView = ({ engine, go, heading }) => {
  const { ix, course } = engine;
  const s = course.strings;
  const pr = engine.progress;
  const r = engine.result;
  const todo = (title: string, items: Array<[string, number, boolean]>) => {
    const open = items.filter((t) => !t[2]);
    return open.length ? [h('h4', null, title), h('ul', null, open.map(([text, at]) => h('li', null, button('ir-linkbtn', text, () => go(at)))))] : null;
  };
  const g = GAIN_STRINGS[course.uiLanguage] || GAIN_STRINGS.id;
  const cell = (tag: 'th' | 'td', text: string, scope?: string) => h(tag, { scope }, text);
  const table = (head: string[], rows: string[][]) =>
    h('div', { class: 'ir-table', tabindex: '0' }, h('table', null,
      h('thead', null, h('tr', null, head.map((t) => cell('th', t, 'col')))),
      h('tbody', null, rows.map(([first, ...rest]) => h('tr', null, cell('th', first!, 'row'), rest.map((t) => cell('td', t)))))));
  // The result lists only dimensions of the course (src/shared/scoring.ts).
  const name = (id: string) => course.dimensions.find((x) => x.id === id)!.label;
  /** A signed difference, with the course language's decimal separator and a true minus sign. */
  const signed = (n: number) => (n > 0 ? '+' : n < 0 ? '\u2212' : '') + String(Math.abs(Math.round(n * 100) / 100)).replace('.', s.decimal);
  // The final test's score per dimension, from the attempt that counts.
  const finalAt = ix.tests.findIndex((x) => x.test.role === 'final');
  const fp = finalAt >= 0 && pr.tests ? pr.tests[finalAt]! : null;
  const finalScore = (id: string) => {
    const b = ix.tests[finalAt]!.buckets.indexOf(id);
    return b >= 0 && fp!.total[b] ? percent(100 * fp!.right[b]!, fp!.total[b]!) : null;
  };
  const gains = r.pre && fp && fp.attempts ? r.pre.map((d) => [d, finalScore(d.id)] as const).filter(([, post]) => post !== null) : [];
  // A failed course: the dimensions to revisit, weakest first.
  const weak = r.dimensions.filter((d) => d.status === 'failed').sort((a, b) => a.score - b.score).slice(0, 3).map((d) => name(d.id));
  return [
    heading(s.results),
    div('ir-result ir-' + r.status,
      p('ir-muted', span('ir-num', String(r.score)), ' ' + s.of100),
      p(null, s.status + ': ', h('strong', null, s[r.status])),
      course.passingScore !== null ? p('ir-muted', f(s.passing, course.passingScore)) : null,
      r.status === 'failed'
        ? [h('h3', null, s.failedHead), p(null, s.failedWhy), weak.length ? p(null, f(s.revisit, weak.join(', '))) : null, p(null, s.tryAgain)]
        : r.complete ? p(null, s.finished) : null),
    r.dimensions.length
      ? [h('h3', null, s.byDimension), table([s.dimension, s.score, s.status], r.dimensions.map((d) => [name(d.id), String(d.score), s[d.status]]))]
      : null,
    gains.length
      ? [h('h3', null, g.gainHead), table([s.dimension, g.pre, g.final, g.gain], gains.map(([d, post]) => [name(d.id), String(d.score), String(post), signed(post! - d.score)]))]
      : null,
    r.shift && r.shift.length
      ? [h('h3', null, g.shiftHead), p('ir-muted', g.shiftNote), table([s.dimension, g.shift], r.shift.map((d) => [name(d.id), signed(d.shift)]))]
      : null,
    r.complete ? null : [
      h('h3', null, s.remaining),
      todo(s.readPages, ix.pages.map((x, i) => [x.page.title, ix.pageStop[i]!, pr.pages[i]!])),
      todo(s.answerQuestions, ix.questions.map((x, i) => [shorten(x.question.promptText, 88) + ' — ' + f(s.inPage, ix.pages[x.page]!.page.title), ix.pageStop[x.page]!, pr.questions[i]!.first !== null])),
      todo(s.playScenarios, ix.scenarios.map((x, i) => [x.scenario.title, ix.scenarioStop[i]!, pr.scenarios[i]!.ending !== null])),
      todo(g.answerSurveys, ix.surveys.map((x, i) => [shorten(x.survey.promptText, 88) + ' — ' + f(s.inPage, ix.pages[x.page]!.page.title), ix.pageStop[x.page]!, !!pr.surveys && pr.surveys[i]![0]! > 0])),
      todo(g.takeTests, ix.tests.map((x, i) => [x.test.title, ix.testStop[i]!, testDone(x.test, pr.tests![i])])),
    ],
  ];
};
