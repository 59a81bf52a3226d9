/**
 * End to end, SCORM 1.2 (GitHub issue 2): the default course, built by the
 * CLI, played in Debian's headless Chromium inside a stand-in LMS whose
 * `window.API` is scorm-again's SCORM 1.2 run-time.
 *
 * A learner works through the whole course with the keyboard and the mouse,
 * driving the UI only by the accessible roles and names SPEC §5 pins: some
 * questions right first time, some wrong first and right on retry, one
 * scenario to a failing ending and replayed to a passing one, the others to
 * their best or a middling ending. Halfway (inside a scenario) the LMS closes
 * the SCO; a new launch with the data the LMS kept must land on the same
 * scene directly. Then the learner finishes. What the LMS holds is checked
 * against SPEC §3 and §4, with the expected score computed here from the
 * course data, independently of src/shared/scoring.ts.
 *
 * On the way, axe-core checks each kind of screen (lesson page, question with
 * feedback, scenario scene with choice feedback, results) at 1280, 360 and
 * 320 px for WCAG 2.1 A/AA and sideways scrolling, and screenshots are written to
 * test-results/e2e/ (and to docs/screenshots/ with IR_UPDATE_SCREENSHOTS=1).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  RuntimeCourse,
  RuntimeLesson,
  RuntimeQuestion,
  RuntimeScenario,
  RuntimeScene,
} from '../../src/shared/runtime-types.js';
import { stringsFor } from '../helpers/ui-strings.js';
import {
  chromiumAvailable,
  expectChecked,
  expectCount,
  expectEnabled,
  expectFocused,
  expectSome,
  expectText,
  expectVisible,
  launchChromium,
  newContextPage,
  tearDown,
} from '../helpers/browser.js';
import {
  closeSco,
  cmiList,
  expectFinished,
  lmsCalls,
  lmsCmi,
  LMS_BEACON_PATH,
  lmsHostPage,
  relaunchData,
  startLmsServer,
  type Cmi,
  type LmsBeacon,
  type LmsCall,
} from '../helpers/lms-host.js';
import { expectCreditedByEveryModel, expectFinalProtocol, oldCallOrder, replay } from '../helpers/lms-models/index.js';
import type { StaticServer } from '../helpers/static-server.js';
import { buildWithCli, cliBuilt, ROOT, V110 } from '../helpers/package.js';

const RESULTS = join(ROOT, 'test-results', 'e2e');
const DOCS_SHOTS = join(ROOT, 'docs', 'screenshots');
const UPDATE_DOCS = process.env.IR_UPDATE_SCREENSHOTS === '1';

// SPEC §5's fixed labels, written out here so a renamed control fails the test.
const NEXT = 'Berikutnya';
const PREV = 'Sebelumnya';
const CHECK = 'Periksa jawaban';
// The player's other words (not pinned by the SPEC) come from the player itself.
const S = stringsFor('id');

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const CMITIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;

// ---------------------------------------------------------------------------
// The course, from the package itself
// ---------------------------------------------------------------------------

/** HTML → the text a learner reads (enough for the compiler's sanitised output). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const letter = (i: number) => String.fromCharCode(97 + i);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shortest list of choice indexes from `from` to the scene `to`, or null. */
function pathTo(sc: RuntimeScenario, from: string, to: string): number[] | null {
  const prev = new Map<string, { scene: string; choice: number }>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const id = queue.shift()!;
    if (id === to) {
      const path: number[] = [];
      for (let at = to; at !== from; ) {
        const p = prev.get(at)!;
        path.unshift(p.choice);
        at = p.scene;
      }
      return path;
    }
    const scene = sc.scenes.find((s) => s.id === id)!;
    scene.choices.forEach((c, i) => {
      if (!seen.has(c.target)) {
        seen.add(c.target);
        prev.set(c.target, { scene: id, choice: i });
        queue.push(c.target);
      }
    });
  }
  return null;
}

function scene(sc: RuntimeScenario, id: string): RuntimeScene {
  const s = sc.scenes.find((x) => x.id === id);
  if (!s) throw new Error(`scenario ${sc.id} has no scene ${id}`);
  return s;
}

/** The ending reachable from `from` that `rank` likes best. */
function pickEnding(sc: RuntimeScenario, from: string, rank: (s: RuntimeScene) => number): RuntimeScene {
  const reachable = sc.scenes.filter((s) => s.ending && pathTo(sc, from, s.id));
  reachable.sort((a, b) => rank(b) - rank(a) || pathTo(sc, from, a.id)!.length - pathTo(sc, from, b.id)!.length);
  if (!reachable[0]) throw new Error(`no ending reachable in ${sc.id} from ${from}`);
  return reachable[0];
}

// ---------------------------------------------------------------------------
// SPEC §3, computed independently from what the learner did
// ---------------------------------------------------------------------------

interface Ledger {
  /** question id → whether the first submitted answer was exactly right */
  questions: Map<string, boolean>;
  /** scenario id → score (0–100) of the ending of the first completed play */
  scenarios: Map<string, number>;
}

/** round(100 × earned / possible), halves up, in integers (earned in hundredths of points). */
function ratio(earned100: number, possible: number): number {
  return possible > 0 ? Math.floor((2 * earned100 + possible) / (2 * possible)) : 0;
}

interface Expected {
  score: number;
  complete: boolean;
  status: string;
  dimensions: Map<string, { score: number; done: boolean; status: string }>;
}

