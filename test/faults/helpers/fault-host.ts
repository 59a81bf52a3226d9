/**
 * The stand-in LMS of test/helpers/lms-host.ts (scorm-again, every call
 * logged in `window.__lms`), with faults a test can switch on and off while
 * the course runs, from `page.evaluate`:
 *
 *   window.__faults.setValue = { code: '101' }        every LMSSetValue returns "false",
 *                                                     LMSGetLastError then says 101
 *   window.__faults.setValue = { code: '351', match: '^cmi\\.interactions' }   only matching elements
 *   window.__faults.setValue = { code: '101', every: 2, n: 0 }   every second LMSSetValue fails
 *   window.__faults.commit = '101' | 'throw'          LMSCommit returns "false" (error 101) or throws
 *   window.__faults.finish = '101' | 'throw'          the same for LMSFinish
 *   window.__faults.setValue = null …                 the LMS recovers
 *
 * A faulty call never reaches scorm-again, so it is not in `__lms.calls`;
 * it is in `__faults.log`. With `__faults.keepCommitted = true` the host
 * keeps a copy of the data model after every LMSCommit that succeeded
 * (`__faults.committed`): what an LMS that saves on commit would have.
 *
 * With `__faults.strict = true` the LMS refuses a cmi.suspend_data longer
 * than the SCORM 1.2 RTE's CMIString4096 with error 405, as a strict LMS
 * does (scorm-again itself takes up to 64000 characters, on purpose).
 *
 * With `noApi`, there is no `window.API` at all (a course launched by a
 * page that is not an LMS, or an LMS whose API failed to load).
 */
import { lmsHostPage, type LmsHostOptions } from '../../helpers/lms-host.js';

export interface FaultHostOptions extends LmsHostOptions {
  noApi?: boolean;
}

export interface FaultLogEntry {
  fn: string;
  args: string[];
  fault: string;
}

const FAULTS = (noApi: boolean) => `
(function () {
  var lms = window.__lms;
  var api = window.API;
  var f = window.__faults = {
    setValue: null,
    commit: null,
    finish: null,
    injected: null,
    keepCommitted: false,
    strict: false,
    committed: null,
    log: []
  };
  if (${noApi ? 'true' : 'false'}) {
    delete window.API;
    return;
  }
  function wrap(name, rule) {
    var orig = api[name];
    api[name] = function () {
      var args = Array.prototype.slice.call(arguments).map(String);
      var fault = rule(args);
      if (fault) {
        f.log.push({ fn: name, args: args, fault: String(fault) });
        f.injected = fault === 'throw' ? '101' : String(fault);
        if (fault === 'throw') throw new Error('test LMS: ' + name + ' failed');
        return 'false';
      }
      f.injected = null;
      var result = orig.apply(api, arguments);
      if (name === 'LMSCommit' && String(result) === 'true' && f.keepCommitted) f.committed = lms.cmi();
      return result;
    };
  }
  wrap('LMSSetValue', function (args) {
    // scorm-again takes up to 64000 characters of suspend_data (on purpose); a strict LMS keeps the RTE's CMIString4096.
    if (f.strict && args[0] === 'cmi.suspend_data' && args[1].length > 4096) return '405';
    var s = f.setValue;
    if (!s || (s.match && !new RegExp(s.match).test(args[0]))) return null;
    // { every: n }: only every n-th call fails (an LMS that fails now and then).
    if (s.every) return ++s.n % s.every === 0 ? s.code : null;
    return s.code;
  });
  wrap('LMSCommit', function () { return f.commit; });
  wrap('LMSFinish', function () { return f.finish; });
  var lastError = api.LMSGetLastError;
  api.LMSGetLastError = function () {
    return f.injected !== null ? f.injected : lastError.apply(api, arguments);
  };
  var errorString = api.LMSGetErrorString;
  api.LMSGetErrorString = function (code) {
    if (String(code) === '351') return 'General set failure (test LMS)';
    return errorString.apply(api, arguments);
  };
})();
`;

export function faultHostPage(opts: FaultHostOptions): string {
  const html = lmsHostPage(opts);
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('lms host page without </head>');
  // After the host's own script (which creates window.API and __lms), before the course frame is made (DOMContentLoaded).
  return html.slice(0, at) + `<script>${FAULTS(!!opts.noApi)}</script>\n` + html.slice(at);
}
