/** Small DOM builders for the preview page: no framework, every node made here. */

export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el: Node, c: Child): void {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) for (const x of c) append(el, x);
  else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
}

export function clear<T extends Node>(el: T): T {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** The element with this id, which host.html has. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`preview: host.html has no #${id}`);
  return el as T;
}

/** A time of day, 24-hour, to the second. */
export function clock(at?: string | number): string {
  return (at === undefined ? new Date() : new Date(at)).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** A key–value list; each value is findable by `data-el` (the key, or the third item). */
export type Row = [key: string, value: Child, el?: string];

export function kv(rows: Row[]): HTMLElement {
  return h(
    'dl',
    { class: 'kv' },
    rows.map(([k, v, el]) => [h('dt', null, k), h('dd', { 'data-el': el ?? k }, v === '' || v === undefined || v === null ? h('span', { class: 'empty' }, '—') : v)]),
  );
}

export function badge(status: string | undefined): HTMLElement {
  return h('span', { class: 'badge s-' + String(status || 'none').replace(/\s+/g, '-') }, status || '—');
}

export function card(title: string, count: number | null, body: Child, extra?: string): HTMLElement {
  return h('section', { class: 'card' + (extra ? ' ' + extra : '') }, h('h3', null, title, count !== null ? h('span', { class: 'count' }, String(count)) : null), body);
}

/** A table, or the `empty` sentence when there are no rows; `id` names either. */
export function table(head: string[], rows: HTMLElement[], empty: string, id: string): HTMLElement {
  if (!rows.length) return h('p', { class: 'none', id }, empty);
  return h('div', { class: 'table-wrap' }, h('table', { id }, h('thead', null, h('tr', null, head.map((x) => h('th', { scope: 'col' }, x)))), h('tbody', null, rows)));
}

/** A value with a muted suffix: `12 / 4096 characters`. */
export function measured(value: string | number, suffix: string): HTMLElement {
  return h('span', null, h('b', null, String(value)), h('span', { class: 'muted' }, suffix));
}

/** The items of a list scorm-again renders either as an array or as an object keyed by index. */
export function items<T>(list: Record<string, T> | T[] | undefined | null): T[] {
  if (!list) return [];
  return Array.isArray(list) ? list : Object.keys(list).filter((k) => /^\d+$/.test(k)).sort((a, b) => +a - +b).map((k) => list[k]!);
}
