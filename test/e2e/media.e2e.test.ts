/**
 * Video and audio in a real browser: the media fixture course
 * (test/fixtures/media: a `{required}` 3-second webm with Indonesian and
 * English captions, a poster and a transcript; an mp3 with a text transcript),
 * built by the CLI and played in headless Chromium.
 *
 * - xAPI, against the real in-memory LRS (Learning Locker's xapi-statements):
 *   the player has its accessible name and its tracks (the course language's
 *   showing by default); the transcript opens from the keyboard; axe finds no
 *   violations on the page (1280 and 320 px, where nothing scrolls sideways);
 *   the page is not viewed until the film's end; the learner plays, pauses,
 *   seeks back and plays to the end, leaves the page, and the LRS then holds
 *   initialized, played, paused, seeked, played, completed, terminated, in that
 *   order, every one valid for @learninglocker/xapi-validation and for the xAPI
 *   Video Profile's rules and pattern. player-media.js is fetched only once a
 *   page with media is shown.
 * - SCORM 1.2, inside scorm-again's run-time: the required film holds the page
 *   back (the state the LMS stores says so) until the film is set near its end
 *   and played through; the audio page, not required, is viewed at once.
 *
 * The fixture's media were made once with Debian's ffmpeg and lame and are committed:
 *   ffmpeg -f lavfi -i "testsrc=size=64x48:rate=10" -t 3 -c:v libvpx -b:v 16k -an \
 *     -fflags +bitexact -flags:v +bitexact klip.webm                         (6.7 KB)
 *   ffmpeg -f lavfi -i "color=c=0x1f6f5c:size=64x48" -frames:v 1 klip.poster.png
 *   ffmpeg -f lavfi -i "sine=frequency=440:duration=2" -ac 1 -ar 22050 nada.wav
 *   lame -m m -b 16 --noreplaygain -t nada.wav nada.mp3                       (4.2 KB)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { activityId } from '../../src/shared/activity-ids.js';
import { decodeState } from '../../src/shared/state-codec.js';
import { chromiumAvailable, expectFocused, expectText, expectVisible, launchChromium, newContextPage, tearDown, WAIT_MS } from '../helpers/browser.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';
import { buildWithCli, cliBuilt, ROOT } from '../helpers/package.js';
import { lmsCmi, lmsHostPage, startLmsServer } from '../helpers/lms-host.js';
import { launchQuery, lrsHolds, inPlayerOrder, startLrs, type StoredStatement, type TestLrs } from '../xapi/helpers/lrs.js';
import { llWarnings } from '../xapi/helpers/play.js';
import { isVideoStatement, videoChecker, VIDEO_SESSION } from '../xapi/helpers/video-profile.js';

const CONTENT = join(ROOT, 'test/fixtures/media/content');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FILM = 'Film uji: pola warna';
const built = cliBuilt('xapi') && cliBuilt('scorm12');

let browser: Browser;
let work: string;

/** Waits for the film's `ended` after playing it (muted: headless autoplay rules stay out of the way). */
async function playToEnd(frame: Page | Frame, from: number | null): Promise<void> {
  await frame.locator(`video[aria-label="${FILM}"]`).evaluate(async (v: HTMLVideoElement, t: number | null) => {
    v.muted = true;
    if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
    if (t !== null) {
      v.currentTime = t;
      await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
    }
    const ended = new Promise((r) => v.addEventListener('ended', r, { once: true }));
    await v.play();
    await ended;
  }, from);
}

