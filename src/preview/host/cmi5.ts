/**
 * cmi5: the preview server is the LMS (src/preview/cmi5-lms.ts). Before each
 * launch the page asks it for one: it writes LMS.LaunchData, sends
 * `launched` and gives the launch URL, whose fetch URL the AU then POSTs for
 * its token. A relaunch is a new session of the same registration; Reset
 * starts a new registration.
 */
import type { Cmi5LaunchAnswer, Cmi5LaunchRequest, LiveBuild } from '../protocol.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { LrsLearner } from './lrs-learner.js';
import { agentText, statementsPanel } from './statements-panel.js';
import type { HostTarget } from './target.js';

export function cmi5Target(): HostTarget {
  const learner = new LrsLearner('cmi5', 'ir-cmi5');
  let last: Cmi5LaunchAnswer | null = null;

  const launch = async (live: LiveBuild): Promise<string> => {
    learner.relocate(live);
    const body: Cmi5LaunchRequest = { registration: learner.registration() };
    const r = await fetch('/__ir/cmi5/launch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`the preview's cmi5 LMS refused the launch: ${r.status} ${await r.text()}`);
    last = (await r.json()) as Cmi5LaunchAnswer;
    return last.url;
  };

  const panel = (): Node =>
    statementsPanel({
      registration: learner.registration(),
      note: t('cmi5Note'),
      launch: [
        ['actor', last ? agentText(last.actor) : ''],
        ['registration', h('code', null, learner.registration())],
        ['activityId', last ? h('code', null, last.activityId) : ''],
        ['sessionid', last ? h('code', null, last.session) : '', 'session'],
        ['launchMode', last?.launchMode ?? ''],
        ['moveOn', last?.moveOn ?? ''],
        ['masteryScore', last?.masteryScore ?? ''],
      ],
      cmi5: true,
    });

  return {
    label: 'cmi5',
    launch,
    reset: () => {
      last = null;
      learner.reset();
    },
    panel,
  };
}
