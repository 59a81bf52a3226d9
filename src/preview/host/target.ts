/** What the page needs of each target: the stand-in LMS or LRS side of a launch, and the record panel. */
import type { LiveBuild } from '../protocol.js';

export interface HostTarget {
  /** How the bar names the package played. */
  readonly label: string;
  /** Prepares the LMS or LRS for a launch of `live`; resolves with the frame's URL. */
  launch(live: LiveBuild): Promise<string>;
  /** Forgets everything recorded for the learner, before the server's LRS is cleared. */
  reset(): void;
  /** The panel's content, drawn anew on every change. */
  panel(): Node;
}
