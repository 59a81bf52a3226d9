/**
 * Boots the player: takes the course skeleton `course.js` defined, connects the
 * transport, restores progress and builds the UI in `#app`. Entry files call
 * `startPlayer` with the transport of their target, e.g.
 * `startPlayer((course) => new XapiTransport(course))`.
 */
import type { RuntimeCourse } from '../shared/runtime-types';
import { createEngine } from './engine';
import { standaloneTransport } from './transport/standalone';
import type { Restored, Transport } from './transport/types';
import { mountApp } from './ui';
import { unitLoader } from './units';

export function startPlayer(makeTransport: (course: RuntimeCourse) => Transport): void {
  const run = () => {
    const root = document.getElementById('app');
    if (!root) return;
    const course = (window as unknown as { irCourse?: RuntimeCourse }).irCourse;
    // course.js missing or cut off: the pre-rendered first page gives way to a plain message.
    const failed = () => void (root.textContent = 'Kursus tidak dapat dimuat. / The course could not be loaded.');
    if (!course || !Array.isArray(course.units)) return failed();
    let transport: Transport;
    try {
      transport = makeTransport(course);
    } catch {
      transport = standaloneTransport();
    }
    const none: Restored = { state: null, location: null };
    let starting: Promise<Restored>;
    try {
      starting = transport.start();
    } catch {
      starting = Promise.resolve(none);
    }
    starting
      .then(null, () => none)
      .then((restored) => {
        let engine: ReturnType<typeof createEngine>;
        try {
          engine = createEngine(course, transport, restored);
        } catch {
          // A course with typed questions, surveys or tests in a package whose player.js lacks their engine
          // (one put together by hand): stopping keeps the learner's saved progress as it is.
          return failed();
        }
        mountApp(root, engine, transport, unitLoader(course));
        root.removeAttribute('aria-busy');
        // Whichever comes first; the engine finishes once.
        const leave = () => engine.finish();
        for (const type of ['pagehide', 'beforeunload', 'unload']) window.addEventListener(type, leave);
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'hidden') engine.save();
        });
      });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
}
