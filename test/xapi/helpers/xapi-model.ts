/**
 * What an LRS must end up holding for a play of a course: the statements'
 * verbs and objects in order (and their results), built from the course data
 * and the learner's clicks, independently of the player. The same rules as
 * used by test/xapi/lrs.e2e.test.ts and test/faults/ (SPEC §3, §4, docs/xapi.md).
 */
import type { RuntimeCourse, RuntimeLesson, RuntimeQuestion, RuntimeScenario, RuntimeScene } from '../../../src/shared/runtime-types.js';
import { EXT } from '../../../src/shared/activity-ids.js';
import type { Statement } from '../../../src/player/transport/xapi-statements.js';
import type { Hooks } from './learner.js';

export interface Expected {
  label: string;
  result?: Record<string, unknown>;
  dimension?: string | null;
}

const letter = (i: number) => String.fromCharCode(97 + i);

export class Model {
  readonly out: Expected[] = [];
  private viewed = new Set<string>();
  private firstAnswers = new Map<string, boolean>();
  private firstEndings = new Map<string, number>();
  private complete = false;

  constructor(readonly course: RuntimeCourse) {}

  private lessons(): RuntimeLesson[] {
    return this.course.units.filter((u): u is RuntimeLesson => u.kind === 'lesson');
  }
  private scenarios(): RuntimeScenario[] {
    return this.course.units.filter((u): u is RuntimeScenario => u.kind === 'scenario');
  }
  private questions(): RuntimeQuestion[] {
    return this.lessons().flatMap((l) => l.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : []))));
  }

  session(verb: 'initialized' | 'resumed' | 'suspended' | 'terminated'): void {
    this.out.push({ label: `${verb} course` });
  }

  /** The learner leaves: suspended unless the course is complete, then terminated. */
  leave(): void {
    if (!this.complete) this.session('suspended');
    this.session('terminated');
  }

  view(lesson: RuntimeLesson, pageId: string): void {
    const done = () => lesson.pages.every((p) => this.viewed.has(`${lesson.id}/${p.id}`));
    const before = done();
    this.viewed.add(`${lesson.id}/${pageId}`);
    this.out.push({ label: `experienced lesson/${lesson.id}/page/${pageId}` });
    if (!before && done()) this.out.push({ label: `completed lesson/${lesson.id}`, result: { completion: true } });
    this.check();
  }

  answer(q: RuntimeQuestion, picked: number[]): void {
    const correct = q.choices.every((c, i) => c.correct === picked.includes(i));
    const first = !this.firstAnswers.has(q.id);
    if (first) this.firstAnswers.set(q.id, correct);
    this.out.push({
      label: `answered question/${q.id}`,
      dimension: q.dimension,
      result: {
        response: picked.map(letter).join('[,]'),
        success: correct,
        score: { raw: correct ? 100 : 0, min: 0, max: 100, scaled: correct ? 1 : 0 },
        extensions: { [EXT.countsForScore]: first },
      },
    });
    this.check();
  }

  choose(sc: RuntimeScenario, scene: RuntimeScene, i: number, next: RuntimeScene): void {
    const q = scene.choices[i]!.quality;
    this.out.push({
      label: `answered scenario/${sc.id}/scene/${scene.id}`,
      dimension: sc.dimension,
      result: { response: letter(i), ...(q === 'neutral' ? {} : { success: q === 'good' }), extensions: { [EXT.choiceQuality]: q, [EXT.countsForScore]: false } },
    });
    if (next.ending) {
      const first = !this.firstEndings.has(sc.id);
      if (first) this.firstEndings.set(sc.id, next.ending.score);
      const score = { raw: next.ending.score, min: 0, max: 100, scaled: next.ending.score / 100 };
      const ext = { [EXT.ending]: next.id, [EXT.countsForScore]: first };
      this.out.push({ label: `completed scenario/${sc.id}`, dimension: sc.dimension, result: { completion: true, score, extensions: ext } });
      const pass = next.ending.outcome === 'pass';
      this.out.push({ label: `${pass ? 'passed' : 'failed'} scenario/${sc.id}`, dimension: sc.dimension, result: { success: pass, score, extensions: ext } });
    }
    this.check();
  }

  /** SPEC §3, computed here: round(100 × earned / possible), over first answers and first plays. */
  private score(filter: (dimension: string | null) => boolean = () => true): number {
    let earned = 0;
    let possible = 0;
    for (const q of this.questions()) {
      if (!filter(q.dimension)) continue;
      possible += q.points;
      if (this.firstAnswers.get(q.id)) earned += q.points * 100;
    }
    for (const s of this.scenarios()) {
      if (!filter(s.dimension)) continue;
      possible += s.points;
      earned += s.points * (this.firstEndings.get(s.id) ?? 0);
    }
    return possible ? Math.floor((2 * earned + possible) / (2 * possible)) : 0;
  }

  private check(): void {
    if (this.complete) return;
    const pages = this.lessons().every((l) => l.pages.every((p) => this.viewed.has(`${l.id}/${p.id}`)));
    if (!pages || this.questions().some((q) => !this.firstAnswers.has(q.id)) || this.scenarios().some((s) => !this.firstEndings.has(s.id))) return;
    this.complete = true;
    const score = this.score();
    const sc = { raw: score, min: 0, max: 100, scaled: score / 100 };
    const dims: Record<string, { score: number; status: string }> = {};
    for (const d of this.course.dimensions) {
      const s = this.score((x) => x === d.id);
      dims[d.id] = { score: s, status: this.course.passingScore === null ? 'completed' : s >= this.course.passingScore ? 'passed' : 'failed' };
    }
    const ext = { [EXT.dimensionResults]: dims };
    this.out.push({ label: 'completed course', result: { completion: true, score: sc, extensions: ext } });
    if (this.course.passingScore !== null) {
      const pass = score >= this.course.passingScore;
      this.out.push({ label: `${pass ? 'passed' : 'failed'} course`, result: { success: pass, score: sc, extensions: ext } });
    }
  }

  get isComplete(): boolean {
    return this.complete;
  }

  /** The learner's clicks, heard through the Learner's hooks. */
  get hooks(): Hooks {
    return {
      view: (l, p) => this.view(l, p),
      answer: (q, picked) => this.answer(q, picked),
      choose: (sc, scene, i, next) => this.choose(sc, scene, i, next),
    };
  }
}

/** `answered question/q-satu`, `completed course`… from a statement. */
export function label(s: Statement): string {
  const id = s.object.id;
  const m = /\/(lesson|question|scenario|test|survey)\/(.+)$/.exec(id);
  return `${s.verb.display['en-US']} ${m ? m[1] + '/' + decodeURIComponent(m[2]!) : 'course'}`;
}
