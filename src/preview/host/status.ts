/** The bar's course name and build status, and the diagnostics over the frame. */
import type { PreviewBuild, PreviewDiagnostic } from '../protocol.js';
import { byId, clear, clock, h } from './dom.js';
import { plural, t } from './i18n.js';

function where(d: PreviewDiagnostic): string {
  if (!d.file) return '';
  return d.file + (d.line ? ':' + d.line + ':' + d.column : '');
}

/** The author's lines around the problem, a caret under its column. */
function excerpt(d: PreviewDiagnostic): HTMLElement | null {
  const x = d.excerpt;
  if (!x) return null;
  const width = String(x.first + x.lines.length - 1).length;
  const rows: HTMLElement[] = [];
  x.lines.forEach((text, i) => {
    const n = x.first + i;
    rows.push(h('span', { class: n === d.line ? 'row hit' : 'row' }, String(n).padStart(width) + ' │ ' + text));
    if (n === d.line && d.column > 0) {
      // Tabs stay tabs so the caret lines up under them.
      let col = '';
      for (let k = 1; k < d.column; k++) col += text.charAt(k - 1) === '\t' ? '\t' : ' ';
      rows.push(h('span', { class: 'row caret' }, ' '.repeat(width) + ' │ ' + col + '^'));
    }
  });
  return h('pre', { class: 'excerpt' }, rows);
}

function diagItem(d: PreviewDiagnostic): HTMLElement {
  return h(
    'li',
    { class: 'diag ' + d.severity },
    h('div', { class: 'diag-where' }, h('span', { class: 'sev' }, t(d.severity)), h('code', { class: 'code' }, d.code), where(d) ? h('code', { class: 'file' }, where(d)) : null),
    h('p', { class: 'msg' }, d.message),
    excerpt(d),
    d.hint ? h('p', { class: 'hint' }, h('span', null, t('hint')), ' ' + d.hint) : null,
  );
}

function counts(ds: PreviewDiagnostic[]): { errors: number; warnings: number } {
  const errors = ds.filter((d) => d.severity === 'error').length;
  return { errors, warnings: ds.length - errors };
}

/** `2 errors, 1 warning`. */
function summary(n: { errors: number; warnings: number }): string {
  return plural(n.errors, 'error') + (n.warnings ? ', ' + plural(n.warnings, 'warning') : '');
}

export function renderHeader(b: PreviewBuild): void {
  const c = b.live?.course ?? b.course;
  byId('course-title').textContent = c ? c.title : t('noCourse');
  byId('course-version').textContent = c ? c.version : '';
  document.title = (c ? c.title + ' · ' : '') + t('docTitle');
  byId('download').hidden = !b.live;
  const n = counts(b.diagnostics);
  const s = byId('status');
  s.className = 'status ' + (b.ok ? (n.warnings ? 'warn' : 'ok') : 'bad');
  s.querySelector('.text')!.textContent = b.ok
    ? t('builtIn', b.ms, clock(b.at)) + (n.warnings ? ' · ' + plural(n.warnings, 'warning') : '')
    : summary(n) + ' · ' + clock(b.at);
}

export function renderProblems(b: PreviewBuild): void {
  byId('problems').hidden = b.ok;
  byId('waiting').hidden = true;
  byId('frame-wrap').classList.toggle('dimmed', !b.ok);
  if (!b.ok) {
    byId('problems-summary').textContent = summary(counts(b.diagnostics)) + (b.live ? ' · ' + t('lastGood') : '');
    clear(byId('problems-list')).append(...b.diagnostics.map(diagItem));
  }
  const w = byId<HTMLDetailsElement>('warnings');
  const warnings = b.ok ? b.diagnostics : [];
  w.hidden = !warnings.length;
  if (warnings.length) {
    w.querySelector('summary')!.textContent = t('warningsSummary', plural(warnings.length, 'warning'));
    clear(w.querySelector('ol')!).append(...warnings.map(diagItem));
  }
}

/** The server is gone (stopped, or restarting). */
export function renderDisconnected(): void {
  const s = byId('status');
  s.className = 'status bad';
  s.querySelector('.text')!.textContent = t('disconnected');
}