function expectedResult(course: RuntimeCourse, ledger: Ledger): Expected {
  type Item = { dimension: string | null; points: number; earned100: number; done: boolean };
  const items: Item[] = [];
  for (const unit of course.units) {
    if (unit.kind === 'lesson') {
      for (const page of unit.pages)
        for (const b of page.blocks)
          if (b.kind === 'question') {
            const first = ledger.questions.get(b.question.id);
            items.push({ dimension: b.question.dimension, points: b.question.points, earned100: first ? b.question.points * 100 : 0, done: first !== undefined });
          }
    } else {
      const score = ledger.scenarios.get(unit.id);
      items.push({ dimension: unit.dimension, points: unit.points, earned100: score === undefined ? 0 : unit.points * score, done: score !== undefined });
    }
  }
  const sum = (xs: Item[]) => ({
    earned100: xs.reduce((a, x) => a + x.earned100, 0),
    possible: xs.reduce((a, x) => a + x.points, 0),
    done: xs.every((x) => x.done),
  });
  const status = (done: boolean, score: number) =>
    !done ? 'incomplete' : course.passingScore === null ? 'completed' : score >= course.passingScore ? 'passed' : 'failed';
  const all = sum(items);
  const score = ratio(all.earned100, all.possible);
  const dimensions = new Map<string, { score: number; done: boolean; status: string }>();
  for (const id of new Set(items.map((x) => x.dimension).filter((d): d is string => !!d))) {
    const d = sum(items.filter((x) => x.dimension === id));
    const s = ratio(d.earned100, d.possible);
    dimensions.set(id, { score: s, done: d.done, status: status(d.done, s) });
  }
  // Pages are all viewed whenever this is asked with everything answered and played.
  return { score, complete: all.done, status: status(all.done, score), dimensions };
}

// ---------------------------------------------------------------------------
// The plan: which endings, which questions wrong first
// ---------------------------------------------------------------------------

const failing = (x: RuntimeScene) => (x.ending!.outcome === 'fail' ? 1000 + x.ending!.score : -1);
const best = (x: RuntimeScene) => (x.ending!.outcome === 'pass' ? 1000 : 0) + x.ending!.score;
/** The weakest passing ending (a middling play), else the best failing one. */
const middling = (x: RuntimeScene) => (x.ending!.outcome === 'pass' ? 1000 - x.ending!.score : x.ending!.score);

function allQuestions(course: RuntimeCourse): RuntimeQuestion[] {
  const qs: RuntimeQuestion[] = [];
  for (const u of course.units) if (u.kind === 'lesson') for (const p of u.pages) for (const b of p.blocks) if (b.kind === 'question') qs.push(b.question);
  return qs;
}

/**
 * Questions the learner gets wrong first: every third from the second on, as
 * long as the course can still be passed with the planned scenario endings,
 * so the journey ends `passed` and still shows first answers counting.
 */
function planWrongFirst(course: RuntimeCourse, scenarioScores: Map<string, number>): Set<string> {
  const wrong = new Set<string>();
  const project = () => {
    const questions = new Map(allQuestions(course).map((q) => [q.id, !wrong.has(q.id)]));
    return expectedResult(course, { questions, scenarios: scenarioScores });
  };
  allQuestions(course).forEach((q, k) => {
    if (k % 3 !== 1) return;
    wrong.add(q.id);
    if (course.passingScore !== null && project().score < course.passingScore) wrong.delete(q.id);
  });
  return wrong;
}

// ---------------------------------------------------------------------------
// The learner
// ---------------------------------------------------------------------------

interface ExpectedInteraction {
  id: string;
  type: 'choice';
  student_response: string;
  result: 'correct' | 'wrong' | 'neutral';
  weighting: string;
  pattern?: string;
}

type Kind = 'lesson' | 'question' | 'scenario' | 'results';

class Learner {
  readonly interactions: ExpectedInteraction[] = [];
  readonly ledger: Ledger = { questions: new Map(), scenarios: new Map() };
  private presses = 0;
  /** Kinds of screen already checked with axe and photographed. */
  readonly checked = new Set<Kind>();

  constructor(
    public page: Page,
    readonly course: RuntimeCourse,
    readonly axeLog: string[],
    readonly layoutLog: string[],
  ) {}

  get frame(): FrameLocator {
    return this.page.frameLocator('#sco-frame');
  }

  heading(title: string): Locator {
    return this.frame.getByRole('heading', { name: title, exact: true });
  }

  button(name: string | RegExp): Locator {
    return this.frame.getByRole('button', { name, exact: true });
  }

  /** The heading of the new page or scene has the focus (SPEC §5). */
  async expectAt(title: string, focused = true): Promise<void> {
    const h = this.heading(title);
    await expectVisible(h);
    if (focused) await expectFocused(h);
  }

  private async focused(target: Locator): Promise<boolean> {
    return target.evaluate((el) => {
      const active = el.ownerDocument.activeElement;
      return !!active && (el === active || (el.contains(active) && active.matches('input, button, a, select, textarea')));
    });
  }

  /** Keyboard only: presses Tab until `target` (or a control inside it) has the focus. */
  async tabTo(target: Locator, max = 120): Promise<void> {
    const frameFocused = await target.evaluate((el) => el.ownerDocument.hasFocus());
    if (!frameFocused) {
      // A keyboard learner starting in the LMS page tabs into the course frame.
      await this.page.locator('body').focus().catch(() => undefined);
    }
    for (let i = 0; i < max; i++) {
      if (await this.focused(target)) return;
      await this.page.keyboard.press('Tab');
      this.presses++;
    }
    throw new Error(`could not reach ${target} with Tab in ${max} presses`);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.presses++;
  }

