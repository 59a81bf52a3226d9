/**
 * A stand-in LMS for the SCORM 1.2 browser tests: a host page whose
 * `window.API` is scorm-again's `Scorm12API` (a complete, spec-checking SCORM
 * 1.2 run-time), which launches the package's `index.html` in an iframe (as
 * Moodle and most LMSs do) or in a popup window.
 *
 * Every API call the SCO makes is logged in `window.__lms.calls` with its
 * arguments, return value and the LMS's error code afterwards, so a test can
 * assert what was written, in which order, and how often LMSInitialize and
 * LMSFinish were called. `window.__lms.cmi()` returns the whole CMI data
 * model as scorm-again holds it (`renderCMIToJSONObject().cmi`).
 *
 * A relaunch is a new host page created with `saved` (what the LMS kept from
 * the last session) loaded into the API before the SCO starts, as an LMS does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT_MS } from './browser.js';
import { startStaticServer, type StaticServer } from './static-server.js';

const require = createRequire(import.meta.url);

/** scorm-again's browser bundle; a classic script that sets `window.Scorm12API`. */
export function scormAgainScript(): string {
  return readFileSync(require.resolve('scorm-again/scorm12'), 'utf8');
}

export const SCORM_AGAIN_PATH = '/lms/scorm12.js';

/** The stand-in LMS's server: the packages at `mounts` (URL prefix → folder), scorm-again at SCORM_AGAIN_PATH. */
export async function startLmsServer(mounts: Record<string, string>): Promise<StaticServer> {
  const server = await startStaticServer(mounts);
  server.put(SCORM_AGAIN_PATH, scormAgainScript(), 'text/javascript; charset=utf-8');
  return server;
}

/** CMI data as scorm-again renders it. */
export type Cmi = Record<string, any>;

/** Every API call the SCO made so far (`window.__lms.calls`). */
export function lmsCalls(page: Page): Promise<LmsCall[]> {
  return page.evaluate(() => (window as any).__lms.calls as LmsCall[]);
}

/** The whole CMI data model as the LMS holds it now (`window.__lms.cmi()`). */
export function lmsCmi(page: Page): Promise<Cmi> {
  return page.evaluate(() => (window as any).__lms.cmi() as Cmi);
}

/** How many times the SCO has called `fn` so far (`window.__lms.count`). */
export function lmsCount(page: Page, fn: string): Promise<number> {
  return page.evaluate((f) => (window as any).__lms.count(f) as number, fn);
}

/** The LMS closes the SCO: its frame is removed (or its popup closed), so it unloads (`window.__lms.close`). */
export function lmsClose(page: Page): Promise<void> {
  return page.evaluate(() => (window as any).__lms.close());
}

/** Waits until the SCO has called LMSFinish, once. */
export async function expectFinished(page: Page, message: string): Promise<void> {
  await expect.poll(() => lmsCount(page, 'LMSFinish'), { timeout: WAIT_MS, message }).toBe(1);
}

/** The LMS closes the SCO, which then calls LMSFinish once. */
export async function closeSco(page: Page, message: string): Promise<void> {
  await lmsClose(page);
  await expectFinished(page, message);
}

/** scorm-again renders collections as `{ "0": {...}, "1": {...} }` (or arrays); this lists them in order. */
export function cmiList(collection: unknown): Cmi[] {
  if (!collection || typeof collection !== 'object') return [];
  if (Array.isArray(collection)) return collection as Cmi[];
  return Object.keys(collection)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => +a - +b)
    .map((k) => (collection as Record<string, Cmi>)[k]!);
}
/** Where the host page posts `{ fn, launch, counts, cmi }` after each LMSCommit and LMSFinish. */
export const LMS_BEACON_PATH = '/lms/beacon';

export interface LmsBeacon {
  fn: 'LMSCommit' | 'LMSFinish';
  /** The host page's path: one per launch. */
  launch: string;
  counts: { LMSInitialize: number; LMSCommit: number; LMSFinish: number };
  cmi: Record<string, any>;
}

export interface LmsCall {
  fn: string;
  args: string[];
  result: string;
  /** LMSGetLastError() right after the call. */
  error: string;
  /** ms since the host page loaded */
  t: number;
}

export interface LmsHostOptions {
  /** URL of the SCO's launch file, e.g. `/pkg/index.html`. */
  launch: string;
  /** `frame` (default): an iframe filling the page. `popup`: the host opens it with window.open. */
  mode?: 'frame' | 'popup';
  /** The data the LMS kept from earlier sessions, nested as `renderCMIToJSONObject().cmi`. */
  saved?: Record<string, unknown> | null;
  /** cmi.student_data.mastery_score (SCORM 1.2 LMSs copy adlcp:masteryscore there). */
  masteryScore?: number | null;
  /** Post `LmsBeacon`s to LMS_BEACON_PATH after each LMSCommit and LMSFinish, so what the LMS got survives the host page. */
  beacon?: boolean;
  title?: string;
}

/**
 * What a SCORM 1.2 LMS keeps between sessions and gives back on the next
 * launch (RTE §3.4): the SCO's own elements, cmi.core.entry `resume` after an
 * exit of `suspend` (otherwise ''), and total_time grown by the session time.
 * Session-only elements (session_time, exit) start empty again.
 */
