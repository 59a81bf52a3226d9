/**
 * Boots the player: reads the course from `#course-data`, connects the
 * transport, restores progress and builds the UI in `#app`. Entry files call
 * `startPlayer` with the transport of their target, e.g.
 * `startPlayer((course) => new XapiTransport(course))`.
 */
import type { RuntimeCourse } from '../shared/runtime-types';
import { createEngine } from './engine';
import { standaloneTransport } from './transport/standalone';
import type { Restored, Transport } from './transport/types';
import { mountApp } from './ui';

export function startPlayer(makeTransport: (course: RuntimeCourse) => Transport): void {
  const run = () => {
    const root = document.getElementById('app');
    if (!root) return;
    let course: RuntimeCourse;
    try {
      const data = document.getElementById('course-data');
      course = JSON.parse((data && data.textContent) || '') as RuntimeCourse;
      if (!course || !Array.isArray(course.units)) throw new Error('no course');
    } catch {
      root.textContent = 'Kursus tidak dapat dimuat. / The course could not be loaded.';
      return;
    }
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
        const engine = createEngine(course, transport, restored);
        mountApp(root, engine, transport);
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