  get keyPresses(): number {
    return this.presses;
  }

  /** Goes to the next stop, by mouse or keyboard. */
  async next(useKeyboard: boolean): Promise<void> {
    const next = this.button(NEXT);
    if (useKeyboard) {
      await this.tabTo(next);
      await this.press('Enter');
    } else {
      await next.click();
    }
  }

  // ---- lesson pages and questions ----

  /** Answers one question as planned (optionally first checking with nothing chosen), recording what the LMS should get. */
  async answer(q: RuntimeQuestion, plan: 'right' | 'wrong-then-right', useKeyboard: boolean, emptyFirst = false): Promise<void> {
    const role = q.multiple ? 'checkbox' : 'radio';
    const controls = this.frame.getByRole(role, { name: q.choices[0]!.text, exact: true });
    // The question: the nearest container of its first choice that also holds its submit button.
    const form = controls
      .locator('xpath=ancestor::*[.//button][1]')
      .filter({ has: this.frame.getByRole(role, { name: q.choices[q.choices.length - 1]!.text, exact: true }) });
    await expectCount(form, 1, `question ${q.id}`);
    const correct = q.choices.map((c, i) => (c.correct ? i : -1)).filter((i) => i >= 0);
    const wrong = q.multiple ? [correct[0]!] : [q.choices.findIndex((c) => !c.correct)];
    const attempts = plan === 'right' ? [correct] : [wrong, correct];
    if (emptyFirst) {
      // Checking with nothing chosen is not an answer: nothing recorded, the question stays open.
      const written = async () => (await lmsCalls(this.page)).filter((c) => /^cmi\.interactions\.\d+\.id$/.test(c.args[0] || '')).length;
      const before = await written();
      await form.getByRole('button', { name: CHECK, exact: true }).click();
      await expectText(form, S.pickFirst);
      expect(await written(), 'an empty check records no interaction').toBe(before);
      await expectEnabled(form.getByRole('button', { name: CHECK, exact: true }));
    }

    for (let a = 0; a < attempts.length; a++) {
      const pick = attempts[a]!;
      if (a > 0) {
        // Try again (the player's retry button); the choices are usable again.
        const retry = form.getByRole('button', { name: S.retry, exact: true });
        if (useKeyboard) {
          await this.tabTo(retry);
          await this.press('Enter');
        } else await retry.click();
        for (const c of q.choices) await expectEnabled(form.getByRole(role, { name: c.text, exact: true }));
        for (const c of q.choices) await expectChecked(form.getByRole(role, { name: c.text, exact: true }), false);
      }
      const box = (i: number) => form.getByRole(role, { name: q.choices[i]!.text, exact: true });
      if (useKeyboard && !q.multiple) {
        // A radio group: Tab into it, then arrow keys move and check.
        const group = form.getByRole('radio');
        await this.tabTo(form.locator('fieldset, [role="radiogroup"], [role="group"]').first());
        let at = await group.evaluateAll((els) => els.findIndex((e) => e === e.ownerDocument.activeElement));
        expect(at, 'Tab lands on a radio').toBeGreaterThanOrEqual(0);
        const target = pick[0]!;
        if (at === target) await this.press('Space');
        while (at < target) {
          await this.press('ArrowDown');
          at++;
        }
        while (at > target) {
          await this.press('ArrowUp');
          at--;
        }
        await expectChecked(box(target), true);
      } else if (useKeyboard) {
        for (const i of pick) {
          await this.tabTo(box(i));
          await this.press('Space');
          await expectChecked(box(i), true);
        }
      } else {
        for (const i of pick) {
          await box(i).click();
          await expectChecked(box(i), true);
        }
      }
      for (let i = 0; i < q.choices.length; i++) {
        if (pick.indexOf(i) < 0) await expectChecked(box(i), false);
      }
      const check = form.getByRole('button', { name: CHECK, exact: true });
      if (useKeyboard) {
        await this.tabTo(check);
        await this.press('Enter');
      } else await check.click();

      const isRight = pick.length === correct.length && pick.every((i) => correct.indexOf(i) >= 0);
      if (a === 0) this.ledger.questions.set(q.id, isRight);
      this.interactions.push({
        id: q.id,
        type: 'choice',
        student_response: pick.map(letter).join(','),
        result: isRight ? 'correct' : 'wrong',
        weighting: String(q.points),
        pattern: correct.map(letter).join(','),
      });
      // Feedback: each picked choice's own feedback, in a live region.
      const live = form.locator('[aria-live], [role="status"], [role="alert"]');
      for (const i of pick) {
        const fb = q.choices[i]!.feedbackHtml;
        if (fb) await expectSome(live.filter({ hasText: textOf(fb) }), `feedback of ${q.id} choice ${letter(i)} in a live region`);
      }
      await expectCount(form.getByRole('button', { name: CHECK, exact: true }), 0);
      if (!this.checked.has('question')) {
        this.checked.add('question');
        await this.audit('question', `question ${q.id} with feedback`);
      }
    }
  }

  // ---- scenarios ----

