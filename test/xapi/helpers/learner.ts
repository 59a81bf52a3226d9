/**
 * A learner for the browser tests (test/xapi/lrs.e2e.test.ts, test/faults/):
 * plays any course through the player's UI by roles and accessible names
 * (SPEC §5), fast, and writes down what an LMS or LRS should end up with: the
 * SCORM interactions in order, and (through hooks, e.g. the xAPI model's)
 * whatever else a test's model wants to know.
 *
 * Works on a page (the package opened directly) or on the course frame of a
 * stand-in LMS (a FrameLocator).
 */
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RuntimeCourse, RuntimeLesson, RuntimeQuestion, RuntimeScenario, RuntimeScene, RuntimeSurvey, RuntimeTest } from '../../../src/shared/runtime-types.js';
import { answerSurvey } from '../../helpers/answer-from-course.js';
import type { UiStrings } from '../../../src/shared/ui-strings.js';
import { expectFocused, expectVisible } from '../../helpers/browser.js';

export type Scope = Page | FrameLocator;

export interface Stop {
  kind: 'page' | 'scenario' | 'test' | 'results';
  lesson?: RuntimeLesson;
  page?: string;
  title: string;
  scenario?: RuntimeScenario;
  test?: RuntimeTest;
}

export interface ExpectedInteraction {
  id: string;
  student_response: string;
  result: 'correct' | 'wrong' | 'neutral';
}

export interface Hooks {
  view?(lesson: RuntimeLesson, page: string): void;
  answer?(q: RuntimeQuestion, picked: number[]): void;
  choose?(sc: RuntimeScenario, scene: RuntimeScene, i: number, next: RuntimeScene): void;
}

export const letter = (i: number): string => String.fromCharCode(97 + i);

export function stopsOf(c: RuntimeCourse): Stop[] {
  const stops: Stop[] = [];
  for (const u of c.units) {
    if (u.kind === 'lesson') for (const p of u.pages) stops.push({ kind: 'page', lesson: u, page: p.id, title: p.title });
    else if (u.kind === 'test') stops.push({ kind: 'test', test: u, title: u.title });
    else stops.push({ kind: 'scenario', scenario: u, title: u.scenes.find((s) => s.id === u.start)!.title });
  }
  stops.push({ kind: 'results', title: c.strings.results });
  return stops;
}

/** The `failing` notice up to its count: `Progres Anda belum tersimpan di LMS. … Menunggu dikirim: ` */
export function failingText(s: UiStrings, what: 'scorm12' | 'xapi'): string {
  return s.failing.replace('{0}', s[what]).split('{1}')[0]!;
}

export interface LearnerOptions {
  /** Questions answered wrongly first (then right on retry). */
  wrongFirst?: Set<string>;
  /** Scenarios played with the bad choice. */
  badIn?: Set<string>;
  hooks?: Hooks;
  /**
   * The wrong attempt at a multiple-choice question: the first right choice
   * alone (`one-right`, the default), or with the first wrong one added
   * (`one-right-one-wrong`, where there is one).
   */
  wrongMultiple?: 'one-right' | 'one-right-one-wrong';
  /** When the pager's forward button cannot be clicked within `timeout`: a screenshot in `shots` (a page only), and an error naming the stop. */
  stuck?: { timeout: number; shots: string };
  /** Issue 12: the point (1..scale) given to item `i` of a survey; without it surveys are left unanswered. */
  surveyPoint?: (survey: RuntimeSurvey, i: number) => number;
  /** Issue 12: takes the test of the current stop (test/helpers/answer-from-course.ts); a course with tests needs it. */
  test?: (learner: Learner, test: RuntimeTest) => Promise<void>;
}

export class Learner {
  at = 0;
  readonly stops: Stop[];
  readonly interactions: ExpectedInteraction[] = [];
  readonly s: UiStrings;

  constructor(
    public scope: Scope,
    readonly course: RuntimeCourse,
    readonly opts: LearnerOptions = {},
  ) {
    this.stops = stopsOf(course);
    this.s = course.strings;
  }

  heading(title: string): Locator {
    return this.scope.locator('main').getByRole('heading', { name: title, exact: true });
  }

  button(name: string): Locator {
    return this.scope.getByRole('button', { name, exact: true });
  }

  /** The player's notices (role=status). */
  get status(): Locator {
    return this.scope.getByRole('status');
  }

  /** The `failing` warning, when shown. */
  get warning(): Locator {
    return this.status.getByText(failingText(this.s, this.course.target === 'xapi' ? 'xapi' : 'scorm12'));
  }

  /** The count the `failing` warning ends with: what waits to be sent (NaN without one). */
  async pending(): Promise<number> {
    const text = (await this.warning.innerText()).replace(/\s+/g, ' ');
    return Number(/(\d+)\D*$/.exec(text)?.[1] ?? NaN);
  }

  /** The current stop is on screen; the hooks hear what the engine records on entering it. */
  async arrive(): Promise<void> {
    const stop = this.stops[this.at]!;
    await expectVisible(this.heading(stop.title), `at ${stop.title}`);
    if (stop.kind === 'page') this.opts.hooks?.view?.(stop.lesson!, stop.page!);
  }

