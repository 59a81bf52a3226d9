// The preview's host page: plays the LMS around the course frame and shows
// what would be recorded. Served by src/preview/server.ts; no framework.
//
// SCORM 1.2: `window.API` is scorm-again's Scorm12API behind a thin wrapper
// that logs every call. The learner's data is kept in sessionStorage on
// LMSCommit and LMSFinish, as an LMS keeps it, and loaded into a fresh API on
// every launch (entry `resume` after exit `suspend`).
// xAPI: the course is launched with endpoint/auth/actor/registration/
// activity_id; statements and State documents reach the in-memory LRS and come
// back to this page as server-sent events.
(function () {
  'use strict';

  var cfg = JSON.parse(document.getElementById('preview-config').textContent);
  var target = cfg.target;
  // The page's words in the course's UI language (src/preview/strings.ts); each build says which.
  var lang = cfg.lang;
  function t(key) {
    var args = arguments;
    return cfg.strings[lang][key].replace(/\{(\d)\}/g, function (_, i) { return String(args[+i + 1]); });
  }
  /** The words written in host.html: `data-t` (text), `data-t-title`, `data-t-label` (aria-label). */
  function translate() {
    document.documentElement.lang = lang;
    [['data-t', null], ['data-t-title', 'title'], ['data-t-label', 'aria-label']].forEach(function (a) {
      Array.prototype.forEach.call(document.querySelectorAll('[' + a[0] + ']'), function (el) {
        var text = t(el.getAttribute(a[0]));
        if (a[1]) el.setAttribute(a[1], text);
        else el.textContent = text;
      });
    });
  }
  var $ = function (id) {
    return document.getElementById(id);
  };
  var frame = $('course');
  var panel = $('panel');

  var st = {
    build: null,
    /** The live build the frame was last launched with. */
    liveN: null,
    /** Location renames from builds not yet applied to the saved data. */
    moves: [],
    statements: [],
    states: [],
    calls: [],
    /** Statements whose JSON the author opened. */
    open: {},
    callsOpen: false,
    connected: false,
  };

  // ---------- small DOM helpers ----------
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) continue;
        if (k === 'class') el.className = attrs[k];
        else if (k === 'text') el.textContent = attrs[k];
        else el.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
      }
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) c.forEach(function (x) { append(el, x); });
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }
  function clock(d) {
    var t = d ? new Date(d) : new Date();
    return t.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  }
  var scheduled = false;
  function renderSoon() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(function () {
      scheduled = false;
      renderPanel();
    });
  }
  function storage(kind) {
    try {
      return kind === 'local' ? window.localStorage : window.sessionStorage;
    } catch (e) {
      return null;
    }
  }
  /** Removes every key under `prefix` (backwards: removing shifts the later indexes). */
  function forget(kind, prefix) {
    var s = storage(kind);
    if (!s) return;
    for (var i = s.length - 1; i >= 0; i--) {
      var k = s.key(i);
      if (k && k.indexOf(prefix) === 0) s.removeItem(k);
    }
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var s = '';
    for (var i = 0; i < 16; i++) s += (b[i] + 256).toString(16).slice(1) + (i === 3 || i === 5 || i === 7 || i === 9 ? '-' : '');
    return s;
  }
  function relocate(loc) {
    st.moves.forEach(function (m) {
      if (loc && Object.prototype.hasOwnProperty.call(m, loc)) loc = m[loc];
    });
    return loc;
  }

  // ---------- header, status, diagnostics ----------
  /** `n` errors or warnings, in the page's language. */
  function plural(n, severity) {
    return t(severity + (n === 1 ? 'One' : 'Many'), n);
  }
  function where(d) {
    if (!d.file) return '';
    return d.file + (d.line ? ':' + d.line + ':' + d.column : '');
  }
  function diagItem(d) {
    var excerpt = null;
    if (d.excerpt) {
      var width = String(d.excerpt.first + d.excerpt.lines.length - 1).length;
      var rows = [];
      d.excerpt.lines.forEach(function (text, i) {
        var n = d.excerpt.first + i;
        var num = String(n);
        while (num.length < width) num = ' ' + num;
        rows.push(h('span', { class: n === d.line ? 'row hit' : 'row' }, num + ' │ ' + text));
        if (n === d.line && d.column > 0) {
          var pad = '';
          for (var j = 0; j < width; j++) pad += ' ';
          var col = '';
          for (var k = 1; k < d.column; k++) col += text.charAt(k - 1) === '\t' ? '\t' : ' ';
          rows.push(h('span', { class: 'row caret' }, pad + ' │ ' + col + '^'));
        }
      });
      excerpt = h('pre', { class: 'excerpt' }, rows);
    }
    return h(
      'li',
      { class: 'diag ' + d.severity },
      h('div', { class: 'diag-where' }, h('span', { class: 'sev' }, t(d.severity)), h('code', { class: 'code' }, d.code), where(d) ? h('code', { class: 'file' }, where(d)) : null),
      h('p', { class: 'msg' }, d.message),
      excerpt,
      d.hint ? h('p', { class: 'hint' }, h('span', null, t('hint')), ' ' + d.hint) : null,
    );
  }
  function counts(ds) {
    var e = ds.filter(function (d) { return d.severity === 'error'; }).length;
    return { errors: e, warnings: ds.length - e };
  }
  function renderHeader(b) {
    var c = (b.live && b.live.course) || b.course;
    $('course-title').textContent = c ? c.title : t('noCourse');
    $('course-version').textContent = c ? c.version : '';
    document.title = (c ? c.title + ' · ' : '') + t('docTitle');
    $('download').hidden = !b.live;
    var s = $('status');
    var n = counts(b.diagnostics);
    s.className = 'status ' + (b.ok ? (n.warnings ? 'warn' : 'ok') : 'bad');
    var text = b.ok
      ? t('builtIn', b.ms, clock(b.at)) + (n.warnings ? ' · ' + plural(n.warnings, 'warning') : '')
      : plural(n.errors, 'error') + (n.warnings ? ', ' + plural(n.warnings, 'warning') : '') + ' · ' + clock(b.at);
    s.querySelector('.text').textContent = text;
  }
  function renderProblems(b) {
    var n = counts(b.diagnostics);
    $('problems').hidden = b.ok;
    $('waiting').hidden = true;
    $('frame-wrap').classList.toggle('dimmed', !b.ok);
    if (!b.ok) {
      $('problems-summary').textContent =
        plural(n.errors, 'error') + (n.warnings ? ', ' + plural(n.warnings, 'warning') : '') + (b.live ? ' · ' + t('lastGood') : '');
      var list = clear($('problems-list'));
      b.diagnostics.forEach(function (d) { list.appendChild(diagItem(d)); });
    }
    var w = $('warnings');
    var warnings = b.ok ? b.diagnostics : [];
    w.hidden = !warnings.length;
    if (warnings.length) {
      w.querySelector('summary').textContent = t('warningsSummary', plural(warnings.length, 'warning'));
      var wl = clear(w.querySelector('ol'));
      warnings.forEach(function (d) { wl.appendChild(diagItem(d)); });
    }
  }

  // ---------- SCORM 1.2: the LMS ----------
  var scorm = { api: null, total: '0000:00:00', committed: null, key: null };

  function scormKey(live) {
    return 'ir-preview:scorm12:' + live.course.id;
  }
  function loadSaved() {
    var s = storage('session');
    if (!s || !scorm.key) return null;
    try {
      return JSON.parse(s.getItem(scorm.key) || 'null');
    } catch (e) {
      return null;
    }
  }
  function cmiJson(api) {
    return JSON.parse(JSON.stringify(api.cmi));
  }
  function persist(api, finished) {
    var s = storage('session');
    var saved = loadSaved() || {};
    var total = finished && api.cmi.getCurrentTotalTime ? api.cmi.getCurrentTotalTime() : scorm.total;
    saved = { cmi: cmiJson(api), total_time: total, launches: saved.launches || 1, at: Date.now() };
    scorm.committed = saved.at;
    if (s) s.setItem(scorm.key, JSON.stringify(saved));
  }
  function logCall(fn, args, result, code, message) {
    st.calls.push({ at: Date.now(), fn: fn, args: args, result: String(result), code: code, message: message });
    if (st.calls.length > 500) st.calls.splice(0, st.calls.length - 500);
    renderSoon();
  }
  var SCORM_FNS = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];
  function createScormApi(live) {
    scorm.key = scormKey(live);
    var saved = loadSaved();
    var c = saved && saved.cmi;
    var core = (c && c.core) || {};
    var api = new window.Scorm12API({ autocommit: false, logLevel: 5 });
    var init = {
      core: {
        student_id: 'preview-learner',
        student_name: 'Learner, Preview',
        lesson_location: relocate(core.lesson_location || ''),
        lesson_status: core.lesson_status || 'not attempted',
        credit: 'credit',
        lesson_mode: 'normal',
        entry: !saved ? 'ab-initio' : core.exit === 'suspend' ? 'resume' : '',
        score: core.score || { raw: '', min: '', max: '' },
      },
      suspend_data: (c && c.suspend_data) || '',
      launch_data: '',
      student_data: { mastery_score: live.masteryScore === null ? '' : String(live.masteryScore) },
    };
    if (c && c.objectives) init.objectives = c.objectives;
    if (c && c.interactions) init.interactions = c.interactions;
    api.loadFromJSON(init, '');
    scorm.total = (saved && saved.total_time) || '0000:00:00';
    api.cmi.core.total_time = scorm.total;
    if (saved) {
      saved.launches = (saved.launches || 1) + 1;
      var s = storage('session');
      if (s) s.setItem(scorm.key, JSON.stringify(saved));
    }
    st.moves = [];
    var wrapper = {};
    SCORM_FNS.forEach(function (fn) {
      wrapper[fn] = function () {
        var args = Array.prototype.slice.call(arguments);
        var result = api[fn].apply(api, args);
        if (!/^LMSGet(LastError|ErrorString|Diagnostic)$/.test(fn)) {
          var code = String(api.LMSGetLastError());
          var ok = code === '0';
          logCall(fn, args, result, code, ok ? '' : String(api.LMSGetErrorString(code)));
          if (ok && (fn === 'LMSCommit' || fn === 'LMSFinish')) persist(api, fn === 'LMSFinish');
        }
        return result;
      };
    });
    scorm.api = api;
    window.API = wrapper;
    st.calls.push({ at: Date.now(), fn: 'launch', args: [init.core.entry || '(empty)'], result: '', code: '0', message: '' });
    renderSoon();
  }
  function resetScorm() {
    forget('session', 'ir-preview:scorm12:');
    scorm.api = null;
    st.calls = [];
  }

  // ---------- xAPI: the launch ----------
  var ACTOR = { objectType: 'Agent', name: 'Preview Learner', mbox: 'mailto:preview.learner@example.com' };
  function registration() {
    var s = storage('session');
    var r = s && s.getItem('ir-preview:xapi:registration');
    if (!r) {
      r = uuid();
      if (s) s.setItem('ir-preview:xapi:registration', r);
    }
    return r;
  }
  function xapiUrl(live) {
    var q = new URLSearchParams();
    q.set('endpoint', cfg.lrs);
    q.set('auth', 'Basic ' + btoa('preview:preview'));
    q.set('actor', JSON.stringify(ACTOR));
    q.set('registration', registration());
    if (live.activityId) q.set('activity_id', live.activityId);
    return '/course/index.html?' + q.toString();
  }
  /** The player's local copy of its State document: keep the learner's place when a page was renamed. */
  function relocateXapi(live) {
    var l = storage('local');
    if (!l || !st.moves.length) return;
    var key = 'ir-xapi:' + live.course.id + ':' + registration() + ':p';
    try {
      var doc = JSON.parse(l.getItem(key) || 'null');
      if (doc && typeof doc.location === 'string') {
        var moved = relocate(doc.location);
        if (moved !== doc.location) {
          doc.location = moved;
          doc.at = Date.now();
          l.setItem(key, JSON.stringify(doc));
        }
      }
    } catch (e) {
      /* not ours */
    }
    st.moves = [];
  }
  function resetXapi() {
    forget('local', 'ir-xapi:');
    var s = storage('session');
    if (s) s.removeItem('ir-preview:xapi:registration');
    st.statements = [];
    st.states = [];
  }

  // ---------- launching the course ----------
  var chain = Promise.resolve();
  function queue(fn) {
    chain = chain.then(fn).catch(function (e) {
      console.error('preview:', e);
    });
    return chain;
  }
  /** Unloads the course (its pagehide finishes the session) and waits for the empty frame. */
  function blank() {
    return new Promise(function (resolve) {
      var src = frame.getAttribute('src');
      if (!src || src === 'about:blank') return resolve();
      var done = function () {
        frame.removeEventListener('load', done);
        clearTimeout(timer);
        resolve();
      };
      var timer = setTimeout(done, 3000);
      frame.addEventListener('load', done);
      frame.setAttribute('src', 'about:blank');
    });
  }
  function launch() {
    return blank().then(function () {
      var live = st.build && st.build.live;
      if (!live) return;
      st.liveN = live.n;
      if (target === 'scorm12') createScormApi(live);
      else relocateXapi(live);
      frame.dataset.live = String(live.n);
      frame.setAttribute('src', target === 'xapi' ? xapiUrl(live) : '/course/index.html');
      renderSoon();
    });
  }

  function onBuild(b) {
    st.build = b;
    if (b.uiLanguage && b.uiLanguage !== lang) {
      lang = b.uiLanguage;
      translate();
    }
    if (b.moved && Object.keys(b.moved).length) st.moves.push(b.moved);
    renderHeader(b);
    renderProblems(b);
    if (b.ok && b.live && b.live.n !== st.liveN) queue(launch);
    renderSoon();
  }

  // ---------- the panel ----------
  function kv(rows) {
    return h(
      'dl',
      { class: 'kv' },
      rows.map(function (r) {
        return [h('dt', null, r[0]), h('dd', { 'data-el': r[2] || r[0] }, r[1] === '' || r[1] === undefined || r[1] === null ? h('span', { class: 'empty' }, '—') : r[1])];
      }),
    );
  }
  function badge(status) {
    return h('span', { class: 'badge s-' + String(status || 'none').replace(/\s+/g, '-') }, status || '—');
  }
  function card(title, count, body, extra) {
    return h('section', { class: 'card' + (extra ? ' ' + extra : '') }, h('h3', null, title, count !== null ? h('span', { class: 'count' }, String(count)) : null), body);
  }
  function table(head, rows, empty, id) {
    if (!rows.length) return h('p', { class: 'none', id: id }, empty);
    return h(
      'div',
      { class: 'table-wrap' },
      h('table', { id: id }, h('thead', null, h('tr', null, head.map(function (x) { return h('th', { scope: 'col' }, x); }))), h('tbody', null, rows)),
    );
  }

  function renderScormPanel() {
    var api = scorm.api;
    var c = api ? cmiJson(api) : null;
    var core = (c && c.core) || {};
    var score = core.score || {};
    var suspend = (c && c.suspend_data) || '';
    var objectives = c ? Object.keys(c.objectives || {}).map(function (k) { return c.objectives[k]; }) : [];
    var interactions = c ? Object.keys(c.interactions || {}).map(function (k) { return c.interactions[k]; }) : [];
    var frag = document.createDocumentFragment();
    frag.appendChild(
      h('div', { class: 'panel-head' }, h('h2', null, t('lmsHead')), h('p', null, t('lmsNote'))),
    );
    frag.appendChild(
      card(
        t('learner'),
        null,
        kv([
          ['cmi.core.lesson_status', badge(core.lesson_status)],
          ['cmi.core.score.raw', score.raw === '' || score.raw === undefined ? '' : h('span', null, h('b', null, score.raw), h('span', { class: 'muted' }, t('scoreRange', score.min || '?', score.max || '?')))],
          ['cmi.core.lesson_location', core.lesson_location ? h('code', null, core.lesson_location) : ''],
          ['cmi.core.entry', core.entry ? h('code', null, core.entry) : ''],
          ['cmi.core.exit', core.exit ? h('code', null, core.exit) : ''],
          ['cmi.core.session_time', core.session_time && core.session_time !== '00:00:00' ? core.session_time : ''],
          ['cmi.core.total_time', scorm.total],
          ['cmi.suspend_data', suspend ? h('span', null, h('b', null, String(suspend.length)), h('span', { class: 'muted' }, t('ofSuspend'))) : ''],
          [t('lastCommit'), scorm.committed ? clock(scorm.committed) : '', 'commit'],
        ]),
      ),
    );
    frag.appendChild(
      card(
        'cmi.interactions',
        interactions.length,
        interactions.length
          ? h(
              'ol',
              { class: 'interactions', id: 'interactions' },
              interactions.map(function (x, i) {
                var pattern = x.correct_responses && x.correct_responses[0] ? x.correct_responses[0].pattern : '';
                var facts = [
                  ['response', x.student_response],
                  ['correct', pattern],
                  ['weighting', x.weighting],
                  ['latency', x.latency],
                  ['time', x.time],
                ].filter(function (f) { return f[1]; });
                return h(
                  'li',
                  { 'data-id': x.id },
                  h('span', { class: 'n' }, String(i)),
                  h('div', { class: 'ix-main' }, h('code', { class: 'ix-id' }, x.id), h('span', { class: 'result r-' + (x.result || 'none') }, x.result || t('noResult'))),
                  h(
                    'div',
                    { class: 'ix-facts' },
                    facts.map(function (f) {
                      return h('span', null, h('span', { class: 'muted' }, f[0] + ' '), h('code', null, f[1]));
                    }),
                  ),
                );
              }),
            )
          : h('p', { class: 'none', id: 'interactions' }, t('noInteractions')),
      ),
    );
    frag.appendChild(
      card(
        'cmi.objectives',
        objectives.length,
        table(
          ['id', 'score', 'status'],
          objectives.map(function (o) {
            return h('tr', null, h('td', null, h('code', null, o.id)), h('td', { class: 'num' }, (o.score && o.score.raw) || '—'), h('td', null, badge(o.status)));
          }),
          t('noObjectives'),
          'objectives',
        ),
      ),
    );
    var calls = st.calls.slice(-200).reverse();
    var errors = st.calls.filter(function (x) { return x.code !== '0'; }).length;
    frag.appendChild(
      h(
        'details',
        { class: 'card log', id: 'calls-card', open: st.callsOpen ? true : null },
        h('summary', null, h('h3', null, t('apiCalls'), h('span', { class: 'count' }, String(st.calls.length)), errors ? h('span', { class: 'count bad' }, plural(errors, 'error')) : null)),
        h(
          'ol',
          { class: 'calls', id: 'calls' },
          calls.map(function (x) {
            var text = x.fn === 'launch' ? 'launch · cmi.core.entry = ' + x.args[0] : x.fn + '(' + x.args.map(function (a) { return JSON.stringify(a); }).join(', ') + ')';
            return h(
              'li',
              { class: x.code !== '0' ? 'err' : x.fn === 'launch' ? 'launch' : x.fn === 'LMSGetValue' ? 'get' : '' },
              h('time', null, clock(x.at)),
              h('code', null, text + (x.fn === 'LMSGetValue' ? ' → ' + JSON.stringify(x.result) : '')),
              x.code !== '0' ? h('span', { class: 'errmsg' }, t('error') + ' ' + x.code + ': ' + x.message) : null,
            );
          }),
        ),
      ),
    );
    return frag;
  }

  function verbName(s) {
    var v = s.verb || {};
    var d = v.display || {};
    return d['en-US'] || d.en || d[Object.keys(d)[0]] || String(v.id || '').split('/').pop();
  }
  function objectName(s) {
    var o = s.object || {};
    var def = o.definition || {};
    var n = def.name || {};
    return n[Object.keys(n)[0]] || o.id || '';
  }
  function resultText(s) {
    var r = s.result;
    if (!r) return null;
    var parts = [];
    if (r.score && r.score.raw !== undefined) parts.push(h('span', { class: 'pill' }, 'score ' + r.score.raw));
    if (r.success !== undefined) parts.push(h('span', { class: 'pill ' + (r.success ? 'good' : 'bad') }, r.success ? 'success' : 'no success'));
    if (r.completion) parts.push(h('span', { class: 'pill' }, 'completion'));
    if (r.response !== undefined) parts.push(h('span', { class: 'pill' }, 'response ' + r.response));
    if (r.duration) parts.push(h('span', { class: 'pill muted' }, r.duration));
    return parts.length ? h('div', { class: 'pills' }, parts) : null;
  }
  function renderXapiPanel() {
    var reg = registration();
    var mine = st.statements.filter(function (s) {
      return !s.context || !s.context.registration || s.context.registration === reg;
    });
    var progress = st.states.filter(function (d) { return d.registration === reg; })[0];
    var doc = null;
    if (progress) {
      try {
        doc = JSON.parse(progress.body);
      } catch (e) {
        doc = null;
      }
    }
    var frag = document.createDocumentFragment();
    frag.appendChild(
      h('div', { class: 'panel-head' }, h('h2', null, t('lrsHead')), h('p', null, t('lrsNote'), h('code', null, '/xAPI/'), t('newestFirst'))),
    );
    frag.appendChild(
      card(
        t('launch'),
        null,
        kv([
          ['statements', h('b', null, String(mine.length))],
          ['actor', ACTOR.name + ' <' + ACTOR.mbox.replace('mailto:', '') + '>'],
          ['registration', h('code', null, reg)],
          [t('stateLocation'), doc && doc.location ? h('code', null, doc.location) : '', 'state.location'],
          [t('stateSaved'), progress ? clock(progress.updated) : '', 'state.updated'],
        ]),
      ),
    );
    var list = h(
      'ol',
      { class: 'statements', id: 'statements' },
      mine
        .slice()
        .reverse()
        .map(function (s) {
          return h(
            'li',
            { class: 'statement', 'data-verb': verbName(s), 'data-id': s.id },
            h('div', { class: 'st-line' }, h('time', null, clock(s.timestamp)), h('b', { class: 'verb' }, verbName(s)), h('span', { class: 'obj' }, objectName(s))),
            resultText(s),
            h('details', { open: st.open[s.id] ? true : null }, h('summary', null, 'JSON'), h('pre', null, JSON.stringify(s, null, 2))),
          );
        }),
    );
    frag.appendChild(card(t('statements'), mine.length, mine.length ? list : h('p', { class: 'none', id: 'statements' }, t('noStatements')), 'wide'));
    return frag;
  }

  function renderPanel() {
    var scroll = panel.scrollTop;
    var calls = document.getElementById('calls-card');
    if (calls) st.callsOpen = calls.open;
    clear(panel).appendChild(target === 'xapi' ? renderXapiPanel() : renderScormPanel());
    panel.scrollTop = scroll;
  }

  panel.addEventListener(
    'toggle',
    function (e) {
      var li = e.target.closest && e.target.closest('.statement');
      if (li) st.open[li.getAttribute('data-id')] = e.target.open;
    },
    true,
  );

  // ---------- controls ----------
  $('reset').addEventListener('click', function () {
    queue(function () {
      return blank()
        .then(function () {
          if (target === 'scorm12') resetScorm();
          else resetXapi();
          st.moves = [];
          return fetch('/__ir/reset', { method: 'POST' });
        })
        .then(function () {
          st.liveN = null;
          renderSoon();
          return launch();
        });
    });
  });
  $('relaunch').addEventListener('click', function () {
    queue(launch);
  });
  Array.prototype.forEach.call(document.querySelectorAll('.seg button'), function (btn) {
    btn.addEventListener('click', function () {
      Array.prototype.forEach.call(document.querySelectorAll('.seg button'), function (b) {
        b.setAttribute('aria-pressed', String(b === btn));
      });
      var w = btn.getAttribute('data-width');
      var wrap = $('frame-wrap');
      wrap.style.maxWidth = w ? w + 'px' : '';
      wrap.classList.toggle('device', !!w);
    });
  });

  // ---------- the server's events ----------
  function connect() {
    var es = new EventSource('/__ir/events');
    es.addEventListener('snapshot', function (e) {
      var d = JSON.parse(e.data);
      st.connected = true;
      st.statements = d.statements || [];
      st.states = d.states || [];
      if (d.build) onBuild(d.build);
      renderSoon();
    });
    es.addEventListener('build', function (e) {
      onBuild(JSON.parse(e.data));
    });
    es.addEventListener('statements', function (e) {
      st.statements = st.statements.concat(JSON.parse(e.data));
      renderSoon();
    });
    es.addEventListener('state', function (e) {
      var d = JSON.parse(e.data);
      var same = function (x) {
        return x.activityId === d.doc.activityId && x.registration === d.doc.registration && x.stateId === d.doc.stateId;
      };
      st.states = st.states.filter(function (x) { return !same(x); });
      if (!d.deleted) st.states.push(d.doc);
      renderSoon();
    });
    es.addEventListener('reset', function () {
      st.statements = [];
      st.states = [];
      renderSoon();
    });
    es.onerror = function () {
      if (es.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
      var s = $('status');
      s.className = 'status bad';
      s.querySelector('.text').textContent = t('disconnected');
    };
  }

  $('target').textContent = target === 'xapi' ? 'xAPI' : 'SCORM 1.2';
  translate();
  renderPanel();
  connect();
})();
