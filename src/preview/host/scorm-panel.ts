/** The parts of the record panel the two SCORM versions share. */
import { h } from './dom.js';
import { t } from './i18n.js';

/** One interaction of either SCORM version: its id, result, description (2004) and facts. */
export function interactionItem(i: number, id: string, result: string | undefined, description: string | null, facts: [string, string | undefined][]): HTMLElement {
  return h(
    'li',
    { 'data-id': id },
    h('span', { class: 'n' }, String(i)),
    h('div', { class: 'ix-main' }, h('code', { class: 'ix-id' }, id), h('span', { class: 'result r-' + (result || 'none') }, result || t('noResult'))),
    description ? describe(description) : null,
    h(
      'div',
      { class: 'ix-facts' },
      facts.filter((f) => f[1]).map(([k, v]) => h('span', null, h('span', { class: 'muted' }, k + ' '), h('code', null, v!))),
    ),
  );
}

/** The interactions card's body: the list, or the sentence saying there are none yet. */
export function interactionList(list: HTMLElement[]): HTMLElement {
  if (!list.length) return h('p', { class: 'none', id: 'interactions' }, t('noInteractions'));
  return h('ol', { class: 'interactions', id: 'interactions' }, list);
}

/** RTE 4.1.1.7: a localized_string_type starts with its language, `{lang=id}`: shown apart from the words. */
function describe(description: string): HTMLElement {
  const m = /^\{lang=([^}]*)\}/.exec(description);
  return h('p', { class: 'ix-desc' }, m ? h('span', { class: 'muted' }, m[1] + ' · ') : null, m ? description.slice(m[0].length) : description);
}
