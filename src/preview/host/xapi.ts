/**
 * xAPI: the course launched as an LMS launches a Tin Can package (endpoint,
 * auth, actor, registration, activity_id) against the preview's in-memory LRS.
 */
import type { LiveBuild } from '../protocol.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { LrsLearner } from './lrs-learner.js';
import { agentText, statementsPanel } from './statements-panel.js';
import type { HostTarget } from './target.js';

const ACTOR = { objectType: 'Agent', name: 'Preview Learner', mbox: 'mailto:preview.learner@example.com' };

export function xapiTarget(lrs: string): HostTarget {
  const learner = new LrsLearner('xapi', 'ir-xapi');
  const launch = (live: LiveBuild): Promise<string> => {
    learner.relocate(live);
    const q = new URLSearchParams({ endpoint: lrs, auth: 'Basic ' + btoa('preview:preview'), actor: JSON.stringify(ACTOR), registration: learner.registration() });
    if (live.activityId) q.set('activity_id', live.activityId);
    return Promise.resolve('/course/index.html?' + q.toString());
  };
  const panel = (): Node =>
    statementsPanel({
      registration: learner.registration(),
      note: t('lrsNote'),
      launch: [
        ['actor', agentText(ACTOR)],
        ['registration', h('code', null, learner.registration())],
      ],
      cmi5: false,
    });
  return { label: 'xAPI', launch, reset: () => learner.reset(), panel };
}