  /** Plays from the current scene along `path`; returns the scene reached. */
  async play(sc: RuntimeScenario, from: string, path: number[], useKeyboard: (step: number) => boolean): Promise<RuntimeScene> {
    let current = scene(sc, from);
    for (let step = 0; step < path.length; step++) {
      const ci = path[step]!;
      const choice = current.choices[ci]!;
      await expectVisible(this.heading(current.title));
      // Every choice of the scene is a button named exactly by its text.
      for (const c of current.choices) await expectVisible(this.button(c.text));
      const kb = useKeyboard(step);
      if (kb) {
        await this.tabTo(this.button(choice.text));
        await this.press(step % 2 ? 'Space' : 'Enter');
      } else await this.button(choice.text).click();
      this.interactions.push({
        id: `${sc.id}.${current.id}`,
        type: 'choice',
        student_response: letter(ci),
        result: choice.quality === 'good' ? 'correct' : choice.quality === 'bad' ? 'wrong' : 'neutral',
        weighting: '0',
      });
      if (choice.feedbackHtml) {
        const live = this.frame.locator('[aria-live], [role="status"], [role="alert"]');
        await expectSome(live.filter({ hasText: textOf(choice.feedbackHtml) }), `feedback of ${sc.id}.${current.id} in a live region`);
        if (!this.checked.has('scenario')) {
          this.checked.add('scenario');
          await this.audit('scenario', `scene ${sc.id}.${current.id} with choice feedback`);
        }
        const go = this.button(S.continue);
        await expectFocused(go);
        if (kb) await this.press('Enter');
        else await go.click();
      }
      current = scene(sc, choice.target);
      await this.expectAt(current.title);
    }
    return current;
  }

  /** Records a finished play: the first completed play counts. */
  ended(sc: RuntimeScenario, ending: RuntimeScene): void {
    if (!this.ledger.scenarios.has(sc.id)) this.ledger.scenarios.set(sc.id, ending.ending!.score);
  }

  // ---- checks ----

