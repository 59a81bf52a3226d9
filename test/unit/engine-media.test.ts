/**
 * `{required}` media in the engine: the page is not viewed on entering it,
 * but when the UI says its media all reached their end (`enter(true)`); a page
 * viewed once stays viewed, also after a resume; other pages are viewed on
 * entering. The state codec needs no field of its own: the page's viewed bit
 * is the record (so the worst-case proof is unchanged).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/player/engine.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { worstCaseStateLength } from '../../src/shared/state-codec.js';
import { compileFolder } from '../helpers/compile.js';
import { recorder } from '../helpers/recorder.js';

describe('required media and page completion', () => {
  it('holds the page back until watched; other pages are viewed on entering; a resume keeps it', async () => {
    const r = await compileFolder('test/fixtures/media/content', ['scorm12']);
    const course = { ...r.runtime!, target: 'scorm12' } as RuntimeCourse;
    const lesson = course.units[0]!;
    expect(lesson.kind === 'lesson' && lesson.pages.map((p) => p.required ?? false)).toEqual([true, false]);

    const t = recorder();
    const engine = createEngine(course, t, { state: null, location: null }, () => 1000);
    engine.enter();
    expect(engine.progress.pages).toEqual([false, false]);
    expect(t.events.filter((e) => e.type === 'page-viewed')).toEqual([]);
    engine.go(1);
    expect(engine.progress.pages).toEqual([false, true]);
    engine.go(0);
    expect(engine.progress.pages).toEqual([false, true]);
    engine.enter(true);
    expect(engine.progress.pages).toEqual([true, true]);
    const viewed = t.events.filter((e) => e.type === 'page-viewed').map((e) => e.type === 'page-viewed' && `${e.page}:${e.first}`);
    expect(viewed).toEqual(['dengarkan-nadanya:true', 'tonton-filmnya:true']);
    expect(t.events.some((e) => e.type === 'lesson-completed')).toBe(true);
    engine.enter(true); // again: nothing new
    expect(t.events.filter((e) => e.type === 'page-viewed').length).toBe(2);

    // Resumed: viewed stays viewed; entering it again is an ordinary revisit.
    const again = recorder();
    const resumed = createEngine(course, again, { state: t.saved.at(-1)!.state, location: null }, () => 2000);
    resumed.go(0);
    expect(resumed.progress.pages).toEqual([true, true]);
    expect(again.events.map((e) => e.type === 'page-viewed' && `${e.page}:${e.first}`)).toEqual(['tonton-filmnya:false']);
    expect(t.saved.at(-1)!.state.length).toBe(worstCaseStateLength(course));
  });
});
