/**
 * What the xAPI transport leaves on `window.irHost` for the lazily loaded
 * media script (player-media.js, src/player/entry-media-xapi.ts): the launch's statement
 * context and the transport's own durable outbox, so video and audio
 * statements are queued, stamped and retried like every other statement.
 */
import type { SessionContext, Statement } from './xapi-statements.js';

export interface MediaHost {
  ctx: SessionContext;
  uuid(): string;
  now(): number;
  /** Stamps and queues statements in the outbox (opening a session first if none is open). */
  send(list: Statement[], at: number): void;
  /** Set by the media script: closes every open media session, before the transport's session ends. */
  end?: () => void;
}

