/**
 * A survey block: per item a fieldset of Likert radios (its legend the
 * statement), "Kirim jawaban" once every item has an answer, then the
 * answers stay on screen, read-only, with a thank-you. No right answers.
 */
import type { RuntimeSurvey } from '../../shared/runtime-types';
import { likertLabels } from '../../shared/ui-strings';
import { div, fill, h, p } from '../dom';
import { legend } from './controls';
import { newId, words, type AssessHost } from './host';

export function surveyBlock(host: AssessHost, sv: RuntimeSurvey): HTMLFormElement {
  const { engine } = host;
  const { a } = words(engine);
  const v = engine.ix.surveys.findIndex((x) => x.survey === sv);
  const id = newId();
  const labels = likertLabels(a, sv.scale);
  const radios = sv.items.map((_, i) => labels.map((_, k) => h('input', { type: 'radio', name: `${id}-${i}`, value: k + 1 })));
  const sets = sv.items.map((item, i) =>
    h('fieldset', 'ir-set ir-likert', legend(item.html, `${id}l${i}`), div('ir-scale', labels.map((l, k) => h('label', 'ir-choice', radios[i]![k]!, h('span', null, l))))));
  const msg = h('div', { class: 'ir-fb', 'aria-live': 'polite' });
  const send = h('button', { type: 'submit', class: 'ir-btn ir-primary' }, a.send);
  const actions = div('ir-actions', send);
  const values = () => radios.map((rs) => rs.reduce((v, r) => (r.checked ? +r.value : v), 0));
  const done = (announce: boolean) => {
    const saved = (engine.progress.surveys || [])[v] || [];
    radios.forEach((rs, i) => rs.forEach((r, k) => (r.checked = saved[i] === k + 1)));
    sets.forEach((x) => (x.disabled = true));
    const thanks = h('p', { class: 'ir-box ir-ok', tabindex: '-1' }, a.surveyThanks);
    fill(msg, thanks);
    actions.remove();
    if (announce) thanks.focus();
  };
  const form = h('form', { class: 'ir-q ir-survey', novalidate: true, 'aria-labelledby': id + 'p', onsubmit: (e) => {
    e.preventDefault();
    const vals = values();
    const open = vals.indexOf(0);
    if (open >= 0) {
      fill(msg, p('ir-strong ir-no ir-tone', a.surveyAll));
      return radios[open]![0]!.focus();
    }
    engine.surveyAnswer(v, vals);
    done(true);
    host.refresh();
  } }, h('div', { class: 'ir-prose', id: id + 'p', html: sv.promptHtml }), sets, msg, actions);
  const saved = (engine.progress.surveys || [])[v];
  if (saved && saved.length && saved.every((x) => x > 0)) done(false);
  return form;
}
