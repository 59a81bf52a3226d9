/**
 * The few rules only assessment needs, injected by player-assess.js so that
 * player.css (inside every player's size budget) does not carry them.
 */
import { addStyle, RESULTS_CSS } from '../lazy-style';

const CSS = `.ir-text,.ir-pair select{min-height:44px;padding:.5rem .7rem;border:1px solid var(--ir-control);border-radius:8px;font:inherit;color:inherit;background:var(--ir-card);max-width:100%}
.ir-field label,.ir-pair label{display:block;font-weight:600;margin-bottom:.3rem}
.ir-text{width:100%}
.ir-match{display:grid;grid-template-columns:minmax(0,1fr);gap:.9rem}
.ir-pair select{width:100%}
.ir-seq{list-style:none;margin:0;padding:0;display:grid;gap:.5rem;counter-reset:s}
.ir-step{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;padding:.5rem .75rem;border:1px solid var(--ir-line);border-radius:8px;counter-increment:s}
.ir-step::before{content:counter(s) ".";font-weight:700}
.ir-app .ir-step+.ir-step{margin-top:0}
.ir-mv{min-height:40px;padding:.35rem .8rem}
.ir-mv[aria-disabled=true]{opacity:.45}
.ir-set:disabled .ir-mv{display:none}
.ir-scale{display:grid;gap:.4rem}
@media (min-width:40em){.ir-scale{grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr))}}
.ir-likert+.ir-likert{margin-top:1.25rem}
.ir-review{list-style:none;padding:0}
.ir-review .ir-box{margin-top:.5rem}`;

export function injectStyle(): void {
  // A test's result uses the results screen's score box and status colours.
  addStyle('ir-css-r', RESULTS_CSS);
  addStyle('ir-css-a', CSS);
}