describe.skipIf(!chromiumAvailable())('video and audio in the player', () => {
  beforeAll(async () => {
    if (!built) throw new Error('lib/ or player-dist/ is missing: run `npm run build` first');
    work = mkdtempSync(join(tmpdir(), 'ir-media-e2e-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await tearDown({ browser, work });
  });

  describe('xAPI', () => {
    let lrs: TestLrs;
    let server: StaticServer;
    let course: RuntimeCourse;
    beforeAll(async () => {
      const pkg = buildWithCli('xapi', join(work, 'xapi'), CONTENT);
      course = pkg.course;
      lrs = await startLrs();
      server = await startStaticServer({ '/pkg/': pkg.dir });
    });
    afterAll(async () => {
      await tearDown({ server, lrs });
    });

    it('captions, name, transcript, axe; the film holds the page back; Video Profile statements reach the LRS in order and valid', async () => {
      const registration = randomUUID();
      const { context, page } = await newContextPage(browser);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.origin}/pkg/index.html?${launchQuery(lrs.endpoint, registration, course.iri!)}`);
      await expectText(page.locator('h2'), 'Tonton filmnya');

      // The player: its accessible name, controls, no autoplay, metadata only, captions on by default.
      const video = page.getByLabel(FILM);
      await expectVisible(video);
      const el = await video.evaluate((v: HTMLVideoElement) => ({
        tag: v.tagName,
        controls: v.controls,
        autoplay: v.autoplay,
        preload: v.getAttribute('preload'),
        poster: v.getAttribute('poster'),
        tracks: Array.from(v.querySelectorAll('track')).map((t) => ({ kind: t.kind, srclang: t.srclang, label: t.label, default: t.default, src: t.getAttribute('src') })),
      }));
      expect(el).toEqual({
        tag: 'VIDEO',
        controls: true,
        autoplay: false,
        preload: 'metadata',
        poster: 'assets/klip.poster.png',
        tracks: [
          { kind: 'captions', srclang: 'en', label: 'English', default: false, src: 'assets/klip.en.vtt' },
          { kind: 'captions', srclang: 'id', label: 'Bahasa Indonesia', default: true, src: 'assets/klip.id.vtt' },
        ],
      });
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).map((t) => `${t.language}:${t.mode}`).join(' ')), { timeout: WAIT_MS })
        .toBe('en:disabled id:showing');
      // The captions file loaded and parsed in the browser too.
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.textTracks[1]!.cues?.length ?? 0), { timeout: WAIT_MS }).toBe(2);

      // The transcript opens from the keyboard.
      const summary = page.locator('summary', { hasText: 'Transkrip' });
      const details = page.locator('details.ir-transcript');
      expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
      for (let i = 0; i < 40 && !(await summary.evaluate((s) => s === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expectFocused(summary, 'the transcript is reached with Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
      await expectVisible(details.getByText('pola warna uji'));

      // axe, at 1280 and 320 px; nothing wider than 320 px.
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 });
        const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        expect(results.violations.map((v) => `@${width}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `@${width}px`).toBe(0);
        expect((await video.boundingBox())!.width).toBeLessThanOrEqual(width);
      }
      await page.setViewportSize({ width: 1280, height: 800 });

      // Not viewed yet: the table of contents does not mark it done, and the LRS heard nothing of the page.
      const tocLink = page.locator('.ir-toc .ir-link', { hasText: 'Tonton filmnya' });
      expect(await tocLink.evaluate((b) => b.classList.contains('is-done'))).toBe(false);
      const pageId = activityId.page(course.iri!, course.units[0]!.id, 'tonton-filmnya');
      const early = await lrsHolds(lrs, registration, 1, WAIT_MS, 200);
      expect(early.filter((s) => s.object.id === pageId)).toEqual([]);
      expect(server.requests).toContain('/pkg/player-media.js');

      // Play, pause, seek back, play to the end.
      await video.evaluate(async (v: HTMLVideoElement) => {
        v.muted = true;
        await v.play();
        await new Promise((r) => setTimeout(r, 1000));
        v.pause();
        v.currentTime = 0.2;
        await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
      });
      await playToEnd(page, null);
      await expect.poll(() => tocLink.evaluate((b) => b.classList.contains('is-done')), { timeout: WAIT_MS }).toBe(true);

      // Leaving the page closes the film's session; the audio page (not required) is viewed at once.
      await page.getByRole('button', { name: 'Berikutnya' }).click();
      await expectText(page.locator('h2'), 'Dengarkan nadanya');
      await expect.poll(() => page.locator('.ir-toc .ir-link', { hasText: 'Dengarkan nadanya' }).evaluate((b) => b.classList.contains('is-done'))).toBe(true);
      await expectVisible(page.getByLabel('Nada uji'));

      // Sent asynchronously: wait for the film's seven and the audio page's view.
      const audioPage = activityId.page(course.iri!, course.units[0]!.id, 'dengarkan-nadanya');
      await expect.poll(async () => {
        const list = await lrs.statements(registration);
        return list.filter(isVideoStatement).length === 7 && list.some((s) => s.object.id === audioPage);
      }, { timeout: WAIT_MS * 2, interval: 200 }).toBe(true);
      const all = inPlayerOrder(await lrs.statements(registration));
      const media = all.filter(isVideoStatement);
      expect(media.map((s) => s.verb.display['en-US'])).toEqual(['initialized', 'played', 'paused', 'seeked', 'played', 'completed', 'terminated']);
      const pc = videoChecker();
      const film = activityId.media(course.iri!, 'assets/klip.webm');
      for (const s of media) {
        const where = s.verb.display['en-US']!;
        expect(llWarnings(stripStored(s)), where).toEqual([]);
        expect(pc.checkStatement(s).errors, where).toEqual([]);
        expect(s.object.id, where).toBe(film);
        expect(s.context.extensions![VIDEO_SESSION], where).toBe(media[0]!.context.extensions![VIDEO_SESSION]);
        expect(s.context.contextActivities.parent![0]!.id, where).toBe(pageId);
      }
      expect(pc.checkPattern(media).ok, pc.checkPattern(media).trace).toBe(true);
      const X = 'https://w3id.org/xapi/video/extensions/';
      expect(media[0]!.context.extensions).toMatchObject({ [X + 'length']: 3, [X + 'cc-subtitle-enabled']: true, [X + 'cc-subtitle-lang']: 'id' });
      expect(media[3]!.result!.extensions![X + 'time-to']).toBeCloseTo(0.2, 1);
      expect(media[5]!.result).toMatchObject({ completion: true, extensions: { [X + 'progress']: 1, [X + 'time']: 3 } });
      // The page was viewed once the film ended: after the film's first play, before its end was recorded.
      const viewed = all.findIndex((s) => s.object.id === pageId && s.verb.id.endsWith('/experienced'));
      expect(viewed).toBeGreaterThan(all.indexOf(media[1]!));
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  });

  describe('SCORM 1.2', () => {
    let server: StaticServer;
    let course: RuntimeCourse;
    beforeAll(async () => {
      const pkg = buildWithCli('scorm12', join(work, 'scorm12'), CONTENT);
      course = pkg.course;
      server = await startLmsServer({ '/pkg/': pkg.dir });
      server.put('/host.html', lmsHostPage({ launch: '/pkg/index.html' }));
    });
    afterAll(async () => {
      await tearDown({ server });
    });

    it('a required film keeps its page from being viewed until its end; media load nothing else', async () => {
      const { context, page } = await newContextPage(browser);
      await page.goto(`${server.origin}/host.html`);
      const frame = await frameOf(page);
      await expectText(frame.locator('h2'), 'Tonton filmnya');
      const viewed = async () => {
        const cmi = await lmsCmi(page);
        return decodeState(course, cmi.suspend_data)?.pages ?? null;
      };
      await expect.poll(viewed, { timeout: WAIT_MS }).toEqual([false, false]);
      // Near the end, then played through: the page is viewed.
      await playToEnd(frame, 2.5);
      await expect.poll(viewed, { timeout: WAIT_MS }).toEqual([true, false]);
      await frame.getByRole('button', { name: 'Berikutnya' }).click();
      await expect.poll(viewed, { timeout: WAIT_MS }).toEqual([true, true]);
      // SCORM has no media records: no media script in the package, none asked for.
      expect(server.requests.filter((r) => r.includes('player-media'))).toEqual([]);
      await context.close();
    }, 60_000);
  });
});

async function frameOf(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/pkg/index.html')), { timeout: WAIT_MS }).toBe(true);
  return page.frames().find((f) => f.url().includes('/pkg/index.html'))!;
}

/** The statement as the player sent it (without what the LRS added). */
function stripStored(s: StoredStatement): unknown {
  const { stored: _s, authority: _a, version: _v, ...rest } = s as StoredStatement & { authority?: unknown; version?: unknown };
  return rest;
}