  async next(): Promise<void> {
    const forward = this.scope.getByRole('navigation', { name: this.s.pager }).getByRole('button', { name: this.s.next, exact: true });
    const stuck = this.opts.stuck;
    if (!stuck) await forward.click();
    else
      await forward.click({ timeout: stuck.timeout }).catch(async (e) => {
        if ('screenshot' in this.scope) await this.scope.screenshot({ path: join(stuck.shots, `xapi-stuck-${this.at}.png`) }).catch(() => undefined);
        throw new Error(`cannot go on from stop ${this.at} (${this.stops[this.at]!.title}): ${e}`);
      });
    this.at++;
    await this.arrive();
  }

  async answer(q: RuntimeQuestion): Promise<void> {
    const role = q.multiple ? 'checkbox' : 'radio';
    let form = this.scope.locator('form');
    for (const c of q.choices) form = form.filter({ has: this.scope.getByRole(role, { name: c.text, exact: true }) });
    if ((await form.count()) > 1) form = form.filter({ hasText: q.promptText.slice(0, 40) });
    const correct = q.choices.map((c, i) => (c.correct ? i : -1)).filter((i) => i >= 0);
    const firstWrong = q.choices.findIndex((c) => !c.correct);
    const addWrong = this.opts.wrongMultiple === 'one-right-one-wrong' && q.choices.length > correct.length;
    const wrong = q.multiple ? [correct[0]!].concat(addWrong ? [firstWrong] : []) : [firstWrong];
    const attempts = this.opts.wrongFirst?.has(q.id) ? [wrong, correct] : [correct];
    for (let a = 0; a < attempts.length; a++) {
      if (a > 0) await form.getByRole('button', { name: this.s.retry, exact: true }).click();
      const picked = attempts[a]!.slice().sort((x, y) => x - y);
      for (const i of picked) await form.getByRole(role, { name: q.choices[i]!.text, exact: true }).check();
      await form.getByRole('button', { name: this.s.check, exact: true }).click();
      await expectVisible(form.getByRole('button', { name: this.s.retry, exact: true }));
      const right = picked.length === correct.length && picked.every((i) => correct.includes(i));
      this.interactions.push({ id: q.id, student_response: picked.map(letter).join(','), result: right ? 'correct' : 'wrong' });
      this.opts.hooks?.answer?.(q, picked);
    }
  }

  /** Answers the questions of the current page. */
  async questions(): Promise<void> {
    const stop = this.stops[this.at]!;
    const page = stop.lesson!.pages.find((p) => p.id === stop.page)!;
    for (const b of page.blocks) {
      if (b.kind === 'question') await this.answer(b.question);
      else if (b.kind === 'survey' && this.opts.surveyPoint) await answerSurvey(this.scope, b.survey, (i) => this.opts.surveyPoint!(b.survey, i));
    }
  }

  /** Plays the current scenario to an ending: the bad choice in `badIn` scenarios, else good, else neutral. */
  async scenario(): Promise<void> {
    const sc = this.stops[this.at]!.scenario!;
    let scene = sc.scenes.find((s) => s.id === sc.start)!;
    for (let guard = 0; !scene.ending && guard < 30; guard++) {
      await expectVisible(this.heading(scene.title));
      const pick = (q: string) => scene.choices.findIndex((c) => c.quality === q);
      let i = this.opts.badIn?.has(sc.id) ? pick('bad') : pick('good');
      if (i < 0) i = pick('neutral');
      if (i < 0) i = 0;
      const choice = scene.choices[i]!;
      await this.button(choice.text).click();
      const next = sc.scenes.find((s) => s.id === choice.target)!;
      this.interactions.push({
        id: `${sc.id}.${scene.id}`,
        student_response: letter(i),
        result: choice.quality === 'good' ? 'correct' : choice.quality === 'bad' ? 'wrong' : 'neutral',
      });
      this.opts.hooks?.choose?.(sc, scene, i, next);
      if (choice.feedbackHtml) {
        const go = this.button(this.s.continue);
        await expectFocused(go);
        await go.click();
      }
      scene = next;
      await expectVisible(this.heading(scene.title));
    }
    expect(scene.ending, `${sc.id} reaches an ending`).toBeTruthy();
  }

  /** Does what the current stop asks (answers, plays), then moves on; `n` stops, or to the results. */
  async play(n = Infinity): Promise<void> {
    for (let k = 0; k < n && this.at < this.stops.length - 1; k++) {
      const stop = this.stops[this.at]!;
      if (stop.kind === 'page') await this.questions();
      else if (stop.kind === 'scenario') await this.scenario();
      else if (stop.kind === 'test') {
        if (!this.opts.test) throw new Error(`no way to take ${stop.title}: LearnerOptions.test`);
        await this.opts.test(this, stop.test!);
      }
      await this.next();
    }
  }

  get done(): boolean {
    return this.at === this.stops.length - 1;
  }
}
