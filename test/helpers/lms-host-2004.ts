/**
 * A stand-in SCORM 2004 LMS for the browser tests: a host page whose
 * `window.API_1484_11` is scorm-again's `Scorm2004API` (a complete,
 * spec-checking 4th Edition run-time), launching the package's index.html in
 * an iframe as Moodle does. Every API call is logged in `window.__lms.calls`
 * (function, arguments, result, GetLastError after it); `window.__lms.cmi()`
 * is the data model as scorm-again holds it; `window.__lms.close()` removes
 * the frame, so the SCO unloads. The SCORM 1.2 host is ./lms-host.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Cmi, LmsCall } from './lms-host.js';

const require = createRequire(import.meta.url);

export const SCORM2004_AGAIN_PATH = '/lms/scorm2004.js';

/** scorm-again's browser bundle; a classic script that sets `window.Scorm2004API`. */
export function scorm2004AgainScript(): string {
  return readFileSync(require.resolve('scorm-again/scorm2004/min'), 'utf8');
}

/** Every API call the SCO made so far. */
export function calls2004(page: Page): Promise<LmsCall[]> {
  return page.evaluate(() => (window as any).__lms.calls as LmsCall[]);
}

/**
 * What a SCORM 2004 LMS keeps between sessions and gives back on the next
 * launch: the SCO's own elements, cmi.entry `resume` after an exit of
 * `suspend` (RTE 4.2.7), otherwise ''. Session-only elements start empty.
 */
export function relaunch2004(cmi: Cmi): Cmi {
  const keep = {
    learner_id: cmi.learner_id,
    learner_name: cmi.learner_name,
    credit: cmi.credit,
    mode: cmi.mode,
    entry: cmi.exit === 'suspend' ? 'resume' : '',
    location: cmi.location,
    suspend_data: cmi.suspend_data,
    completion_status: cmi.completion_status,
    success_status: cmi.success_status,
    score: cmi.score,
    objectives: cmi.objectives,
    interactions: cmi.interactions,
  };
  return JSON.parse(JSON.stringify(keep)) as Cmi;
}

/** The host page; serve it and scorm2004AgainScript() (at SCORM2004_AGAIN_PATH) from the package's origin. */
export function lms2004HostPage(opts: { launch: string; saved?: Cmi | null }): string {
  const json = JSON.stringify({ launch: opts.launch, saved: opts.saved ?? null }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Test LMS (SCORM 2004)</title>
<link rel="icon" href="data:,">
<style>html, body { margin: 0; height: 100%; } #sco-frame { width: 100%; height: 100%; border: 0; display: block; }</style>
<script src="${SCORM2004_AGAIN_PATH}"></script>
<script>
(function () {
  var config = ${json};
  var start = Date.now();
  var API = new Scorm2004API({ logLevel: 5, autocommit: false, lmsCommitUrl: false });
  API.loadFromJSON({ learner_id: 'asn-0001', learner_name: 'Putri, Ayu', credit: 'credit', mode: 'normal', entry: 'ab-initio' });
  if (config.saved) API.loadFromJSON(config.saved);
  var lms = window.__lms = {
    calls: [],
    cmi: function () { return JSON.parse(API.renderCMIToJSONString()).cmi; },
    count: function (fn) { return lms.calls.filter(function (c) { return c.fn === fn; }).length; },
    close: function () { var f = document.getElementById('sco-frame'); if (f) f.parentNode.removeChild(f); }
  };
  ['Initialize', 'Terminate', 'Commit', 'SetValue', 'GetValue'].forEach(function (fn) {
    var orig = API[fn];
    API[fn] = function () {
      var args = Array.prototype.slice.call(arguments).map(String);
      var result = orig.apply(API, arguments);
      lms.calls.push({ fn: fn, args: args, result: String(result), error: String(API.GetLastError()), t: Date.now() - start });
      return result;
    };
  });
  window.API_1484_11 = API;
  function launch() {
    var frame = document.createElement('iframe');
    frame.id = 'sco-frame';
    frame.title = 'Course';
    frame.src = config.launch;
    document.body.appendChild(frame);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', launch);
  else launch();
})();
</script>
</head>
<body></body>
</html>
`;
}
