/**
 * The results screen: the score, the status, what a fail means and what to
 * do next, each dimension's result, and what is left to do. A script of its
 * own (`player-results.js`, the same for every target) that the player loads
 * from the package only when the learner gets near the end: no first page
 * pays for it, and the player stays within its budget.
 */
import { format as f, shorten } from '../shared/ui-strings';
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
  const cell = (tag: 'th' | 'td', text: string, scope?: string) => h(tag, { scope }, text);
  // The result lists only dimensions of the course (src/shared/scoring.ts).
  const name = (id: string) => course.dimensions.find((x) => x.id === id)!.label;
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
      ? [h('h3', null, s.byDimension),
         h('div', { class: 'ir-table', tabindex: '0' }, h('table', null,
           h('thead', null, h('tr', null, [s.dimension, s.score, s.status].map((t) => cell('th', t, 'col')))),
           h('tbody', null, r.dimensions.map((d) => h('tr', null, cell('th', name(d.id), 'row'), cell('td', String(d.score)), cell('td', s[d.status]))))))]
      : null,
    r.complete ? null : [
      h('h3', null, s.remaining),
      todo(s.readPages, ix.pages.map((x, i) => [x.page.title, ix.pageStop[i]!, pr.pages[i]!])),
      todo(s.answerQuestions, ix.questions.map((x, i) => [shorten(x.question.promptText, 88) + ' — ' + f(s.inPage, ix.pages[x.page]!.page.title), ix.pageStop[x.page]!, pr.questions[i]!.first !== null])),
      todo(s.playScenarios, ix.scenarios.map((x, i) => [x.scenario.title, ix.scenarioStop[i]!, pr.scenarios[i]!.ending !== null])),
    ],
  ];
};