export function relaunchData(cmi: Record<string, any>): Record<string, unknown> {
  const core = cmi.core || {};
  const keep: Record<string, unknown> = {
    core: {
      student_id: core.student_id,
      student_name: core.student_name,
      lesson_location: core.lesson_location,
      credit: core.credit || 'credit',
      lesson_status: core.lesson_status,
      entry: core.exit === 'suspend' ? 'resume' : '',
      score: core.score,
      total_time: addTimespans(core.total_time || '0000:00:00', core.session_time || '0000:00:00'),
      lesson_mode: core.lesson_mode || 'normal',
    },
    suspend_data: cmi.suspend_data,
    launch_data: cmi.launch_data,
    objectives: cmi.objectives,
    interactions: cmi.interactions,
  };
  return JSON.parse(JSON.stringify(keep));
}

function addTimespans(a: string, b: string): string {
  const cs = (t: string) => {
    const m = /^(\d+):(\d{2}):(\d{2})(?:\.(\d{1,2}))?$/.exec(t);
    if (!m) return 0;
    return ((+m[1]! * 60 + +m[2]!) * 60 + +m[3]!) * 100 + (m[4] ? +m[4].padEnd(2, '0') : 0);
  };
  const t = cs(a) + cs(b);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(t / 360000), 4)}:${pad(Math.floor(t / 6000) % 60)}:${pad(Math.floor(t / 100) % 60)}.${pad(t % 100)}`;
}

/** The host page's HTML. Serve it and `scormAgainScript()` (at SCORM_AGAIN_PATH) from the same origin as the package. */
export function lmsHostPage(opts: LmsHostOptions): string {
  const config = {
    launch: opts.launch,
    mode: opts.mode || 'frame',
    saved: opts.saved || null,
    masteryScore: opts.masteryScore ?? null,
    beacon: !!opts.beacon,
  };
  // `</script>` can never appear in JSON.stringify output after this replacement.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title || 'Test LMS'}</title>
<link rel="icon" href="data:,">
<style>
  html, body { margin: 0; height: 100%; }
  body { display: flex; flex-direction: column; font: 16px/1.4 sans-serif; }
  #sco-frame { flex: 1; width: 100%; border: 0; display: block; }
</style>
<script src="${SCORM_AGAIN_PATH}"></script>
<script>
(function () {
  var config = ${json};
  var BEACON = ${JSON.stringify(LMS_BEACON_PATH)};
  var start = Date.now();
  var API = new Scorm12API({
    logLevel: 5,
    autocommit: false,
    lmsCommitUrl: false,
    // The LMS must not decide the status itself: the test checks what the SCO wrote.
    mastery_override: false,
    score_overrides_status: false,
    autoCompleteLessonStatus: false
  });
  var base = {
    core: { student_id: 'asn-0001', student_name: 'Putri, Ayu', credit: 'credit', lesson_mode: 'normal', entry: 'ab-initio' }
  };
  API.loadFromJSON(base);
  if (config.saved) API.loadFromJSON(config.saved);
  if (config.masteryScore !== null) API.loadFromJSON({ student_data: { mastery_score: String(config.masteryScore) } });

  var lms = window.__lms = {
    calls: [],
    events: [],
    config: config,
    cmi: function () { return JSON.parse(API.renderCMIToJSONString()).cmi; },
    count: function (fn) { return lms.calls.filter(function (c) { return c.fn === fn; }).length; },
    initialized: function () { return API.isInitialized(); },
    terminated: function () { return API.isTerminated(); },
    /** The LMS closes the SCO: its frame is removed (or the popup closed), so it unloads. */
    close: function () {
      if (lms.popup) { lms.popup.close(); lms.popup = null; return; }
      var f = document.getElementById('sco-frame');
      if (f) f.parentNode.removeChild(f);
    }
  };
  ['LMSInitialize', 'LMSFinish', 'LMSCommit', 'LMSSetValue', 'LMSGetValue'].forEach(function (fn) {
    var orig = API[fn];
    API[fn] = function () {
      var args = Array.prototype.slice.call(arguments).map(String);
      var result = orig.apply(API, arguments);
      var error = String(API.LMSGetLastError());
      lms.calls.push({ fn: fn, args: args, result: String(result), error: error, t: Date.now() - start });
      // What a real LMS does on commit: send the data home. It outlives this page (the learner may be closing it).
      if (config.beacon && (fn === 'LMSCommit' || fn === 'LMSFinish')) {
        navigator.sendBeacon(BEACON, JSON.stringify({
          fn: fn,
          launch: location.pathname,
          counts: { LMSInitialize: lms.count('LMSInitialize'), LMSCommit: lms.count('LMSCommit'), LMSFinish: lms.count('LMSFinish') },
          cmi: lms.cmi()
        }));
      }
      return result;
    };
  });
  ['LMSInitialize', 'LMSFinish', 'LMSCommit', 'LMSSetValue.cmi.*', 'CommitError'].forEach(function (name) {
    API.on(name, function (element, value) {
      lms.events.push({ name: name, element: element === undefined ? null : String(element), value: value === undefined ? null : String(value) });
    });
  });
  window.API = API;

  function launch() {
    if (config.mode === 'popup') {
      // As LMSs do for "new window" activities: the learner presses a button, the SCO opens in a popup.
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = 'Open course';
      b.onclick = function () { lms.popup = window.open(config.launch, 'sco', 'width=1024,height=768'); };
      document.querySelector('main').appendChild(b);
      return;
    }
    var frame = document.createElement('iframe');
    frame.id = 'sco-frame';
    frame.title = 'Course';
    frame.src = config.launch;
    document.querySelector('main').appendChild(frame);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', launch);
  else launch();
})();
</script>
</head>
<body>
<main style="flex:1;display:flex;flex-direction:column"></main>
</body>
</html>
`;
}
