/**
 * End to end, SCORM 2004 4th Edition: the default course, built by the CLI
 * for scorm12 and for scorm2004, played by the same learner (the same
 * clicks: some questions wrong first, one scenario to its bad ending) in
 * headless Chromium, the 1.2 package inside scorm-again's Scorm12API and the
 * 2004 package inside its Scorm2004API. The 2004 play is closed halfway and
 * relaunched with what the LMS kept; it must land on the same screen, and
 * end with the same results as the 1.2 play, in the 2004 data model:
 * the same score and status (split into completion and success), the same
 * interactions and objectives, no call refused.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, expectVisible, launchChromium, newContextPage, tearDown, WAIT_MS, watchProblems } from '../helpers/browser.js';
import { closeSco, cmiList, lmsCmi, lmsHostPage, startLmsServer, type Cmi } from '../helpers/lms-host.js';
import { calls2004, lms2004HostPage, relaunch2004, scorm2004AgainScript, SCORM2004_AGAIN_PATH } from '../helpers/lms-host-2004.js';
import type { StaticServer } from '../helpers/static-server.js';
import { buildWithCli, cliBuilt, V110, type CliPackage } from '../helpers/package.js';
import { Learner, type LearnerOptions } from '../xapi/helpers/learner.js';

let work: string;
let browser: Browser;
let server: StaticServer;
let p12: CliPackage;
let p2004: CliPackage;
let hosts = 0;

function host(html: string): string {
  const path = `/lms/host-${++hosts}.html`;
  server.put(path, html, 'text/html; charset=utf-8');
  return server.origin + path;
}

/** The same plan for both plays: the first two questions wrong first, the first scenario to its bad ending. */
function plan(p: CliPackage): LearnerOptions {
  const questions = p.course.units.flatMap((u) => (u.kind === 'lesson' ? u.pages.flatMap((pg) => pg.blocks.flatMap((b) => (b.kind === 'question' ? [b.question.id] : []))) : []));
  const scenario = p.course.units.find((u) => u.kind === 'scenario')!;
  return { wrongFirst: new Set(questions.slice(0, 2)), badIn: new Set([scenario.id]) };
}

async function open(url: string) {
  const { context, page } = await newContextPage(browser);
  const problems = watchProblems(page);
  await page.goto(url);
  return { context, page, problems };
}

const count = (page: Page, fn: string) => page.evaluate((f) => (window as any).__lms.count(f) as number, fn);

