/** A tiny element builder: `h('button', { class: 'x', onclick: f }, 'Label')`. */
export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...kids: Array<Child | Child[]>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'html') el.innerHTML = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  add(el, ...kids);
  return el;
}

export function add(el: Node, ...kids: Array<Child | Child[]>): void {
  for (const kid of kids) {
    if (Array.isArray(kid)) add(el, ...kid);
    else if (kid || kid === '') el.appendChild(typeof kid === 'string' ? document.createTextNode(kid) : kid);
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...kids: Array<Child | Child[]>): void {
  el.textContent = '';
  add(el, ...kids);
}

/** Visually hidden text for screen readers. */
export function sr(text: string): HTMLSpanElement {
  return h('span', { class: 'ir-sr' }, text);
}
