/**
 * The first page as plain HTML inside index.html, so its text shows as soon
 * as index.html (and the stylesheet) arrive, before the player and the course
 * data: on a slow network that is what the learner waits for. The player
 * replaces it with the live page (the same page, or the one a resuming
 * learner left on) as soon as it starts. The markup follows the player's own
 * so the stylesheet lays both out alike.
 */
import { format } from '../shared/ui-strings.js';
import type { RuntimeCourse } from '../shared/runtime-types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The course's first stop (its first lesson page, or its first scenario's opening), as HTML. */
export function firstPageHtml(course: RuntimeCourse): string {
  const unit = course.units[0];
  if (!unit) return '';
  const s = course.strings;
  let eyebrow: string;
  let title: string;
  let body: string;
  if (unit.kind === 'lesson') {
    const pg = unit.pages[0]!;
    eyebrow = format(s.lesson, 1) + (unit.title === pg.title ? '' : ' · ' + unit.title);
    title = pg.title;
    // Text first: a question's controls only work once the player runs, so its prompt waits for it.
    body = pg.blocks.map((b) => (b.kind === 'html' ? `<div class="ir-prose">${b.html}</div>` : '')).join('');
  } else if (unit.kind === 'test') {
    eyebrow = unit.title;
    title = unit.title;
    body = `<div class="ir-prose">${unit.introHtml}</div>`;
  } else {
    const scene = unit.scenes.find((x) => x.id === unit.start)!;
    eyebrow = s.scenario;
    title = unit.title;
    body = `<div class="ir-prose">${unit.introHtml}</div><div class="ir-prose">${scene.html}</div>`;
  }
  return (
    `<header class="ir-hd"><div class="ir-wrap ir-hd-in"><h1 class="ir-course">${esc(course.title)}</h1></div></header>` +
    `<div class="ir-wrap ir-shell"><main class="ir-main"><div class="ir-view">` +
    `<p class="ir-eyebrow">${esc(eyebrow)}</p><h2 class="ir-title">${esc(title)}</h2>${body}` +
    `</div></main></div>`
  );
}
