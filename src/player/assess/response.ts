/**
 * The learner's response as the records want it (`text` of question-answered,
 * ASSESS.md §6): the one place player-assess.js asks for it, with the
 * signature of the records' `responseText(target, q, answer, typed?)`
 * (src/shared/record-formats.ts), which makes it in each target's format.
 * Until that module is on this branch this gives what the targets write
 * alike, the text typed (a number with a decimal point), and nothing for the
 * other types, whose records the transports then make from the answer.
 */
import type { RuntimeQuestion, TargetId } from '../../shared/runtime-types';

export function responseText(target: TargetId, q: RuntimeQuestion, answer: number[], typed?: string): string | undefined {
  void target;
  if (typed === undefined || !answer.length) return undefined;
  return q.type === 'numeric' ? String(Number(typed.trim().replace(',', '.'))) : typed.slice(0, 250);
}
