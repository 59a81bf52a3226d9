/**
 * What player-assess.js gets from the player around it, and what it gives
 * back (`window.irAssess`). The player calls one function, so that the
 * first-page bundle spends as few bytes as possible on assessment:
 * `irAssess(host, block)` for a typed question or a survey on a lesson page,
 * `irAssess(host, t)` for the screen of test `t` (index in `ix.tests`). The
 * engine that plays them is in the course's player.js (the full one, which
 * the compiler ships to a course that has them: src/shared/lite.d.ts).
 */
import type { RuntimeBlock } from '../../shared/runtime-types';
import { ASSESS_STRINGS, GAIN_STRINGS, type AssessStrings, type GainStrings, type UiStrings } from '../../shared/ui-strings';
import type { Child } from '../dom';
import type { Engine } from '../engine';

export interface AssessHost {
  engine: Engine;
  /** Goes to a stop, as the table of contents does. */
  go(at: number): void;
  /** A screen's heading, which takes the focus. */
  heading(text: string): HTMLElement;
  /** Redraws the progress meter and the table of contents' done marks. */
  refresh(): void;
}

export type AssessScript = (host: AssessHost, what: RuntimeBlock | number) => Child;

/** The course's words and the assessment words in the course's UI language. */
export function words(engine: Engine): { s: UiStrings; a: AssessStrings; g: GainStrings } {
  const lang = engine.course.uiLanguage;
  return { s: engine.course.strings, a: ASSESS_STRINGS[lang] || ASSESS_STRINGS.id, g: GAIN_STRINGS[lang] || GAIN_STRINGS.id };
}

let uid = 0;
/** A fresh element id, apart from the player's own (`ir-q…`, `ir-u…`). */
export const newId = (): string => 'ir-a' + uid++;
