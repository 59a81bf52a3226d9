/**
 * The course frame: one launch at a time. A launch first unloads the course
 * (its pagehide finishes the session: LMSFinish, Terminate or terminated),
 * then lets the target prepare the LMS side and opens the URL it gives.
 */
import { byId } from './dom.js';
import { renderSoon, store } from './store.js';
import type { HostTarget } from './target.js';

/** How long an unloading course may take before the frame moves on anyway. */
const UNLOAD_WAIT_MS = 3000;

let chain: Promise<void> = Promise.resolve();

/** Runs `fn` after everything queued before it; an error is logged, the queue goes on. */
export function queue(fn: () => Promise<unknown>): Promise<void> {
  chain = chain.then(fn).then(
    () => undefined,
    (e: unknown) => console.error('preview:', e),
  );
  return chain;
}

function frame(): HTMLIFrameElement {
  return byId<HTMLIFrameElement>('course');
}

/** Unloads the course and waits for the empty frame. */
export function blank(): Promise<void> {
  return new Promise((resolve) => {
    const f = frame();
    const src = f.getAttribute('src');
    if (!src || src === 'about:blank') return resolve();
    const done = (): void => {
      f.removeEventListener('load', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, UNLOAD_WAIT_MS);
    f.addEventListener('load', done);
    f.setAttribute('src', 'about:blank');
  });
}

/** Launches the current live build, as the learner opening it from the LMS. */
export async function launch(target: HostTarget): Promise<void> {
  await blank();
  const live = store.build?.live;
  if (!live) return;
  store.liveN = live.n;
  const url = await target.launch(live);
  const f = frame();
  f.dataset['live'] = String(live.n);
  f.setAttribute('src', url);
  renderSoon();
}
