/**
 * The panel of the LRS targets (xAPI, cmi5): the launch, the learner's saved
 * place from the State document, and the statements of the learner's
 * registration as the LRS stored them, newest first. For cmi5 each statement
 * says whether it is "cmi5 defined" (it carries the cmi5 category activity,
 * §9.6.2.1) or "cmi5 allowed" (the course's own).
 */
import { card, clock, h, kv, type Row } from './dom.js';
import { t } from './i18n.js';
import { store } from './store.js';

/** cmi5 §9.6.2.1 and §9.6.2.2: the category activities of the defined statements. */
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
/** cmi5 §10: the LMS's own State document, beside the course's progress. */
export const LAUNCH_DATA = 'LMS.LaunchData';

/** A stored statement, as far as the panel reads it. */
interface Seen {
  id: string;
  timestamp?: string;
  verb?: { id?: string; display?: Record<string, string> };
  object?: { id?: string; definition?: { name?: Record<string, string> } };
  result?: { score?: { raw?: number; scaled?: number }; success?: boolean; completion?: boolean; response?: string; duration?: string };
  context?: { registration?: string; contextActivities?: { category?: { id?: string }[] } };
}

export function verbName(s: Seen): string {
  const d = s.verb?.display ?? {};
  return d['en-US'] || d['en'] || Object.values(d)[0] || String(s.verb?.id ?? '').split('/').pop() || '';
}

function objectName(s: Seen): string {
  const n = s.object?.definition?.name ?? {};
  return Object.values(n)[0] || s.object?.id || '';
}

function pill(text: string, kind = ''): HTMLElement {
  return h('span', { class: 'pill' + (kind ? ' ' + kind : '') }, text);
}

function categories(s: Seen): string[] {
  return (s.context?.contextActivities?.category ?? []).map((c) => c.id ?? '');
}

function resultPills(s: Seen, cmi5: boolean): HTMLElement | null {
  const r = s.result;
  const parts: HTMLElement[] = [];
  if (cmi5) {
    const cats = categories(s);
    parts.push(cats.includes(CMI5_CATEGORY) ? pill('cmi5 defined', 'defined') : pill('cmi5 allowed', 'muted'));
    if (cats.includes(MOVEON_CATEGORY)) parts.push(pill('moveon', 'defined'));
  }
  if (r?.score?.scaled !== undefined) parts.push(pill('scaled ' + r.score.scaled));
  if (r?.score?.raw !== undefined) parts.push(pill('score ' + r.score.raw));
  if (r?.success !== undefined) parts.push(pill(r.success ? 'success' : 'no success', r.success ? 'good' : 'bad'));
  if (r?.completion) parts.push(pill('completion'));
  if (r?.response !== undefined) parts.push(pill('response ' + r.response));
  if (r?.duration) parts.push(pill(r.duration, 'muted'));
  return parts.length ? h('div', { class: 'pills' }, parts) : null;
}

/** The statements whose JSON the author opened: kept open across redraws. */
const opened = new Set<string>();

function statementItem(s: Seen, cmi5: boolean): HTMLElement {
  const details = h('details', { open: opened.has(s.id) }, h('summary', null, 'JSON'), h('pre', null, JSON.stringify(s, null, 2)));
  details.addEventListener('toggle', () => (details.open ? opened.add(s.id) : opened.delete(s.id)));
  const defined = categories(s).includes(CMI5_CATEGORY);
  return h(
    'li',
    { class: 'statement' + (cmi5 && defined ? ' defined' : ''), 'data-verb': verbName(s), 'data-id': s.id, 'data-cmi5': cmi5 ? (defined ? 'defined' : 'allowed') : null },
    h('div', { class: 'st-line' }, h('time', null, clock(s.timestamp)), h('b', { class: 'verb' }, verbName(s)), h('span', { class: 'obj' }, objectName(s))),
    resultPills(s, cmi5),
    details,
  );
}

export interface StatementsPanel {
  registration: string;
  /** The panel's note under its heading. */
  note: string;
  /** The launch card's rows, after the statement count and before the State rows. */
  launch: Row[];
  cmi5: boolean;
}

export function statementsPanel(o: StatementsPanel): Node {
  const mine = store.statements.filter((s) => {
    const reg = (s as Seen).context?.registration;
    return !reg || reg === o.registration;
  }) as unknown as Seen[];
  const progress = store.states.find((d) => d.registration === o.registration && d.stateId !== LAUNCH_DATA);
  let location = '';
  try {
    location = progress ? String((JSON.parse(progress.body) as { location?: unknown }).location ?? '') : '';
  } catch {
    /* not the player's document */
  }
  const frag = document.createDocumentFragment();
  const list = mine
    .slice()
    .reverse()
    .map((s) => statementItem(s, o.cmi5));
  frag.append(
    h('div', { class: 'panel-head' }, h('h2', null, t('lrsHead')), h('p', null, o.note, h('code', null, '/xAPI/'), t('newestFirst'))),
    card(
      t('launch'),
      null,
      kv([
        ['statements', h('b', null, String(mine.length))],
        ...o.launch,
        [t('stateLocation'), location ? h('code', null, location) : '', 'state.location'],
        [t('stateSaved'), progress ? clock(progress.updated) : '', 'state.updated'],
      ]),
    ),
    card(t('statements'), mine.length, list.length ? h('ol', { class: 'statements', id: 'statements' }, list) : h('p', { class: 'none', id: 'statements' }, t('noStatements')), 'wide'),
  );
  return frag;
}

/** `Name <mbox>` or `Name (account name @ homePage)`. */
export function agentText(a: { name?: string; mbox?: string; account?: { homePage: string; name: string } }): string {
  if (a.mbox) return `${a.name ?? ''} <${a.mbox.replace('mailto:', '')}>`;
  return a.account ? `${a.name ?? ''} (${a.account.name} @ ${a.account.homePage})` : a.name ?? '';
}
