/**
 * A new course version over learners mid-course (issue 10), in Chromium.
 *
 * Course 1.0.0 as released (test/courses/integrity-ranger-1.0.0) is built by
 * the CLI and played halfway by a learner through its UI, in the stand-in
 * SCORM 1.2 LMS (scorm-again) and, for xAPI, against a real LRS with a State
 * API in front of it. Then the same LMS data (or the same LRS registration, in
 * a fresh browser with nothing stored locally) is launched with a later
 * version whose layouts/ holds 1.0.0's layout, written by `integrity-ranger
 * layout` from the 1.0.0 package:
 * - "1.1 here": 1.0.0 changed by this test (a page added, a question's
 *   choices reordered, a scenario removed, version 1.1.0), so the test does
 *   not depend on what content/ holds today;
 * - content/ itself, once it is a later version than 1.0.0;
 * - content/ (1.2: surveys and tests added) over a learner halfway through
 *   1.1.0 as released (test/courses/integrity-ranger-1.1.0), through
 *   content/layouts/1.1.0.yml.
 * What is kept is checked against an oracle written from ids alone
 * (test/helpers/progress.ts), the notice against the UI strings, and the SCORM
 * records for continuing: interactions appended after the previous _count,
 * objectives not repeated. A state no plan can read gets the other notice.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import type { Progress } from '../../src/shared/progress.js';
import { decodeState, structureHash } from '../../src/shared/state-codec.js';
import { format } from '../../src/shared/ui-strings.js';
import { chromiumAvailable, expectText, expectVisible, launchChromium, newContextPage, tearDown, WAIT_MS } from '../helpers/browser.js';
import { closeSco, cmiList, lmsCalls, lmsCmi, lmsHostPage, relaunchData, startLmsServer, type Cmi } from '../helpers/lms-host.js';
import { buildWithCli, cliBuilt, ROOT, V110, type CliPackage } from '../helpers/package.js';
import { carriedOver } from '../helpers/progress.js';
import type { StaticServer } from '../helpers/static-server.js';
import { Learner, stopsOf } from '../xapi/helpers/learner.js';
import { launchQuery, startLrs, startStateFront, type StateFront, type TestLrs } from '../xapi/helpers/lrs.js';

const V100 = join(ROOT, 'test', 'courses', 'integrity-ranger-1.0.0');
const CLI = join(ROOT, 'bin', 'integrity-ranger.js');
// content/ is tested too once it is no longer 1.0.0 (the 1.1 rewrite has landed).
const contentIsLater = !/^version:\s*"?1\.0\.0"?\s*$/m.test(readFileSync(join(ROOT, 'content', 'course.yml'), 'utf8'));
/** From which released version (its folder under test/courses) to which later one: 0 the one made here, 1 content/. */
const VARIANTS: Array<{ from: '1.0.0' | '1.1.0'; to: number }> = [{ from: '1.0.0', to: 0 }];
if (contentIsLater) VARIANTS.push({ from: '1.0.0', to: 1 });
// content/ after 1.1 (issue 12's 1.2) keeps 1.1.0's layout: a learner of the released 1.1 resumes in it.
if (existsSync(join(ROOT, 'content', 'layouts', '1.1.0.yml'))) VARIANTS.push({ from: '1.1.0', to: 1 });

