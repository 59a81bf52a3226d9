import type { Restored, Transport, TransportHealth } from './types';

/**
 * No LMS, no LRS: the course plays and records nothing. The player tells the
 * learner that progress is not being saved (SPEC §4).
 */
export class StandaloneTransport implements Transport {
  readonly name = 'standalone' as const;

  start(): Promise<Restored> {
    return Promise.resolve({ state: null, location: null });
  }

  record(): void {}

  save(): void {}

  finish(): void {}

  onHealth(listener: (health: TransportHealth) => void): void {
    listener({ kind: 'standalone' });
  }
}
