/**
 * The learner's response as the records want it (`text` of question-answered,
 * ASSESS.md §6), the one place player-assess.js asks for it. The records'
 * formats per target belong to src/shared/record-formats.ts
 * (`responseText(q, answer, typed?)`); until that module is on this branch,
 * this gives what every target writes the same way, the typed text (a number
 * with its decimal point), and nothing for the other types, whose records the
 * transports then make from the answer's indexes.
 */
import type { RuntimeQuestion } from '../../shared/runtime-types';
import { readNumber } from './match';

export function responseText(q: RuntimeQuestion, answer: number[], typed?: string): string | undefined {
  if (typed === undefined || !answer.length) return undefined;
  return q.type === 'numeric' ? String(readNumber(typed)) : typed.slice(0, 250);
}
