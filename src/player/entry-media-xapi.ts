// player-media.js of the Tin Can package: loaded by the unit files that hold
// video or audio (src/shared/media.ts), so the first page never pays for it.
// Records what the learner does with each media element as xAPI Video
// Profile statements through the transport's outbox.
import { activityId, pageActivity, scenarioActivity } from '../shared/activity-ids';
import { indexCourse } from '../shared/progress';
import type { MediaHost } from './transport/xapi-media-host';
import type { Activity } from './transport/xapi-statements';
import { r3, Segments, videoStatement, type MediaData, type MediaInfo, type VideoVerb } from './media/video-profile';

interface Session {
  el: HTMLMediaElement;
  terminate(): void;
}

const sessions: Session[] = [];

/** The page or scenario at stop `at`, as a context parent. */
function parentAt(host: MediaHost, at: number): Activity {
  const { course, iri } = host.ctx;
  const ix = indexCourse(course);
  const stop = ix.stops[at];
  const a = stop && stop.kind === 'page'
    ? pageActivity(iri, ix.pages[stop.i]!.lesson, ix.pages[stop.i]!.page)
    : stop && stop.kind === 'scenario' ? scenarioActivity(iri, ix.scenarios[stop.i]!.scenario) : null;
  return a ? { objectType: 'Activity', id: a.id, definition: { type: a.type } } : { objectType: 'Activity', id: host.ctx.courseId };
}

function track(host: MediaHost, el: HTMLMediaElement, parent: Activity): Session {
  const t0 = host.now();
  const seg = new Segments();
  const info: MediaInfo = {
    id: activityId.media(host.ctx.iri, el.getAttribute('data-ir-media') || ''),
    name: el.getAttribute('aria-label') || '',
    parent,
    sessionId: host.uuid(),
    length: null,
    cc: null,
  };
  let started = false;
  let done = false;
  /** The last position known before a seek moved it. */
  let last = el.currentTime;
  let from = 0;
  const time = () => el.currentTime;
  const metadata = () => {
    if (isFinite(el.duration) && el.duration > 0) info.length = r3(el.duration);
    const tracks = el.textTracks;
    info.cc = null;
    for (let i = 0; i < tracks.length; i++) if (tracks[i]!.mode === 'showing') info.cc = tracks[i]!.language || null;
  };
  const send = (v: VideoVerb, d?: MediaData) => {
    const at = host.now();
    metadata();
    host.send([videoStatement(host.ctx, info, v, at, host.uuid(), d)], at);
  };
  const start = () => {
    if (started) return;
    started = true;
    send('initialized');
  };
  const summary = (): MediaData => ({ time: time(), progress: seg.progress(info.length), segments: seg.text() });
  // A session opens with the learner's first play: a page whose media is never played records nothing
  // (nor does a seek before it: the browser may seek on its own while loading).
  const on: Record<string, () => void> = {
    play() {
      start();
      seg.open(time());
      send('played', { time: time() });
    },
    pause() {
      // Paused and moved at once: the position before the move is the last one known.
      const t = el.seeking ? last : time();
      last = t;
      seg.close(t);
      // At the end the browser pauses, then says `ended`: that is the statement.
      if (!el.ended) send('paused', { ...summary(), time: t });
    },
    timeupdate() {
      if (!el.seeking) last = time();
    },
    seeking() {
      if (seg.playing) seg.close(last);
      from = last;
    },
    seeked() {
      if (!started) return;
      last = time();
      if (!el.paused) seg.open(last);
      send('seeked', { from, to: last });
    },
    ended() {
      seg.close(info.length || time());
      // Completed means consumed: the whole length played (the profile's default threshold, 1).
      const s = summary();
      if (!done && s.progress! >= 0.999) {
        done = true;
        send('completed', { ...s, durationMs: host.now() - t0 });
      }
    },
  };
  for (const type in on) el.addEventListener(type, on[type]!);
  return {
    el,
    terminate() {
      for (const type in on) el.removeEventListener(type, on[type]!);
      if (!started) return;
      seg.close(last);
      send('terminated', summary());
    },
  };
}

const attach = (host: MediaHost, view: Element, at: number) => {
  host.end = () => {
    while (sessions.length) sessions.pop()!.terminate();
  };
  // The learner left the view that held them: each closes with terminated.
  for (let i = sessions.length - 1; i >= 0; i--) {
    if (!sessions[i]!.el.isConnected) sessions.splice(i, 1)[0]!.terminate();
  }
  const els = view.querySelectorAll<HTMLMediaElement>('[data-ir-media]');
  for (let i = 0; i < els.length; i++) {
    const el = els[i]!;
    if (!sessions.some((s) => s.el === el)) sessions.push(track(host, el, parentAt(host, at)));
  }
};

/**
 * The stop on screen: the table of contents lists every stop in order, and
 * marks the current one `aria-current="page"` (src/player/ui.ts).
 */
function currentStop(): number {
  const links = document.querySelectorAll('.ir-toc .ir-link');
  for (let i = 0; i < links.length; i++) if (links[i]!.getAttribute('aria-current') === 'page') return i;
  return -1;
}

const host = (window as unknown as { irHost?: MediaHost }).irHost;
const view = document.querySelector('.ir-view');
if (host && view) {
  // Every change of the view (a new page, a scene, an answer): media that left end their sessions, new ones start.
  const scan = () => attach(host, view, currentStop());
  new MutationObserver(scan).observe(view, { childList: true, subtree: true });
  scan();
}
