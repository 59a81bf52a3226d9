/**
 * The page's words (src/preview/strings.ts), in the course's UI language: the
 * server's config gives both tables; each build says which applies.
 */
import type { UiLanguage } from '../../shared/runtime-types.js';
import type { PreviewStrings } from '../strings.js';

let tables: Record<UiLanguage, PreviewStrings>;
let lang: UiLanguage = 'id';

export function initStrings(all: Record<UiLanguage, PreviewStrings>, language: UiLanguage): void {
  tables = all;
  lang = language;
}

/** A string of the page, `{0}`, `{1}` filled in. */
export function t(key: keyof PreviewStrings, ...args: (string | number)[]): string {
  return tables[lang][key].replace(/\{(\d)\}/g, (_, i: string) => String(args[+i]));
}

/** Switches the page's language; true when it changed. */
export function setLanguage(next: UiLanguage): boolean {
  if (next === lang) return false;
  lang = next;
  translate();
  return true;
}

/** The words written in host.html: `data-t` (text), `data-t-title`, `data-t-label` (aria-label). */
export function translate(): void {
  document.documentElement.lang = lang;
  const attrs: [string, string | null][] = [
    ['data-t', null],
    ['data-t-title', 'title'],
    ['data-t-label', 'aria-label'],
  ];
  for (const [data, attr] of attrs) {
    document.querySelectorAll(`[${data}]`).forEach((el) => {
      const text = t(el.getAttribute(data) as keyof PreviewStrings);
      if (attr) el.setAttribute(attr, text);
      else el.textContent = text;
    });
  }
}

/** `n` errors or warnings, in the page's language. */
export function plural(n: number, severity: 'error' | 'warning'): string {
  return t(n === 1 ? `${severity}One` : `${severity}Many`, n);
}
