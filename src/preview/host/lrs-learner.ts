/**
 * The learner of the LRS targets (xAPI, cmi5): a registration per tab until
 * Reset, and the player's local copy of its State document, whose location
 * the page moves when a build renamed the page the learner was on.
 */
import type { LiveBuild } from '../protocol.js';
import { forget, forgetRegistration, readJson, registration, writeJson } from './storage.js';
import { relocate, store } from './store.js';

export class LrsLearner {
  /**
   * @param target the page's name for it, in its sessionStorage keys
   * @param prefix the player's localStorage prefix (src/player/transport: `ir-xapi`, `ir-cmi5`)
   */
  constructor(
    private readonly target: 'xapi' | 'cmi5',
    private readonly prefix: string,
  ) {}

  registration(): string {
    return registration(this.target);
  }

  /** Before a launch: the player's saved location follows this session's renames. */
  relocate(live: LiveBuild): void {
    const key = `${this.prefix}:${live.course.id}:${this.registration()}:p`;
    const doc = store.moves.length ? readJson<{ location?: unknown; at?: number }>('local', key) : null;
    if (doc && typeof doc.location === 'string') {
      const moved = relocate(doc.location);
      if (moved !== doc.location) writeJson('local', key, { ...doc, location: moved, at: Date.now() });
    }
    store.moves = [];
  }

  /** A new learner: the player's local data and the registration forgotten. */
  reset(): void {
    forget('local', this.prefix + ':');
    forgetRegistration(this.target);
    store.statements = [];
    store.states = [];
  }
}
