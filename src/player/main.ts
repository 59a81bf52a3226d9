/**
 * Boots the player: takes the course skeleton `course.js` defined, connects the
 * transport, restores progress and builds the UI in `#app`. Entry files call
 * `startPlayer` with the transport of their target, e.g.
 * `startPlayer((course) => new XapiTransport(course))`.
 */
import type { RuntimeCourse } from '../shared/runtime-types';
import { createEngine, needsAssess } from './engine';
import type { AssessScript } from './assess/host';
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
        const units = unitLoader(course);
        const begin = (make: typeof createEngine) => {
          const engine = make(course, transport, restored);
          mountApp(root, engine, transport, units);
          root.removeAttribute('aria-busy');
          // Whichever comes first; the engine finishes once.
          const leave = () => engine.finish();
          for (const type of ['pagehide', 'beforeunload', 'unload']) window.addEventListener(type, leave);
          document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'hidden') engine.save();
          });
        };
        if (!needsAssess(course)) return begin(createEngine);
        // Typed questions, surveys or tests: the engine that plays them comes with their screens, in player-assess.js.
        units.load(course.units.length + 1, (ok) => (ok ? begin((window as unknown as { irAssess: AssessScript }).irAssess.engine) : failed()));
      });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
}
