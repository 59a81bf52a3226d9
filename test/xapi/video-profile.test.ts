/**
 * The media script's statements (src/player/media/video-profile.ts) against
 * the xAPI Video Profile's rules (helpers/video-profile.ts) and
 * @learninglocker/xapi-validation, and the played-segments arithmetic.
 * The browser test (test/e2e/media.e2e.test.ts) sends them from a real
 * player to a real LRS.
 */
import { describe, expect, it } from 'vitest';
import { compileFolder } from '../helpers/compile.js';
import { activityId, pageActivity } from '../../src/shared/activity-ids.js';
import { indexCourse } from '../../src/shared/progress.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { Segments, videoStatement, VIDEO_EXT, type MediaInfo } from '../../src/player/media/video-profile.js';
import type { SessionContext } from '../../src/player/transport/xapi-statements.js';
import { llWarnings } from './helpers/play.js';
import { videoChecker, VIDEO_PROFILE } from './helpers/video-profile.js';
import { checkProfile } from './helpers/profile-checker.js';

async function context(): Promise<SessionContext> {
  const r = await compileFolder('test/fixtures/media/content', ['xapi']);
  const course = { ...r.runtime!, target: 'xapi' } as RuntimeCourse;
  return {
    course,
    iri: course.iri!,
    courseId: course.iri!,
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.go.id', name: '1990' } },
    registration: 'e8f5a5a4-2f3b-4c1d-9e6f-0a1b2c3d4e5f',
    grouping: null,
    platform: 'Moodle',
  };
}

describe('xAPI Video Profile statements', () => {
  it('the transcribed profile is a well-formed xAPI Profile', () => {
    expect(checkProfile(VIDEO_PROFILE)).toEqual([]);
  });

  it('a session initialized → played → paused → seeked → played → completed → terminated follows every rule and the pattern', async () => {
    const ctx = await context();
    const page = indexCourse(ctx.course).pages[0]!;
    const parent = pageActivity(ctx.iri, page.lesson, page.page);
    const info: MediaInfo = {
      id: activityId.media(ctx.iri, 'assets/klip.webm'),
      name: 'Film uji: pola warna',
      parent: { objectType: 'Activity', id: parent.id, definition: { type: parent.type } },
      sessionId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      length: 3,
      cc: 'id',
    };
    const seg = new Segments();
    let n = 0;
    const at = 1_700_000_000_000;
    const id = () => `00000000-0000-4000-8000-00000000000${n++}`;
    seg.open(0);
    const list = [videoStatement(ctx, info, 'initialized', at, id()), videoStatement(ctx, info, 'played', at + 1, id(), { time: 0 })];
    seg.close(1.2);
    list.push(videoStatement(ctx, info, 'paused', at + 2, id(), { time: 1.2, progress: seg.progress(3), segments: seg.text() }));
    list.push(videoStatement(ctx, info, 'seeked', at + 3, id(), { from: 1.2, to: 0.5 }));
    seg.open(0.5);
    list.push(videoStatement(ctx, info, 'played', at + 4, id(), { time: 0.5 }));
    seg.close(3);
    list.push(videoStatement(ctx, info, 'completed', at + 5, id(), { time: 3, progress: seg.progress(3), segments: seg.text(), durationMs: 4200 }));
    list.push(videoStatement(ctx, info, 'terminated', at + 6, id(), { time: 3, progress: seg.progress(3), segments: seg.text() }));

    const pc = videoChecker();
    for (const s of list) {
      expect(llWarnings(s), s.verb.display['en-US']).toEqual([]);
      expect(pc.checkStatement(s).errors, s.verb.display['en-US']).toEqual([]);
    }
    expect(pc.checkPattern(list).ok, pc.checkPattern(list).trace).toBe(true);
    // Without terminated, or with played before initialized, the pattern fails: the check can fail.
    expect(pc.checkPattern(list.slice(0, -1)).ok).toBe(false);
    expect(pc.checkPattern([list[1]!, list[0]!, list[6]!]).ok).toBe(false);

    expect(list[0]!.context.extensions).toMatchObject({ [VIDEO_EXT.length]: 3, [VIDEO_EXT.ccEnabled]: true, [VIDEO_EXT.ccLang]: 'id', [VIDEO_EXT.sessionId]: info.sessionId });
    expect(list[5]!.result).toMatchObject({ completion: true, duration: 'PT4.2S', extensions: { [VIDEO_EXT.progress]: 1, [VIDEO_EXT.playedSegments]: '0[.]1.2[,]0.5[.]3' } });
    expect(list[2]!.result!.extensions![VIDEO_EXT.progress]).toBe(0.4);
    expect(list[0]!.object).toEqual({ objectType: 'Activity', id: 'https://example.go.id/xapi/course/contoh-media/media/assets/klip.webm', definition: { type: 'https://w3id.org/xapi/video/activity-type/video', name: { id: 'Film uji: pola warna' } } });
    expect(list[0]!.context.contextActivities.parent![0]!.id).toBe(parent.id);
    expect(list[0]!.context.platform).toBe('Moodle');
  });

  it('a statement missing what its template includes is refused', async () => {
    const ctx = await context();
    const info: MediaInfo = { id: ctx.iri + '/media/x', name: 'x', parent: { objectType: 'Activity', id: ctx.iri }, sessionId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', length: null, cc: null };
    const paused = videoStatement(ctx, info, 'paused', 0, '00000000-0000-4000-8000-000000000000', { time: 1 });
    expect(videoChecker().checkStatement(paused).errors.length).toBeGreaterThan(0);
  });

  it('played segments: the order played; progress: the share their union covers', () => {
    const s = new Segments();
    expect(s.progress(10)).toBe(0);
    s.open(0);
    s.open(1); // already open: ignored
    s.close(4);
    s.open(2);
    s.close(6);
    s.open(8);
    s.close(8); // nothing played
    s.open(9);
    s.close(10);
    expect(s.text()).toBe('0[.]4[,]2[.]6[,]9[.]10');
    expect(s.progress(10)).toBeCloseTo(0.7);
    expect(s.progress(null)).toBe(0);
    expect(s.progress(5)).toBe(1);
  });
});