describe.skipIf(!chromiumAvailable() || !cliBuilt('scorm2004'))('SCORM 2004 4th Edition end to end (scorm-again Scorm2004API)', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ir-e2e-2004-'));
    p12 = buildWithCli('scorm12', join(work, '12'), V110);
    p2004 = buildWithCli('scorm2004', join(work, '2004'), V110);
    server = await startLmsServer({ '/p12/': p12.dir, '/p2004/': p2004.dir });
    server.put(SCORM2004_AGAIN_PATH, scorm2004AgainScript(), 'text/javascript; charset=utf-8');
    browser = await launchChromium();
  }, 120_000);

  afterAll(() => tearDown({ browser, server, work }));

  it('plays the default course to the 1.2 target’s results, resuming halfway where it was', async () => {
    // The SCORM 1.2 play, straight through.
    const one = await open(host(lmsHostPage({ launch: '/p12/index.html' })));
    const l12 = new Learner(one.page.frameLocator('#sco-frame'), p12.course, plan(p12));
    await l12.arrive();
    await l12.play();
    await closeSco(one.page, '1.2: LMSFinish when the frame goes');
    const cmi12 = await lmsCmi(one.page);
    expect(one.problems).toEqual([]);
    await one.context.close();

    // The SCORM 2004 play: half, then the LMS closes the SCO.
    const first = await open(host(lms2004HostPage({ launch: '/p2004/index.html' })));
    const learner = new Learner(first.page.frameLocator('#sco-frame'), p2004.course, plan(p2004));
    await learner.arrive();
    await learner.play(Math.floor(learner.stops.length / 2));
    const halfway = learner.at;
    await first.page.evaluate(() => (window as any).__lms.close());
    await expect.poll(() => count(first.page, 'Terminate'), { timeout: WAIT_MS, message: 'Terminate when the frame goes' }).toBe(1);
    const kept = (await first.page.evaluate(() => (window as any).__lms.cmi())) as Cmi;
    expect(kept).toMatchObject({ exit: 'suspend', completion_status: 'incomplete', success_status: 'unknown' });
    const calls1 = await calls2004(first.page);
    expect(calls1.filter((c) => c.fn === 'Initialize')).toHaveLength(1);
    expect(first.problems).toEqual([]);
    await first.context.close();

    // The relaunch, with what the LMS kept: the same screen, then on to the end.
    const second = await open(host(lms2004HostPage({ launch: '/p2004/index.html', saved: relaunch2004(kept) })));
    learner.scope = second.page.frameLocator('#sco-frame');
    await expectVisible(learner.heading(learner.stops[halfway]!.title), 'the relaunch lands where the learner was');
    await learner.play();
    await second.page.evaluate(() => (window as any).__lms.close());
    await expect.poll(() => count(second.page, 'Terminate'), { timeout: WAIT_MS }).toBe(1);
    const cmi = (await second.page.evaluate(() => (window as any).__lms.cmi())) as Cmi;
    const calls2 = await calls2004(second.page);
    expect(second.problems).toEqual([]);
    await second.context.close();

    // No write or commit refused, in either session; a resumed attempt does not restart completion.
    const refused = [...calls1, ...calls2].filter((c) => c.fn !== 'GetValue' && c.error !== '0');
    expect(refused).toEqual([]);
    expect(calls2.filter((c) => c.fn === 'SetValue' && c.args[0] === 'cmi.completion_status').map((c) => c.args[1])).toEqual(['completed']);

    // The same learner, the same results as the 1.2 target.
    const status12: string = cmi12.core.lesson_status;
    expect(['passed', 'failed', 'completed']).toContain(status12);
    expect({
      completion: cmi.completion_status,
      success: cmi.success_status,
      raw: cmi.score.raw,
      min: cmi.score.min,
      max: cmi.score.max,
      scaled: cmi.score.scaled,
      exit: cmi.exit,
    }).toEqual({
      completion: 'completed',
      success: status12 === 'completed' ? 'unknown' : status12,
      raw: cmi12.core.score.raw,
      min: '0',
      max: '100',
      scaled: String(Number(cmi12.core.score.raw) / 100),
      exit: 'normal',
    });
    expect(cmi.session_time).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);

    const as2004 = (r: string) => (r === 'wrong' ? 'incorrect' : r);
    expect(cmiList(cmi.interactions).map((i) => ({ id: i.id, response: i.learner_response, result: i.result, weighting: i.weighting }))).toEqual(
      cmiList(cmi12.interactions).map((i) => ({ id: i.id, response: i.student_response.split(',').join('[,]'), result: as2004(i.result), weighting: i.weighting })),
    );
    expect(cmiList(cmi.interactions).map((i) => ({ id: i.id, response: i.learner_response, result: i.result }))).toEqual(
      learner.interactions.map((i) => ({ id: i.id, response: i.student_response.split(',').join('[,]'), result: as2004(i.result) })),
    );
    for (const i of cmiList(cmi.interactions)) {
      expect(i.description, i.id).toMatch(/^\{lang=id(-ID)?\}\S/);
      expect(i.latency, i.id).toMatch(/^PT/);
      expect(i.timestamp, i.id).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    }
    expect(
      cmiList(cmi.objectives).map((o) => ({ id: o.id, raw: o.score.raw, completion: o.completion_status, success: o.success_status })),
    ).toEqual(
      cmiList(cmi12.objectives).map((o) => ({
        id: o.id,
        raw: o.score.raw,
        completion: o.status === 'incomplete' ? 'incomplete' : 'completed',
        success: o.status === 'passed' || o.status === 'failed' ? o.status : 'unknown',
      })),
    );
  }, 600_000);
});
