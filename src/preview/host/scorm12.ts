/**
 * SCORM 1.2: the LMS is scorm-again's `Scorm12API` as `window.API`, and the
 * panel shows `cmi.core.*`, the interactions and the objectives as it holds them.
 */
import type { LiveBuild } from '../protocol.js';
import { badge, card, clock, h, items, kv, measured, table } from './dom.js';
import { t } from './i18n.js';
import { ScormLms, type ScormAgain } from './scorm-lms.js';
import { relocate, store } from './store.js';
import { interactionItem, interactionList } from './scorm-panel.js';
import type { HostTarget } from './target.js';

interface Score12 {
  raw?: string;
  min?: string;
  max?: string;
}

interface Cmi12 {
  core?: {
    lesson_location?: string;
    lesson_status?: string;
    entry?: string;
    exit?: string;
    session_time?: string;
    score?: Score12;
  };
  suspend_data?: string;
  interactions?: Record<string, Interaction12>;
  objectives?: Record<string, { id?: string; status?: string; score?: Score12 }>;
}

interface Interaction12 {
  id?: string;
  student_response?: string;
  correct_responses?: Record<string, { pattern?: string }>;
  result?: string;
  weighting?: string;
  latency?: string;
  time?: string;
}

declare global {
  interface Window {
    Scorm12API?: new (settings: object) => ScormAgain & Record<string, unknown>;
  }
}

/** cmi.suspend_data's size in SCORM 1.2. */
const SUSPEND_LIMIT = 4096;

export function scorm12Target(): HostTarget {
  const lms = new ScormLms<Cmi12>(
    'scorm12',
    {
      all: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
      get: 'LMSGetValue',
      lastError: 'LMSGetLastError',
      errorString: 'LMSGetErrorString',
      quiet: ['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
      commit: 'LMSCommit',
      finish: 'LMSFinish',
      entry: 'cmi.core.entry',
    },
    '0000:00:00',
  );

  const launch = (live: LiveBuild): Promise<string> => {
    const saved = lms.open(live.course.id);
    const c = saved?.cmi;
    const core = c?.core ?? {};
    const api = new window.Scorm12API!({ autocommit: false, logLevel: 5 });
    const entry = !saved ? 'ab-initio' : core.exit === 'suspend' ? 'resume' : '';
    api.loadFromJSON(
      {
        core: {
          student_id: 'preview-learner',
          student_name: 'Learner, Preview',
          lesson_location: relocate(core.lesson_location || ''),
          lesson_status: core.lesson_status || 'not attempted',
          credit: 'credit',
          lesson_mode: 'normal',
          entry,
          score: core.score || { raw: '', min: '', max: '' },
        },
        suspend_data: c?.suspend_data || '',
        launch_data: '',
        student_data: { mastery_score: live.masteryScore === null ? '' : String(live.masteryScore) },
        ...(c?.objectives ? { objectives: c.objectives } : {}),
        ...(c?.interactions ? { interactions: c.interactions } : {}),
      },
      '',
    );
    (api.cmi as { core: { total_time: string } }).core.total_time = lms.total;
    store.moves = [];
    lms.install(api, 'API', entry);
    return Promise.resolve('/course/index.html');
  };

  const panel = (): Node => {
    const c = lms.cmi();
    const core = c?.core ?? {};
    const score = core.score ?? {};
    const suspend = c?.suspend_data ?? '';
    const frag = document.createDocumentFragment();
    frag.append(
      h('div', { class: 'panel-head' }, h('h2', null, t('lmsHead')), h('p', null, t('lmsNote'))),
      card(
        t('learner'),
        null,
        kv([
          ['cmi.core.lesson_status', badge(core.lesson_status)],
          ['cmi.core.score.raw', score.raw ? measured(score.raw, t('scoreRange', score.min || '?', score.max || '?')) : ''],
          ['cmi.core.lesson_location', core.lesson_location ? h('code', null, core.lesson_location) : ''],
          ['cmi.core.entry', core.entry ? h('code', null, core.entry) : ''],
          ['cmi.core.exit', core.exit ? h('code', null, core.exit) : ''],
          ['cmi.core.session_time', core.session_time && core.session_time !== '00:00:00' ? core.session_time : ''],
          ['cmi.core.total_time', lms.total],
          ['cmi.suspend_data', suspend ? measured(suspend.length, t('ofSuspend', SUSPEND_LIMIT)) : ''],
          [t('lastCommit'), lms.committed ? clock(lms.committed) : '', 'commit'],
        ]),
      ),
      card('cmi.interactions', items(c?.interactions).length, interactions(items(c?.interactions))),
      card(
        'cmi.objectives',
        items(c?.objectives).length,
        table(
          ['id', 'score', 'status'],
          items(c?.objectives).map((o) => h('tr', null, h('td', null, h('code', null, o.id ?? '')), h('td', { class: 'num' }, o.score?.raw || '—'), h('td', null, badge(o.status)))),
          t('noObjectives'),
          'objectives',
        ),
      ),
      lms.callsCard(),
    );
    return frag;
  };

  return { label: 'SCORM 1.2', launch, reset: () => lms.reset(), panel };
}

/** Every interaction as the run-time holds it, in order. */
function interactions(list: Interaction12[]): HTMLElement {
  return interactionList(
    list.map((x, i) =>
      interactionItem(i, x.id ?? '', x.result, null, [
        ['response', x.student_response],
        ['correct', items(x.correct_responses)[0]?.pattern],
        ['weighting', x.weighting],
        ['latency', x.latency],
        ['time', x.time],
      ]),
    ),
  );
}
