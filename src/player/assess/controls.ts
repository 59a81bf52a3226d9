/**
 * The answer controls of one question of any type, inside a fieldset whose
 * legend is the prompt: native radios and checkboxes (choice, true-false), a
 * labelled text box (fill-in; numeric with the decimal keyboard), one native
 * select per source (matching), and for sequencing a list whose steps move
 * with "Naik" / "Turun" buttons: the focus follows the moved step and a
 * polite live region says where it now stands (the APG's reorderable-list
 * advice: a keyboard way that is not drag-and-drop).
 */
import type { RuntimeQuestion } from '../../shared/runtime-types';
import { format as f } from '../../shared/ui-strings';
import { div, h, span, type Child } from '../dom';
import type { Engine } from '../engine';
import { newId, words } from './host';
import { matchFillIn, matchNumeric } from '../../shared/answers';

export interface Control {
  el: HTMLFieldSetElement;
  /** The answer (ASSESS.md §3), or null while it is not whole. */
  get(): number[] | null;
  /** What the learner typed (fill-in, numeric). */
  typed(): string | undefined;
  /** Shows an answer given earlier. */
  set(answer: number[]): void;
  /** The first control, for the focus. */
  first(): HTMLElement;
}

/** A legend holds phrasing content: the prompt's paragraphs become block spans. */
export function legend(html: string, id: string, lead?: string): HTMLLegendElement {
  const el = h('legend', { class: 'ir-prompt', id, html });
  el.querySelectorAll('p').forEach((para) => para.replaceWith(span('ir-p', ...para.childNodes)));
  if (lead) el.prepend(span('ir-kind', lead));
  return el;
}

/** One number as answers.ts reads it (`2,5` or `2.5`): else the learner is asked for one, not told it is wrong. */
const isNumber = (text: string) => /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text.trim().replace(',', '.'));

/** Any order but the right one: a sequence shown in order would answer itself. */
function shuffled(n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  while (n > 1 && out.every((x, i) => x === i)) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
  }
  return out;
}

/**
 * `onInput` runs after every change the learner makes (a test keeps each
 * answer as it is given); `lead` starts the legend (a test's "Soal 1 dari 10").
 */
export function control(engine: Engine, q: RuntimeQuestion, onInput: () => void = () => {}, lead?: string): Control {
  const { s, a } = words(engine);
  const id = newId();
  const type = q.type || 'choice';
  let hint = '';
  let body: Child;
  let c: Omit<Control, 'el'>;

  if (type === 'choice' || type === 'true-false') {
    const inputs = q.choices.map((_, i) => h('input', { type: q.multiple ? 'checkbox' : 'radio', name: id, value: i, onchange: onInput }));
    hint = q.multiple ? s.pickAll : s.pickOne;
    body = div('ir-choices', q.choices.map((ch, i) => h('label', 'ir-choice', inputs[i]!, h('span', { html: ch.html }))));
    c = {
      get: () => {
        const picked: number[] = [];
        inputs.forEach((x, i) => x.checked && picked.push(i));
        return picked.length ? picked : null;
      },
      typed: () => undefined,
      set: (ans) => inputs.forEach((x, i) => (x.checked = ans.indexOf(i) >= 0)),
      first: () => inputs[0]!,
    };
  } else if (type === 'fill-in' || type === 'numeric') {
    const numeric = type === 'numeric';
    const box = h('input', { type: 'text', id: id + 'i', class: 'ir-text', maxlength: 250, autocomplete: 'off', spellcheck: 'false', inputmode: numeric ? 'decimal' : null, oninput: onInput });
    hint = numeric ? a.numberHint : '';
    body = div('ir-field', h('label', { for: id + 'i' }, a.yourAnswer), box);
    const value = () => box.value.trim();
    c = {
      get: () => (!value() || (numeric && !isNumber(value())) ? null : [(numeric ? matchNumeric : matchFillIn)(q, box.value)]),
      typed: () => value() || undefined,
      // After a resume only the item is known: its text, unless it is a range or "any other answer".
      set: (ans) => {
        const item = q.choices[ans[0]!];
        if (!box.value && item && !item.other && !(item.range && item.range[0] !== item.range[1])) box.value = item.text;
      },
      first: () => box,
    };
  } else if (type === 'matching') {
    const targets = q.targets || [];
    const lists = q.choices.map((_, i) =>
      h('select', { id: `${id}s${i}`, onchange: onInput }, h('option', { value: '' }, a.choose), targets.map((t, ti) => h('option', { value: ti }, t.text))));
    hint = a.matchHint;
    body = div('ir-match', q.choices.map((src, i) => div('ir-pair', h('label', { for: `${id}s${i}`, html: src.html }), lists[i]!)));
    c = {
      get: () => (lists.every((x) => x.value) ? lists.map((x) => +x.value) : null),
      typed: () => undefined,
      set: (ans) => lists.forEach((x, i) => (x.value = ans[i] === undefined ? '' : String(ans[i]))),
      first: () => lists[0]!,
    };
  } else {
    let order = shuffled(q.choices.length);
    const n = order.length;
    const live = h('div', { class: 'ir-sr', 'aria-live': 'polite' });
    const list = h('ol', 'ir-seq');
    const rows = q.choices.map((step, i) => {
      const move = (d: number) => () => {
        const at = order.indexOf(i);
        const to = at + d;
        if (to < 0 || to >= n) return;
        order[at] = order[to]!;
        order[to] = i;
        draw();
        buttons[d < 0 ? 0 : 1].focus();
        live.textContent = f(a.moved, step.text, to + 1, n);
        onInput();
      };
      // aria-disabled, not disabled: a button that reaches the end keeps the focus it has.
      const buttons = [
        h('button', { type: 'button', class: 'ir-btn ir-quiet ir-mv', 'aria-label': f(a.upName, step.text), onclick: move(-1) }, a.up),
        h('button', { type: 'button', class: 'ir-btn ir-quiet ir-mv', 'aria-label': f(a.downName, step.text), onclick: move(1) }, a.down),
      ] as const;
      return { li: h('li', 'ir-step', span('ir-lt', h('span', { html: step.html })), buttons[0], buttons[1]), buttons };
    });
    const draw = () =>
      order.forEach((i, at) => {
        const row = rows[i]!;
        list.appendChild(row.li);
        row.buttons[0].setAttribute('aria-disabled', String(at === 0));
        row.buttons[1].setAttribute('aria-disabled', String(at === n - 1));
      });
    draw();
    hint = a.sequenceHint;
    body = [list, live];
    c = {
      get: () => order.slice(),
      typed: () => undefined,
      set: (ans) => {
        if (ans.length === n) order = ans.slice();
        draw();
      },
      first: () => rows[order[0]!]!.buttons[1],
    };
  }
  const el = h('fieldset', { class: 'ir-set', 'aria-describedby': hint ? id + 'h' : null },
    legend(q.promptHtml, id + 'p', lead), hint ? h('p', { class: 'ir-hint', id: id + 'h' }, hint) : null, body);
  return { el, ...c };
}