  /** axe at 1280 and 360 px on the current screen, with screenshots; back to 1280. */
  async audit(kind: Kind, what: string): Promise<void> {
    this.checked.add(kind);
    // 320 px is the narrowest the SPEC asks for: checked, not photographed.
    for (const width of [1280, 360, 320]) {
      await this.page.setViewportSize({ width, height: width < 400 ? 780 : 800 });
      await this.frame.locator('body').evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const results = await new AxeBuilder({ page: this.page }).withTags(WCAG).analyze();
      for (const v of results.violations) {
        this.axeLog.push(
          `${kind} @${width}px (${what}): ${v.id} [${v.impact}] ${v.help}\n` +
            v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
        );
      }
      // Usable at this width: nothing wider than the frame (SPEC §5, 320 px up).
      const overflow = await this.frame.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
      if (overflow > 0) {
        const wide = await this.frame.locator('body *').evaluateAll((els) => {
          const cw = document.documentElement.clientWidth;
          return els
            .filter((el) => el.getBoundingClientRect().right > cw + 0.5 && !els.some((p) => p !== el && p.contains(el) && p.getBoundingClientRect().right > cw + 0.5))
            .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent!.trim().slice(0, 30)}`);
        });
        this.layoutLog.push(`${kind} @${width}px (${what}): the page scrolls sideways by ${overflow}px; too wide: ${wide.join('; ')}`);
      }
      // Show what the learner is looking at: the focused control (and its feedback) in view.
      await this.frame.locator('body').evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (a && a !== document.body && !/^H[1-6]$/.test(a.tagName)) a.scrollIntoView({ block: 'center' });
      });
      if (width !== 320) await shoot(this.page, `${kind}-${width}`);
    }
    await this.page.setViewportSize({ width: 1280, height: 800 });
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const buf = await page.screenshot({ path: join(RESULTS, `${name}.png`) });
  if (UPDATE_DOCS) {
    mkdirSync(DOCS_SHOTS, { recursive: true });
    writeFileSync(join(DOCS_SHOTS, `scorm12-${name}.png`), buf);
  }
}

// ---------------------------------------------------------------------------
// LMS log helpers
// ---------------------------------------------------------------------------

/** CMITimespan → seconds. */
function seconds(t: string): number {
  const m = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(t);
  if (!m) throw new Error(`not a CMITimespan: ${t}`);
  return (+m[1]! * 60 + +m[2]!) * 60 + +m[3]!;
}

/** One launch's protocol: initialize once, finish once, commit before finishing, nothing after. */
function expectOneSession(calls: LmsCall[], label: string): void {
  const names = calls.map((c) => c.fn);
  expect(names.filter((n) => n === 'LMSInitialize'), `${label}: LMSInitialize calls`).toHaveLength(1);
  expect(names[0], `${label}: first call`).toBe('LMSInitialize');
  expect(names.filter((n) => n === 'LMSFinish'), `${label}: LMSFinish calls`).toHaveLength(1);
  expect(names[names.length - 1], `${label}: last call`).toBe('LMSFinish');
  const lastSet = names.lastIndexOf('LMSSetValue');
  const lastCommit = names.lastIndexOf('LMSCommit');
  expect(lastCommit, `${label}: LMSCommit after the last LMSSetValue, before LMSFinish`).toBeGreaterThan(lastSet);
  // Everything the SCO wrote was accepted by the LMS.
  const refused = calls.filter((c) => c.fn !== 'LMSGetValue' && (c.result !== 'true' || c.error !== '0'));
  expect(refused, `${label}: calls the LMS refused`).toEqual([]);
}

function expectInteractions(actual: Cmi[], expected: ExpectedInteraction[], label: string): void {
  expect(actual.map((x) => `${x.id} ${x.student_response} ${x.result}`), `${label}: interactions (id response result)`).toEqual(
    expected.map((x) => `${x.id} ${x.student_response} ${x.result}`),
  );
  actual.forEach((x, n) => {
    const e = expected[n]!;
    expect(x.type, `interaction ${n} type`).toBe('choice');
    expect(String(x.weighting), `interaction ${n} (${e.id}) weighting`).toBe(e.weighting);
    expect(x.latency, `interaction ${n} latency`).toMatch(TIMESPAN);
    expect(x.time, `interaction ${n} time`).toMatch(CMITIME);
    if (e.pattern !== undefined) {
      const pattern = cmiList(x.correct_responses)[0]?.pattern;
      expect(pattern, `interaction ${n} (${e.id}) correct response pattern`).toBe(e.pattern);
    }
  });
}

function expectObjectives(actual: Cmi[], exp: Expected, label: string): void {
  expect(actual.map((o) => o.id).sort(), `${label}: one objective per dimension used`).toEqual([...exp.dimensions.keys()].sort());
  for (const o of actual) {
    const d = exp.dimensions.get(o.id)!;
    expect(o.status, `${label}: objective ${o.id} status`).toBe(d.status);
    if (d.done) expect(String(o.score?.raw), `${label}: objective ${o.id} score.raw`).toBe(String(d.score));
  }
}

// ---------------------------------------------------------------------------

const haveChromium = chromiumAvailable();
const built = cliBuilt('scorm12');

describe.skipIf(!haveChromium)('SCORM 1.2 end to end in Chromium with scorm-again as the LMS', () => {
  let work: string;
  let server: StaticServer;
  let browser: Browser;
  let course: RuntimeCourse;
  const axeLog: string[] = [];
  let launches = 0;

  /** A new host page (a new LMS launch) at a fresh URL. */
  function host(saved?: Record<string, unknown> | null, mode: 'frame' | 'popup' = 'frame', beacon = false): string {
    const path = `/lms/launch-${++launches}.html`;
    server.put(path, lmsHostPage({ launch: '/pkg/index.html', saved, mode, beacon, masteryScore: course.passingScore }));
    return server.origin + path;
  }

  beforeAll(async () => {
    if (!built) throw new Error('the tool is not built: run `npm run build` first (npm test does)');
    work = mkdtempSync(join(tmpdir(), 'ir-e2e-'));
    const pkg = buildWithCli('scorm12', work, V110);
    course = pkg.course;
    server = await startLmsServer({ '/pkg/': pkg.dir });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await tearDown({ browser, server, work });
    if (axeLog.length) console.log('axe violations:\n' + axeLog.join('\n'));
  });

  it('a learner works through the course, leaves halfway, resumes on the same scene and finishes', async () => {
    const { context, page } = await newContextPage(browser);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // Nothing leaves the package but calls to the LMS (SPEC §5): every request goes to our server, and finds its file.
    const foreign: string[] = [];
    const failed: string[] = [];
    context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(server.origin + '/') && !/^(data|about|blob):/.test(u)) foreign.push(u);
    });
    context.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    const layoutLog: string[] = [];
    const learner = new Learner(page, course, axeLog, layoutLog);
    const units = course.units;
    const scenarios = units.filter((u): u is RuntimeScenario => u.kind === 'scenario');
    const lessons = units.filter((u): u is RuntimeLesson => u.kind === 'lesson');
    expect(lessons.length).toBeGreaterThan(0);
    expect(scenarios.length, 'the default course has scenarios').toBeGreaterThanOrEqual(2);

    // Where to leave: inside the middle scenario, after its first choice.
    const leaveIn = scenarios[Math.floor(scenarios.length / 2)]!;
    const planned = new Map(
      scenarios.map((sc, i) => [sc.id, pickEnding(sc, sc.start, i === 0 ? failing : sc === leaveIn ? middling : best).ending!.score]),
    );
    const wrongFirst = planWrongFirst(course, planned);
    expect(wrongFirst.size, 'some questions are answered wrong first').toBeGreaterThanOrEqual(2);
    let qk = 0; // question counter, course order
    let stop = 0; // stop counter, for alternating keyboard and mouse

    let launchedAt = Date.now();
    await page.goto(host(null));
    const firstLesson = lessons[0]!;
    await learner.expectAt(firstLesson.pages[0]!.title, false);
    // Launch protocol so far: initialized, status incomplete on first entry, nothing final.
    {
      const calls = await lmsCalls(page);
      expect(calls.filter((c) => c.fn === 'LMSInitialize')).toHaveLength(1);
      const status = calls.filter((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.lesson_status').map((c) => c.args[1]);
      expect(status, 'first entry sets lesson_status incomplete').toEqual(['incomplete']);
    }
    await learner.audit('lesson', `${firstLesson.id} opening page`);

    let session1Cmi: Cmi | null = null;
    let session1Calls: LmsCall[] = [];
    let leftAt: { sc: RuntimeScenario; scene: RuntimeScene } | null = null;
    let resumed = false;

    for (let u = 0; u < units.length; u++) {
      const unit = units[u]!;
      if (unit.kind === 'lesson') {
        for (let p = 0; p < unit.pages.length; p++) {
          const page_ = unit.pages[p]!;
          // The first page of the course is already shown; every other arrives with focus on its heading.
          await learner.expectAt(page_.title, stop > 0);
          for (const b of page_.blocks) {
            if (b.kind !== 'question') continue;
            const plan = wrongFirst.has(b.question.id) ? 'wrong-then-right' : 'right';
            await learner.answer(b.question, plan, qk % 2 === 0, qk === 0);
            qk++;
          }
          if (stop === 1 && p === 1) {
            // Back and forward once: Sebelumnya returns to the previous page.
            await learner.button(PREV).click();
            await learner.expectAt(unit.pages[0]!.title);
            await learner.next(true);
            await learner.expectAt(page_.title);
          }
          const last = u === units.length - 1 && p === unit.pages.length - 1;
          if (!last) await learner.next(stop % 3 === 2);
          stop++;
        }
      } else {
        const sc = unit;
        const s = scenarios.indexOf(sc);
        let from = sc.start;
        if (leftAt && leftAt.sc === sc && !resumed) {
          from = leftAt.scene.id;
          resumed = true;
        } else {
          await learner.expectAt(scene(sc, sc.start).title);
        }
        const kb = (step: number) => (s + step) % 2 === 0;
        if (s === 0) {
          // First play to a failing ending (one that still earns something, if the scenario has one)…
          const fail = pickEnding(sc, from, failing);
          expect(fail.ending!.outcome, `${sc.id} has a failing ending`).toBe('fail');
          const end1 = await learner.play(sc, from, pathTo(sc, from, fail.id)!, kb);
          learner.ended(sc, end1);
          // …then play again, to the best ending; the first play's score stays.
          const again = learner.button(S.playAgain);
          await again.click();
          await learner.expectAt(scene(sc, sc.start).title);
          const top = pickEnding(sc, sc.start, best);
          const end2 = await learner.play(sc, sc.start, pathTo(sc, sc.start, top.id)!, kb);
          learner.ended(sc, end2);
          await expectVisible(learner.frame.getByText(S.replayNote('__', '__').split('__')[0]!.trim(), { exact: false }));
        } else if (sc === leaveIn && !leftAt) {
          // One choice in, then the LMS closes the SCO.
          const path = pathTo(sc, from, pickEnding(sc, from, middling).id)!;
          expect(path.length, `${sc.id}: a path of at least two choices to leave in the middle`).toBeGreaterThanOrEqual(2);
          const mid = await learner.play(sc, from, path.slice(0, 1), kb);
          leftAt = { sc, scene: mid };

          // ---- leave halfway ----
          await closeSco(page, 'LMSFinish on leaving');
          session1Calls = await lmsCalls(page);
          session1Cmi = await lmsCmi(page);
          expectOneSession(session1Calls, 'first launch');
          const core = session1Cmi.core;
          expect(core.lesson_status, 'halfway: lesson_status').toBe('incomplete');
          expect(core.exit, 'halfway: exit').toBe('suspend');
          expect(core.score.raw, 'halfway: no score before the course is complete').toBe('');
          expect(core.session_time, 'halfway: session_time').toMatch(TIMESPAN);
          expect(seconds(core.session_time), 'halfway: session_time is this launch\'s time').toBeGreaterThan(0);
          expect(seconds(core.session_time)).toBeLessThanOrEqual((Date.now() - launchedAt) / 1000 + 1);
          expect(core.lesson_location.length, 'lesson_location ≤ 255').toBeGreaterThan(0);
          expect(core.lesson_location.length).toBeLessThanOrEqual(255);
          expect(core.lesson_location, 'lesson_location names the scene').toContain(mid.id);
          expect(session1Cmi.suspend_data.length, 'suspend_data').toBeGreaterThan(0);
          expect(session1Cmi.suspend_data.length, 'suspend_data ≤ 4096').toBeLessThanOrEqual(4096);
          expectInteractions(cmiList(session1Cmi.interactions), learner.interactions, 'halfway');
          expectObjectives(cmiList(session1Cmi.objectives), expectedResult(course, learner.ledger), 'halfway');
          const scoreWrites = session1Calls.filter((c) => c.fn === 'LMSSetValue' && /^cmi\.core\.score\.raw$/.test(c.args[0]!));
          expect(scoreWrites, 'no score.raw written before completion').toEqual([]);

          // ---- relaunch with what the LMS kept ----
          const saved = relaunchData(session1Cmi);
          expect((saved.core as Cmi).entry).toBe('resume');
          launchedAt = Date.now();
          await page.goto(host(saved));
          // Directly on the scene the learner left, no "continue?" question.
          await learner.expectAt(mid.title, false);
          await expectCount(learner.frame.getByRole('dialog'), 0);
          await expectCount(learner.frame.getByRole('alertdialog'), 0);
          for (const c of mid.choices) await expectVisible(learner.button(c.text));
          const calls2 = await lmsCalls(page);
          expect(calls2.filter((c) => c.fn === 'LMSInitialize')).toHaveLength(1);
          expect(
            calls2.filter((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.lesson_status').map((c) => c.args[1]),
            'a resumed attempt does not restart lesson_status',
          ).not.toContain('not attempted');
          const before = cmiList(session1Cmi.interactions).length;
          // Finish this scenario from where the learner is.
          const end = await learner.play(sc, mid.id, path.slice(1), kb);
          learner.ended(sc, end);
          // Interactions written in this launch continue after the previous _count.
          const firstNew = (await lmsCalls(page)).find((c) => c.fn === 'LMSSetValue' && /^cmi\.interactions\.\d+\./.test(c.args[0]!));
          expect(firstNew?.args[0], 'first interaction after resume').toMatch(new RegExp(`^cmi\\.interactions\\.${before}\\.`));
          resumed = true;
        } else {
          const end = await learner.play(sc, from, pathTo(sc, from, pickEnding(sc, from, best).id)!, kb);
          learner.ended(sc, end);
        }
        if (u < units.length - 1) await learner.next(stop % 3 === 2);
        stop++;
      }
    }
    expect(leftAt, 'left halfway').not.toBeNull();

    // ---- the end screen, from the table of contents ----
    const exp = expectedResult(course, learner.ledger);
    expect(exp.complete).toBe(true);
    const toc = learner.frame.getByRole('navigation', { name: S.toc });
    const menu = learner.frame.getByRole('button', { name: S.toc, exact: true });
    if (!(await toc.getByRole('button', { name: new RegExp(`^${escapeRe(S.results)}\\b`) }).isVisible()) && (await menu.isVisible())) await menu.click();
    await toc.getByRole('button', { name: new RegExp(`^${escapeRe(S.results)}\\b`) }).click();
    await learner.expectAt(S.results);
    const main = learner.frame.getByRole('main');
    await expectText(main, String(exp.score));
    await expectText(main, S.statuses[exp.status as 'passed']);
    await learner.audit('results', 'end screen');

    // ---- leave; what the LMS holds ----
    await closeSco(page, 'LMSFinish on leaving');
    const calls = await lmsCalls(page);
    const cmi = await lmsCmi(page);
    expectOneSession(calls, 'second launch');
    const core = cmi.core;
    expect({ status: core.lesson_status, raw: core.score.raw, min: core.score.min, max: core.score.max, exit: core.exit }, 'final core').toEqual({
      status: exp.status,
      raw: String(exp.score),
      min: '0',
      max: '100',
      exit: '',
    });
    expect(core.session_time).toMatch(TIMESPAN);
    expect(seconds(core.session_time), 'session_time counts this launch only').toBeLessThanOrEqual((Date.now() - launchedAt) / 1000 + 1);
    expect(core.lesson_location.length).toBeLessThanOrEqual(255);
    expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
    expectInteractions(cmiList(cmi.interactions), learner.interactions, 'final');
    expectObjectives(cmiList(cmi.objectives), exp, 'final');
    // Score and final status were written only once the course was complete: one final status, one raw score.
    const finalWrites = calls.filter((c) => c.fn === 'LMSSetValue' && (c.args[0] === 'cmi.core.score.raw' || (c.args[0] === 'cmi.core.lesson_status' && c.args[1] !== 'incomplete')));
    expect(finalWrites.map((c) => `${c.args[0]}=${c.args[1]}`)).toEqual(expect.arrayContaining([`cmi.core.score.raw=${exp.score}`, `cmi.core.lesson_status=${exp.status}`]));
    // …and not before the last item was done (the last unit's last page completes the course here).
    const firstFinal = calls.findIndex((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.score.raw');
    const lastItem = calls.map((c) => c.fn === 'LMSSetValue' && /^cmi\.interactions\.\d+\.id$/.test(c.args[0]!)).lastIndexOf(true);
    expect(firstFinal, 'score.raw written after the last interaction').toBeGreaterThan(lastItem);
    // In the order every LMS modelled credits (docs/lms-compatibility.md).
    expectFinalProtocol(calls, { status: exp.status, score: exp.score });

    // ---- a later launch of the finished course changes nothing ----
    await page.goto(host(relaunchData(cmi)));
    await expectVisible(learner.frame.getByRole('heading', { level: 2 }));
    await closeSco(page, 'LMSFinish on leaving');
    const calls3 = await lmsCalls(page);
    expectOneSession(calls3, 'launch after completion');
    const after = await lmsCmi(page);
    expect({ status: after.core.lesson_status, raw: after.core.score.raw, exit: after.core.exit }, 'after a later launch').toEqual({ status: exp.status, raw: String(exp.score), exit: '' });
    expect(cmiList(after.interactions), 'a later launch records nothing new').toHaveLength(learner.interactions.length);
    // The three launches, replayed into each LMS model: completion credited (for passed/completed) and the grade right.
    expectCreditedByEveryModel([session1Calls, calls, calls3], { status: exp.status, score: exp.score }, course.passingScore ?? null, 'LMS models, the whole play');
    // The same play in the order before issue 10 (score and status in one commit): the Moodle 4.3.0 model catches it.
    const old = replay([session1Calls, oldCallOrder(calls), calls3], course.passingScore ?? null);
    const credit = exp.status === 'passed' || exp.status === 'completed';
    expect({ '4.3.0': old['Moodle 4.3.0']!.completion, '4.2': old['Moodle ≤ 4.2']!.completion }, 'the old order under the Moodle models').toEqual({ '4.3.0': false, '4.2': credit });

    console.log(`learner: ${learner.interactions.length} interactions, ${learner.keyPresses} key presses; wrong first: ${[...wrongFirst].join(', ')}; first scenario endings: ${[...learner.ledger.scenarios].map(([k, v]) => `${k}=${v}`).join(', ')}; score ${exp.score}, ${exp.status}`);
    expect(problems, 'page errors and dialogs').toEqual([]);
    expect(foreign, 'requests outside the package and the LMS').toEqual([]);
    expect(failed, 'requests that failed').toEqual([]);
    expect(axeLog, 'WCAG 2.1 A/AA violations (see the log above)').toEqual([]);
    expect(layoutLog, 'screens wider than the viewport').toEqual([]);
    expect([...learner.checked].sort()).toEqual(['lesson', 'question', 'results', 'scenario']);
    await context.close();
  }, 600_000);

  it('in a popup window: finds the API on its opener, finishes when closed, and a relaunch resumes on the same lesson page', async () => {
    const { context, page } = await newContextPage(browser);
    const errors: string[] = [];
    context.on('page', (p) => p.on('pageerror', (e) => errors.push(e.message)));
    const stops: string[] = [];
    for (const u of course.units) {
      if (u.kind === 'lesson') for (const p of u.pages) stops.push(p.title);
      else stops.push(scene(u, u.start).title);
    }
    const open = async () => {
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open course' }).click()]);
      return popup;
    };

    await page.goto(host(null, 'popup'));
    let popup = await open();
    await expectVisible(popup.getByRole('heading', { name: stops[0]!, exact: true }));
    for (let i = 1; i <= 2; i++) {
      await popup.getByRole('button', { name: NEXT, exact: true }).click();
      await expectFocused(popup.getByRole('heading', { name: stops[i]!, exact: true }));
    }
    // The learner closes the course window.
    await popup.close();
    await expectFinished(page, 'LMSFinish when the popup closes');
    const calls = await lmsCalls(page);
    expectOneSession(calls, 'popup launch');
    const cmi = await lmsCmi(page);
    expect(cmi.core.exit).toBe('suspend');
    expect(cmi.core.lesson_status).toBe('incomplete');

    await page.goto(host(relaunchData(cmi), 'popup'));
    popup = await open();
    await expectVisible(popup.getByRole('heading', { name: stops[2]!, exact: true }));
    await expectCount(popup.getByRole('dialog'), 0);
    await closeSco(page, 'LMSFinish when the LMS closes the popup');
    expectOneSession(await lmsCalls(page), 'popup relaunch');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('the learner closes the LMS tab: the player still commits and finishes, and the next launch resumes', async () => {
    const { context, page } = await newContextPage(browser);
    const learner = new Learner(page, course, [], []);
    const first = course.units[0]!;
    expect(first.kind).toBe('lesson');
    const pages = (first as RuntimeLesson).pages;
    const url = host(null, 'frame', true);
    const launch = new URL(url).pathname;
    await page.goto(url);
    await learner.expectAt(pages[0]!.title, false);
    await learner.next(false);
    await learner.expectAt(pages[1]!.title);
    // The whole LMS page goes away (tab closed, or the LMS navigates elsewhere).
    await page.close({ runBeforeUnload: true });
    const finished = () => server.posts.filter((p) => p.path === LMS_BEACON_PATH).map((p) => JSON.parse(p.body) as LmsBeacon).filter((b) => b.launch === launch && b.fn === 'LMSFinish');
    await expect.poll(() => finished().length, { message: 'LMSFinish reached the LMS while its page was closing' }).toBeGreaterThan(0);
    const last = finished();
    expect(last, 'LMSFinish calls').toHaveLength(1);
    expect(last[0]!.counts).toMatchObject({ LMSInitialize: 1, LMSFinish: 1 });
    expect(last[0]!.counts.LMSCommit, 'committed before finishing').toBeGreaterThan(0);
    const cmi = last[0]!.cmi;
    expect(cmi.core.exit).toBe('suspend');
    expect(cmi.core.session_time).toMatch(TIMESPAN);

    const page2 = await context.newPage();
    learner.page = page2;
    await page2.goto(host(relaunchData(cmi)));
    await learner.expectAt(pages[1]!.title, false);
    await context.close();
  }, 120_000);

  it('without an LMS the package plays and says that progress is not saved', async () => {
    const { context, page } = await newContextPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.origin + '/pkg/index.html');
    const first = course.units[0]!;
    const title = first.kind === 'lesson' ? first.pages[0]!.title : scene(first, first.start).title;
    await expectVisible(page.getByRole('heading', { name: title, exact: true }));
    await expectVisible(page.getByText(S.notSaved(S.scorm12)));
    await expectVisible(page.getByText(/tidak (sedang )?disimpan/));
    await page.getByRole('button', { name: NEXT, exact: true }).click();
    await expectFocused(page.getByRole('heading', { level: 2 }));

    // At 320 px, by keyboard only: open the table of contents, pick a scenario, land on its first scene.
    await page.setViewportSize({ width: 320, height: 700 });
    const sc = course.units.find((u): u is RuntimeScenario => u.kind === 'scenario')!;
    const toc = page.getByRole('navigation', { name: S.toc });
    const menu = page.getByRole('button', { name: S.toc, exact: true });
    const keys = new Learner(page, course, [], []);
    if (!(await toc.isVisible())) {
      await keys.tabTo(menu);
      await keys.press('Enter');
      await expectVisible(toc, 'the table of contents opens');
    }
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), 'axe, 320 px, contents open').toEqual([]);
    const entry = toc.getByRole('button', { name: new RegExp(escapeRe(sc.title)) });
    await keys.tabTo(entry);
    await keys.press('Enter');
    await expectFocused(page.getByRole('heading', { name: scene(sc, sc.start).title, exact: true }));
    await expect.poll(() => toc.isVisible(), { message: 'the contents close after a choice' }).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
