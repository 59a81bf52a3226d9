import type { Transport } from './types';

/**
 * No LMS, no LRS: the course plays and records nothing. The player tells the
 * learner that progress is not being saved (SPEC §4). A plain object, not a
 * class: a class field would bundle esbuild's field helper into every player.
 */
export function standaloneTransport(): Transport {
  const none = () => {};
  return {
    name: 'standalone',
    start: () => Promise.resolve({ state: null, location: null }),
    record: none,
    save: none,
    finish: none,
    onHealth: (listener) => listener({ kind: 'standalone' }),
  };
}
