/**
 * SCORM 2004 4th Edition: the LMS is scorm-again's `Scorm2004API` as
 * `window.API_1484_11`, and the panel shows what the 2004 data model adds to
 * 1.2's: completion and success apart, the scaled score, 64,000 characters of
 * suspend_data, interactions with their description, objectives with both
 * statuses and a scaled score.
 */
import type { LiveBuild } from '../protocol.js';
import { badge, card, clock, h, items, kv, measured, table } from './dom.js';
import { t } from './i18n.js';
import { ScormLms, type ScormAgain } from './scorm-lms.js';
import { interactionItem, interactionList } from './scorm-panel.js';
import { relocate, store } from './store.js';
import type { HostTarget } from './target.js';

interface Score2004 {
  scaled?: string;
  raw?: string;
  min?: string;
  max?: string;
}

interface Cmi2004 {
  completion_status?: string;
  success_status?: string;
  score?: Score2004;
  location?: string;
  entry?: string;
  exit?: string;
  session_time?: string;
  suspend_data?: string;
  interactions?: Record<string, Interaction2004>;
  objectives?: Record<string, { id?: string; success_status?: string; completion_status?: string; score?: Score2004 }>;
}

interface Interaction2004 {
  id?: string;
  description?: string;
  learner_response?: string;
  correct_responses?: Record<string, { pattern?: string }>;
  result?: string;
  weighting?: string;
  latency?: string;
  timestamp?: string;
}

declare global {
  interface Window {
    Scorm2004API?: new (settings: object) => ScormAgain & Record<string, unknown>;
  }
}

/** RTE 4.2.23: cmi.suspend_data's size in SCORM 2004 4th Edition. */
const SUSPEND_LIMIT = 64000;

export function scorm2004Target(): HostTarget {
  const lms = new ScormLms<Cmi2004>(
    'scorm2004',
    {
      all: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
      get: 'GetValue',
      lastError: 'GetLastError',
      errorString: 'GetErrorString',
      quiet: ['GetLastError', 'GetErrorString', 'GetDiagnostic'],
      commit: 'Commit',
      finish: 'Terminate',
      entry: 'cmi.entry',
    },
    'PT0H0M0S',
  );

  const launch = (live: LiveBuild): Promise<string> => {
    const saved = lms.open(live.course.id);
    const c = saved?.cmi;
    // RTE 4.2.7: resume after an exit of suspend, else '' (a new attempt would be ab-initio, which Reset gives).
    const entry = !c ? 'ab-initio' : c.exit === 'suspend' ? 'resume' : '';
    const api = new window.Scorm2004API!({ autocommit: false, logLevel: 5, lmsCommitUrl: false });
    // What an LMS keeps between sessions (the SCO's own elements); the session-only ones start empty.
    api.loadFromJSON({
      learner_id: 'preview-learner',
      learner_name: 'Learner, Preview',
      credit: 'credit',
      mode: 'normal',
      entry,
      total_time: lms.total,
      ...(c
        ? {
            location: relocate(c.location || ''),
            suspend_data: c.suspend_data || '',
            completion_status: c.completion_status || 'unknown',
            success_status: c.success_status || 'unknown',
            ...(c.score ? { score: c.score } : {}),
            ...(c.objectives ? { objectives: c.objectives } : {}),
            ...(c.interactions ? { interactions: c.interactions } : {}),
          }
        : {}),
    });
    store.moves = [];
    lms.install(api, 'API_1484_11', entry);
    return Promise.resolve('/course/index.html');
  };

  const panel = (): Node => {
    const c = lms.cmi();
    const score = c?.score ?? {};
    const suspend = c?.suspend_data ?? '';
    const objectives = items(c?.objectives);
    const frag = document.createDocumentFragment();
    frag.append(
      h('div', { class: 'panel-head' }, h('h2', null, t('lmsHead')), h('p', null, t('lmsNote2004'))),
      card(
        t('learner'),
        null,
        kv([
          ['cmi.completion_status', badge(c?.completion_status)],
          ['cmi.success_status', badge(c?.success_status)],
          ['cmi.score.scaled', score.scaled ? h('b', null, score.scaled) : ''],
          ['cmi.score.raw', score.raw ? measured(score.raw, t('scoreRange', score.min || '?', score.max || '?')) : ''],
          ['cmi.location', c?.location ? h('code', null, c.location) : ''],
          ['cmi.entry', c?.entry ? h('code', null, c.entry) : ''],
          ['cmi.exit', c?.exit ? h('code', null, c.exit) : ''],
          ['cmi.session_time', c?.session_time && c.session_time !== 'PT0H0M0S' ? c.session_time : ''],
          ['cmi.total_time', lms.total],
          ['cmi.suspend_data', suspend ? measured(suspend.length, t('ofSuspend', SUSPEND_LIMIT)) : ''],
          [t('lastCommit2004'), lms.committed ? clock(lms.committed) : '', 'commit'],
        ]),
      ),
      card(
        'cmi.interactions',
        items(c?.interactions).length,
        interactionList(
          items(c?.interactions).map((x, i) =>
            interactionItem(i, x.id ?? '', x.result, x.description || null, [
              ['learner_response', x.learner_response],
              ['correct', items(x.correct_responses)[0]?.pattern],
              ['weighting', x.weighting],
              ['latency', x.latency],
              ['timestamp', x.timestamp],
            ]),
          ),
        ),
      ),
      card(
        'cmi.objectives',
        objectives.length,
        table(
          ['id', 'score.scaled', 'success_status · completion_status'],
          objectives.map((o) =>
            h(
              'tr',
              { 'data-id': o.id },
              h('td', null, h('code', null, o.id ?? '')),
              h('td', { class: 'num' }, o.score?.scaled || '—'),
              h('td', { class: 'badges' }, badge(o.success_status), ' ', badge(o.completion_status)),
            ),
          ),
          t('noObjectives'),
          'objectives',
        ),
      ),
      lms.callsCard(),
    );
    return frag;
  };

  return { label: 'SCORM 2004', launch, reset: () => lms.reset(), panel };
}
