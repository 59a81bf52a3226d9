/** A transport for engine tests. */
import type { LearningEvent, Snapshot, Transport } from '../../src/player/transport/types.js';

/** A transport that keeps what it is told. */
export function recorder(): Transport & { events: LearningEvent[]; saved: Snapshot[] } {
  const events: LearningEvent[] = [];
  const saved: Snapshot[] = [];
  return {
    name: 'standalone',
    events,
    saved,
    start: () => Promise.resolve({ state: null, location: null }),
    record: (e) => events.push(e),
    save: (s) => saved.push(s),
    finish: (s) => saved.push(s),
    onHealth: () => undefined,
  };
}