/** 1.0.0 with what an update does: a page added, a question's choices reordered, a scenario removed. */
function makeUpdate(dir: string, layout: string): void {
  cpSync(V100, dir, { recursive: true });
  const yml = join(dir, 'course.yml');
  writeFileSync(yml, readFileSync(yml, 'utf8').replace(/^version: .*$/m, 'version: "1.1.0"').replace(/^ {2}- scenarios\/02-parsel-lebaran\.md\n/m, ''));
  rmSync(join(dir, 'scenarios', '02-parsel-lebaran.md'));
  const l1 = join(dir, 'lessons', '01-mengenal-korupsi.md');
  const text = readFileSync(l1, 'utf8');
  // q-kelompok-curang: its first and last choices (both wrong) swap places, feedback and all.
  const m = /(::: question \{#q-kelompok-curang[^\n]*\n[\s\S]*?\n\n)(- \[ \][^\n]*\n {2}>[^\n]*\n)(- \[x\][^\n]*\n {2}>[^\n]*\n)(- \[ \][^\n]*\n {2}>[^\n]*\n)/.exec(text);
  if (!m) throw new Error('q-kelompok-curang is not as this test expects');
  const swapped = text.replace(m[0], m[1]! + m[4]! + m[3]! + m[2]!);
  writeFileSync(l1, swapped.replace(/^## /m, '## Sebelum mulai\n\nBaca setiap halaman sampai selesai.\n\n## '));
  mkdirSync(join(dir, 'layouts'), { recursive: true });
  writeFileSync(join(dir, 'layouts', '1.0.0.yml'), layout);
}

interface Version {
  label: string;
  pkg: CliPackage;
  mount: string;
}

const haveChromium = chromiumAvailable();

describe.skipIf(!haveChromium)('a new course version resumes learners mid-course', () => {
  let work: string;
  let server: StaticServer;
  let browser: Browser;
  let old: CliPackage;
  let oldX: CliPackage;
  let old11: CliPackage | undefined;
  let old11X: CliPackage | undefined;
  /** The released package a variant starts from, and where it is served. */
  const source = (from: string, xapi: boolean) =>
    from === '1.0.0' ? { pkg: xapi ? oldX : old, mount: xapi ? '/v100x/' : '/v100/' } : { pkg: (xapi ? old11X : old11)!, mount: xapi ? '/v110x/' : '/v110/' };
  const later: Version[] = [];
  const laterX: Version[] = [];
  let lrs: TestLrs;
  let front: StateFront;
  let launches = 0;

  beforeAll(async () => {
    if (!cliBuilt('scorm12') || !cliBuilt('xapi')) throw new Error('the tool is not built: run `npm run build` first (npm test does)');
    work = mkdtempSync(join(tmpdir(), 'ir-update-'));
    old = buildWithCli('scorm12', work, V100, 'v100');
    oldX = buildWithCli('xapi', work, V100, 'v100x');
    // The author's step: the layout of the released package, kept in the next version's content folder.
    const layout = execFileSync(process.execPath, [CLI, 'layout', old.zip], { encoding: 'utf8' });
    expect(layout).toContain(`hash: "${structureHash(old.course)}"`);
    const v11 = join(work, 'v11-content');
    makeUpdate(v11, layout);
    later.push({ label: '1.1 here', pkg: buildWithCli('scorm12', work, v11, 'v11'), mount: '/v11/' });
    laterX.push({ label: '1.1 here', pkg: buildWithCli('xapi', work, v11, 'v11x'), mount: '/v11x/' });
    if (contentIsLater) {
      later.push({ label: 'content/', pkg: buildWithCli('scorm12', work, join(ROOT, 'content'), 'now'), mount: '/now/' });
      laterX.push({ label: 'content/', pkg: buildWithCli('xapi', work, join(ROOT, 'content'), 'nowx'), mount: '/nowx/' });
    }
    for (const v of [...later, ...laterX]) expect(v.pkg.course.previous?.map((p) => p.hash), `${v.label} can read 1.0.0`).toContain(structureHash(old.course));
    const mounts: Record<string, string> = { '/v100/': old.dir, '/v100x/': oldX.dir };
    if (VARIANTS.some((v) => v.from === '1.1.0')) {
      old11 = buildWithCli('scorm12', work, V110, 'v110');
      old11X = buildWithCli('xapi', work, V110, 'v110x');
      for (const v of [later[1]!, laterX[1]!]) expect(v.pkg.course.previous?.map((p) => p.hash), `${v.label} can read 1.1.0`).toContain(structureHash(old11.course));
      Object.assign(mounts, { '/v110/': old11.dir, '/v110x/': old11X.dir });
    }
    for (const v of [...later, ...laterX]) mounts[v.mount] = v.pkg.dir;
    server = await startLmsServer(mounts);
    lrs = await startLrs();
    front = await startStateFront(lrs);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await front?.stop();
    await tearDown({ browser, server, lrs, work });
  });

  /** A new LMS launch of the package at `mount`, with what the LMS kept. */
  function host(mount: string, course: RuntimeCourse, saved: Record<string, unknown> | null): string {
    const path = `/lms/update-${++launches}.html`;
    server.put(path, lmsHostPage({ launch: mount + 'index.html', saved, masteryScore: course.passingScore }));
    return server.origin + path;
  }

  /** The first lesson page at or after the middle that the later version still has: where the learner leaves. */
  function leaveAt(oldCourse: RuntimeCourse, newCourse: RuntimeCourse): number {
    const stops = stopsOf(oldCourse);
    const keep = new Set(stopsOf(newCourse).map((s) => `${s.lesson?.id}/${s.page}`));
    for (let at = Math.floor(stops.length / 2); at < stops.length; at++) if (stops[at]!.kind === 'page' && keep.has(`${stops[at]!.lesson!.id}/${stops[at]!.page}`)) return at;
    throw new Error('no page after the middle survives');
  }

  /** Where `stop` of the old course is in the new one (by lesson and page id). */
  function sameStop(oldCourse: RuntimeCourse, at: number, newCourse: RuntimeCourse): number {
    const s = stopsOf(oldCourse)[at]!;
    return stopsOf(newCourse).findIndex((x) => x.lesson?.id === s.lesson?.id && x.page === s.page);
  }

  /** What the later version must hold: the old state carried over by ids, on the same page. */
  function expected(oldCourse: RuntimeCourse, saved: string, newCourse: RuntimeCourse, at: number): Progress {
    const p = decodeState(oldCourse, saved);
    expect(p, 'the old state is one of the released version').not.toBeNull();
    return { ...carriedOver(oldCourse, p!, newCourse), at };
  }

  for (const { from, to: i } of VARIANTS) {
    it(`SCORM 1.2: ${from} played halfway, relaunched as ${i ? 'content/' : '1.1 here'}: progress kept, the learner told, records continued`, async () => {
      const next = later[i]!;
      const to = next.pkg.course;
      const { pkg: old, mount: oldMount } = source(from, false);
      const { context, page } = await newContextPage(browser);
      const frame: FrameLocator = page.frameLocator('#sco-frame');
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));

      // ---- the released version, halfway ----
      const leave = leaveAt(old.course, to);
      await page.goto(host(oldMount, old.course, null));
      const first = new Learner(frame, old.course);
      await first.arrive();
      await first.play(leave);
      expect(first.at).toBe(leave);
      await closeSco(page, `LMSFinish on leaving ${from}`);
      const cmi1 = await lmsCmi(page);
      expect(cmi1.suspend_data.startsWith(`1.${structureHash(old.course)}.`), `${from} saved a state of its own`).toBe(true);
      const before = cmiList(cmi1.interactions).length;
      expect(before, `interactions recorded in ${from}`).toBeGreaterThan(5);
      const at = sameStop(old.course, leave, to);
      const want = expected(old.course, cmi1.suspend_data, to, at);
      // Something is kept; and the update made here drops an answer (q-kelompok-curang's choices changed).
      const answered = (p: Progress) => p.questions.filter((q) => q.first !== null).length;
      expect(answered(want)).toBeGreaterThan(0);
      const had = decodeState(old.course, cmi1.suspend_data)!;
      if (i === 0) expect(answered(had)).toBeGreaterThan(answered(want));
      const viewed = (p: Progress) => p.pages.filter(Boolean).length;
      const ended = (p: Progress) => p.scenarios.filter((x) => x.ending !== null).length;
      console.info(`course update ${from} → ${next.label}: pages ${viewed(had)} → ${viewed(want)}, answers ${answered(had)} → ${answered(want)}, endings ${ended(had)} → ${ended(want)}`);

      // ---- the same LMS data, the later version ----
      const saved = relaunchData(cmi1);
      await page.goto(host(next.mount, to, saved));
      const second = new Learner(frame, to);
      second.at = at;
      await second.arrive();
      await expectText(second.status, format(to.strings.updated, stopsOf(to)[at]!.title));
      const hash = structureHash(to);
      await expect.poll(async () => String((await lmsCmi(page)).suspend_data).split('.')[1], { timeout: WAIT_MS }).toBe(hash);
      expect(decodeState(to, (await lmsCmi(page)).suspend_data), 'what the later version keeps').toEqual(want);

      // ---- the learner goes on: records continue after what the LMS has ----
      // On until something is recorded (the page's questions, or the next scenario's choices).
      do await second.play(1);
      while (!second.interactions.length && !second.done);
      await closeSco(page, 'LMSFinish on leaving the later version');
      const calls = await lmsCalls(page);
      const firstNew = calls.find((c) => c.fn === 'LMSSetValue' && /^cmi\.interactions\.\d+\.id$/.test(c.args[0]!));
      expect(firstNew?.args[0], 'the first interaction of the relaunch').toBe(`cmi.interactions.${before}.id`);
      const cmi2 = await lmsCmi(page);
      const row = (x: Cmi) => `${x.id} ${x.student_response} ${x.result}`;
      expect(cmiList(cmi2.interactions).map(row), `what ${from} recorded, then what the later version recorded`).toEqual([...first.interactions, ...second.interactions].map(row));
      const objectives = cmiList(cmi2.objectives).map((o: Cmi) => o.id);
      expect(new Set(objectives).size, 'objectives are not repeated').toBe(objectives.length);
      expect(cmi2.core.lesson_status).toBe('incomplete');
      const now = stopsOf(to)[second.at]!;
      expect(cmi2.core.lesson_location).toBe(now.kind === 'page' ? `l:${now.lesson!.id}/${now.page}` : now.kind === 'scenario' ? `s:${now.scenario!.id}/${now.scenario!.start}` : 'r:results');

      // ---- a state no plan can read: refused, said, nothing misread ----
      const unknown = relaunchData(cmi1);
      unknown.suspend_data = String(cmi1.suspend_data).replace(/^1\.[^.]{4}\./, '1.----.');
      await page.goto(host(next.mount, to, unknown));
      const third = new Learner(frame, to);
      third.at = at;
      await third.arrive();
      await expectText(third.status, to.strings.lost);
      await expect.poll(async () => String((await lmsCmi(page)).suspend_data).split('.')[1], { timeout: WAIT_MS }).toBe(hash);
      const fresh = decodeState(to, (await lmsCmi(page)).suspend_data)!;
      expect(fresh.pages.filter(Boolean).length, 'only the page on screen is viewed').toBe(1);
      expect(fresh.questions.every((q) => q.first === null), 'no answer carried').toBe(true);
      expect(fresh.scenarios.every((s) => s.ending === null), 'no ending carried').toBe(true);
      await closeSco(page, 'LMSFinish after a refused state');

      expect(problems).toEqual([]);
      await context.close();
    }, 300_000);
  }

  for (const { from, to: i } of VARIANTS) {
    it(`xAPI: the State API document of ${from} read by ${i ? 'content/' : '1.1 here'} in a fresh browser`, async () => {
      const next = laterX[i]!;
      const to = next.pkg.course;
      const { pkg: oldX, mount: oldMount } = source(from, true);
      const registration = randomUUID();
      const url = (mount: string, course: RuntimeCourse) => `${server.origin}${mount}index.html?${launchQuery(front.endpoint, registration, course.iri!)}`;
      const doc = () => {
        const docs = [...front.documents.entries()].filter(([k]) => k.includes(registration)).map(([, v]) => JSON.parse(v) as { state: string });
        return docs[0]?.state ?? '';
      };

      const leave = leaveAt(oldX.course, to);
      const one = await newContextPage(browser);
      await one.page.goto(url(oldMount, oldX.course));
      const first = new Learner(one.page, oldX.course);
      await first.arrive();
      await first.play(leave);
      await one.page.goto('about:blank');
      // The last PUT of the session: the learner's place is in it (earlier ones may still arrive first).
      await expect.poll(() => decodeState(oldX.course, doc())?.at, { timeout: WAIT_MS, message: `${from} state in the LRS` }).toBe(leave);
      const at = sameStop(oldX.course, leave, to);
      const want = expected(oldX.course, doc(), to, at);
      await one.context.close();

      // A fresh browser: nothing local, the state comes from the LRS.
      const two = await newContextPage(browser);
      await two.page.goto(url(next.mount, to));
      const second = new Learner(two.page, to);
      second.at = at;
      await second.arrive();
      await expectVisible(second.status.getByText(format(to.strings.updated, stopsOf(to)[at]!.title)));
      await two.page.goto('about:blank');
      await expect.poll(() => doc().split('.')[1], { timeout: WAIT_MS, message: 'the later version saved its own state' }).toBe(structureHash(to));
      expect(decodeState(to, doc())).toEqual(want);
      await two.context.close();
    }, 300_000);
  }
});
