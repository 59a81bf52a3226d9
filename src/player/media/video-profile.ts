/**
 * Statements of the xAPI Video Profile (https://w3id.org/xapi/video, v1.0.3:
 * adlnet/xapi-authored-profiles, video/v1.0.3/video.jsonld) for one media
 * element: initialized, then played / paused / seeked / completed, then
 * terminated (its pattern `generalpattern`). Pure: the tracker below feeds it
 * times; the caller stamps and sends.
 *
 * Audio is recorded with the same activity type: the profile has only
 * `video`, and its templates match on it.
 */
import { ADL, TYPE_PROFILE } from '../../shared/activity-ids';
import type { Activity, SessionContext, Statement } from '../transport/xapi-statements';
import { isoDuration } from '../transport/xapi-statements';

export const VIDEO_PROFILE = 'https://w3id.org/xapi/video';
export const VIDEO_PROFILE_VERSION = VIDEO_PROFILE + '/v1.0.3';
export const TYPE_VIDEO = VIDEO_PROFILE + '/activity-type/video';
const X = VIDEO_PROFILE + '/extensions/';
export const VIDEO_EXT = {
  time: X + 'time',
  timeFrom: X + 'time-from',
  timeTo: X + 'time-to',
  progress: X + 'progress',
  playedSegments: X + 'played-segments',
  length: X + 'length',
  sessionId: X + 'session-id',
  // The profile's templates write `cc-enabled`; its concept (and inline schema) is `cc-subtitle-enabled`.
  ccEnabled: X + 'cc-subtitle-enabled',
  ccLang: X + 'cc-subtitle-lang',
  userAgent: X + 'user-agent',
} as const;

export type VideoVerb = 'initialized' | 'played' | 'paused' | 'seeked' | 'completed' | 'terminated';
const VERB_IDS: Record<VideoVerb, string> = {
  initialized: ADL + 'verbs/initialized',
  played: VIDEO_PROFILE + '/verbs/played',
  paused: VIDEO_PROFILE + '/verbs/paused',
  seeked: VIDEO_PROFILE + '/verbs/seeked',
  completed: ADL + 'verbs/completed',
  terminated: ADL + 'verbs/terminated',
};

export interface MediaInfo {
  /** Activity id (`<iri>/media/<path>`). */
  id: string;
  /** The accessible name (the author's alt text). */
  name: string;
  /** The page (or scenario) holding it. */
  parent: Activity;
  sessionId: string;
  /** Seconds, 3 decimals; null while the metadata is not loaded. */
  length: number | null;
  /** The captions track showing, if any (its srclang). */
  cc: string | null;
}

export interface MediaData {
  time?: number;
  from?: number;
  to?: number;
  progress?: number;
  segments?: string;
  /** completed: how long the session had run. */
  durationMs?: number;
}

/** Seconds with at most 3 decimals, as the profile's extensions want them. */
export const r3 = (n: number): number => Math.round(n * 1000) / 1000;

export function videoStatement(ctx: SessionContext, m: MediaInfo, v: VideoVerb, at: number, id: string, d: MediaData = {}): Statement {
  const lang = ctx.course.language;
  const grouping: Activity[] = [{ objectType: 'Activity', id: ctx.courseId, definition: { type: ADL + 'activities/course' } }];
  if (ctx.grouping) grouping.push({ objectType: 'Activity', id: ctx.grouping });
  const cx: Record<string, unknown> = { [VIDEO_EXT.sessionId]: m.sessionId };
  if (m.length !== null) cx[VIDEO_EXT.length] = m.length;
  if (v === 'initialized') {
    cx[VIDEO_EXT.ccEnabled] = m.cc !== null;
    if (m.cc) cx[VIDEO_EXT.ccLang] = m.cc;
  }
  const rx: Record<string, unknown> = {};
  if (d.time !== undefined) rx[VIDEO_EXT.time] = r3(d.time);
  if (d.from !== undefined) rx[VIDEO_EXT.timeFrom] = r3(d.from);
  if (d.to !== undefined) rx[VIDEO_EXT.timeTo] = r3(d.to);
  if (d.progress !== undefined) rx[VIDEO_EXT.progress] = r3(d.progress);
  if (d.segments !== undefined) rx[VIDEO_EXT.playedSegments] = d.segments;
  const s: Statement = {
    id,
    actor: ctx.actor,
    verb: { id: VERB_IDS[v], display: { 'en-US': v } },
    object: { objectType: 'Activity', id: m.id, definition: { type: TYPE_VIDEO, name: { [lang]: m.name } } },
    context: {
      registration: ctx.registration,
      language: lang,
      contextActivities: {
        parent: [m.parent],
        grouping,
        category: [VIDEO_PROFILE, VIDEO_PROFILE_VERSION].map((p): Activity => ({ objectType: 'Activity', id: p, definition: { type: TYPE_PROFILE } })),
      },
      extensions: cx,
    },
    timestamp: new Date(at).toISOString(),
  };
  if (ctx.platform) s.context.platform = ctx.platform;
  if (Object.keys(rx).length || v === 'completed') {
    s.result = { extensions: rx };
    if (v === 'completed') {
      s.result.completion = true;
      s.result.duration = isoDuration(d.durationMs || 0);
    }
  }
  return s;
}

/**
 * Played segments: what was played, in the order it was played, as
 * `start[.]end[,]start[.]end`; progress is the share of the length their union covers.
 */
export class Segments {
  readonly list: [number, number][] = [];
  private start: number | null = null;
  open(t: number): void {
    if (this.start === null) this.start = t;
  }
  close(t: number): void {
    if (this.start !== null && t > this.start) this.list.push([this.start, t]);
    this.start = null;
  }
  get playing(): boolean {
    return this.start !== null;
  }
  text(): string {
    return this.list.map(([a, b]) => r3(a) + '[.]' + r3(b)).join('[,]');
  }
  progress(length: number | null): number {
    if (!length) return 0;
    const sorted = this.list.slice().sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let reach = 0;
    for (const [a, b] of sorted) {
      if (b > reach) covered += b - Math.max(a, reach);
      reach = Math.max(reach, b);
    }
    return Math.min(1, covered / length);
  }
}
