/**
 * A tiny element builder: `h('button', 'ir-btn', 'Label')` or
 * `h('button', { class: 'ir-btn', onclick: f }, 'Label')`. A string second
 * argument is the class; `html` sets innerHTML (compiler-sanitised HTML only).
 */
export type Child = Node | string | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | string | null, ...kids: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (typeof attrs === 'string') el.className = attrs;
  else if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'html') el.innerHTML = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  add(el, kids);
  return el;
}

export function add(el: Node, kids: Child[]): void {
  for (const kid of kids) {
    if (Array.isArray(kid)) add(el, kid);
    else if (kid) el.appendChild(typeof kid === 'string' ? document.createTextNode(kid) : kid);
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...kids: Child[]): void {
  el.textContent = '';
  add(el, kids);
}

/** `<p>`, `<div>` and `<span>` with a class (or none) and children: the most common elements. */
export const p = (cls?: string | null, ...kids: Child[]): HTMLParagraphElement => h('p', cls, ...kids);
export const div = (cls?: string | null, ...kids: Child[]): HTMLDivElement => h('div', cls, ...kids);
export const span = (cls?: string | null, ...kids: Child[]): HTMLSpanElement => h('span', cls, ...kids);

/** A native button. */
export function button(cls: string, label: Child, onclick: (e: Event) => void): HTMLButtonElement {
  return h('button', { type: 'button', class: cls, onclick }, label);
}
