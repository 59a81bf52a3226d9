/**
 * Style rules that only the lazily loaded screens use, injected by their
 * scripts (player-results.js, player-assess.js) instead of living in
 * player.css, which every first page loads inside the player's size budget.
 * They use player.css's custom properties, so a course theme restyles them;
 * they go before theme.css, so a theme keeps the last word.
 */

/** The results screen's score box, its to-do links and status colours; a test's result uses them too. */
export const RESULTS_CSS = `.ir-result{margin:0 0 1.25rem;padding:.8rem 1rem;border:1px solid var(--ir-line);border-radius:var(--ir-radius);background:var(--ir-bg)}
.ir-result p{margin:.3rem 0 0}
.ir-linkbtn{vertical-align:top;padding:0;border:0;background:none;text-align:left;font-size:1rem;color:var(--ir-accent);text-decoration:underline}
.ir-num{color:var(--ir-text);font-size:3rem;font-weight:700;line-height:1.1}
.ir-passed strong,.ir-completed strong{color:var(--ir-ok)}
.ir-failed strong{color:var(--ir-no)}`;

/** Adds a style element once (by its id). */
export function addStyle(id: string, css: string): void {
  if (document.getElementById(id)) return;
  const el = document.createElement('style');
  el.id = id;
  el.textContent = css;
  document.head.insertBefore(el, document.querySelector('link[href$="theme.css"]'));
}
