/**
 * Folds record events into what the report needs, one event at a time, and
 * turns that into a ReportData at the end.
 *
 * Memory: the records themselves are never kept. What is kept is one compact
 * state per attempt (per learner and registration / Moodle attempt):
 * 5 bytes per question (whether and how the first answer went, the choices it
 * picked), 8 bytes and two short strings per scenario (where the current play
 * is, the first play's ending and path), a few numbers; about
 * 150 + 5·Q + 40·S bytes, about 0.5 KB for the default course. So memory
 * grows with the number of attempts (10,000 learners ≈ 5 MB), not with the
 * number of statements. The per-learner score arrays of the end are the same
 * order. Item analysis needs each learner's whole record (point-biserial
 * correlates an item with the rest of the learner's score), which is why the
 * attempts, not only running totals, are kept.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { DiagnosticCode } from '../core/catalogue.js';
import { computeResult } from '../shared/scoring.js';
import type { Progress } from '../shared/progress.js';
import { choiceLetter, shorten } from '../shared/activity-ids.js';
import { maskLetters, type CourseMap } from './course-map.js';
import type { DimensionStats, GroupStats, ItemFlag, ItemStats, RecordAt, RecordEvent, ReportData, ScenarioStats, ScoreStats } from './types.js';
import { histogram, mean, median, PointBiserial, round } from './stats.js';

/** Item flags (docs/report.md): too easy above, too hard below, and only with at least this many answers. */
export const TOO_EASY = 0.9;
export const TOO_HARD = 0.3;
export const FLAG_MIN_N = 5;
export const DEFAULT_MIN_GROUP = 5;

interface Attempt {
  learner: string;
  order: string;
  group: string | null;
  /** Per question: 0 not answered, 1 first answer wrong, 2 first answer right. */
  first: Uint8Array;
  /** Per question: 1 when the first answer was marked as such by the record itself (xAPI counts-for-score). */
  marked: Uint8Array;
  /** Per question: the choices of the first answer, a bit each. */
  mask: Uint32Array;
  /** Per scenario: the scene the current play is on (-1: none). */
  at: Int16Array;
  /** Per scenario: the current play, `<scene>:<choice letters>`. */
  path: string[];
  /** Per scenario: the first play's ending scene (-1: none yet). */
  ending: Int16Array;
  /** Per scenario: the first play's path. */
  firstPath: (string | null)[];
  /** Per scenario: plays after the first. */
  replays: Uint16Array;
  /** The course said it was completed (xAPI). */
  completed: boolean;
  /** Its source says when the course is complete (Who.tellsCompletion). */
  tells: boolean;
  recorded: number | null;
  last: string;
}

interface Counted {
  count: number;
  at: RecordAt;
  examples: Set<string>;
}

export interface AggregateOptions {
  groupBy?: string | null;
  minGroup?: number;
}

export class Aggregator {
  private attempts = new Map<string, Attempt>();
  private counted = new Map<string, Counted>();
  read = 0;
  used = 0;
  unknown = 0;
  skipped = 0;
  private groupSeen = false;
  readonly errors: Diagnostic[] = [];

  constructor(readonly map: CourseMap, readonly options: AggregateOptions = {}) {}

  /** One record read from a source (a row, a statement): counted, whatever becomes of it. */
  record(): void {
    this.read++;
    this.counting = true;
  }

  /** The record being read has not been counted as used yet. */
  private counting = false;

  /** A record the course does not know (unknown interaction or activity id). */
  unknownRecord(at: RecordAt, id: string): void {
    this.unknown++;
    this.count('IR705', at, id);
  }

  /** A record the report cannot use. */
  skip(at: RecordAt, why: string): void {
    this.skipped++;
    this.count('IR712', at, why);
  }

  error(d: Diagnostic): void {
    this.errors.push(d);
  }

  private count(code: DiagnosticCode, at: RecordAt, example: string): void {
    const key = code + '\u0000' + at.source;
    let c = this.counted.get(key);
    if (!c) this.counted.set(key, (c = { count: 0, at, examples: new Set() }));
    c.count++;
    if (c.examples.size < 5) c.examples.add(example);
  }

  private state(e: RecordEvent): Attempt {
    const key = e.learner + '\u0000' + e.attempt;
    let a = this.attempts.get(key);
    if (!a) {
      const q = this.map.questions.length;
      const s = this.map.scenarios.length;
      a = {
        learner: e.learner,
        order: e.order,
        group: null,
        first: new Uint8Array(q),
        marked: new Uint8Array(q),
        mask: new Uint32Array(q),
        at: new Int16Array(s).fill(-1),
        path: new Array<string>(s).fill(''),
        ending: new Int16Array(s).fill(-1),
        firstPath: new Array<string | null>(s).fill(null),
        replays: new Uint16Array(s),
        completed: false,
        tells: false,
        recorded: null,
        last: '',
      };
      this.attempts.set(key, a);
    }
    if (e.tellsCompletion) a.tells = true;
    if (e.group !== undefined && e.group !== null && e.group !== '' && a.group === null) {
      a.group = e.group;
      this.groupSeen = true;
    }
    return a;
  }

  add(e: RecordEvent, at: RecordAt): void {
    if (this.counting) {
      this.used++;
      this.counting = false;
    }
    const a = this.state(e);
    switch (e.kind) {
      case 'seen':
        return;
      case 'answer': {
        const q = this.map.questions[e.question]!;
        this.checkPattern(at, q.question.id, e.correctPattern, q.pattern);
        if (e.first === false || (a.marked[e.question] && e.first === undefined)) return;
        if (a.first[e.question] && !(e.first && !a.marked[e.question])) return;
        a.first[e.question] = e.mask === q.correctMask ? 2 : 1;
        a.mask[e.question] = e.mask;
        if (e.first) a.marked[e.question] = 1;
        return;
      }
      case 'choice': {
        const s = this.map.scenarios[e.scenario]!;
        this.checkPattern(at, `${s.scenario.id}.${s.scenario.scenes[e.scene]!.id}`, e.correctPattern, s.patterns[e.scene]!);
        if (e.at !== undefined) {
          if (a.last && e.at < a.last) this.count('IR713', at, e.at);
          a.last = e.at;
        }
        // A choice in the start scene begins a play; a choice elsewhere continues one (or one resumed mid-way).
        if (e.scene === s.start || a.at[e.scenario] !== e.scene) a.path[e.scenario] = e.scene + ':';
        a.path[e.scenario] += choiceLetter(e.choice);
        const next = s.targets[e.scene]![e.choice] ?? -1;
        if (next >= 0 && s.scenario.scenes[next]!.ending) {
          this.ended(a, e.scenario, next, a.path[e.scenario]!);
          a.at[e.scenario] = -1;
        } else {
          a.at[e.scenario] = next;
        }
        return;
      }
      case 'ending':
        // The record names the ending the first play reached (xAPI counts-for-score): it wins over the walk.
        if (e.first && a.ending[e.scenario] !== e.scene) {
          a.ending[e.scenario] = e.scene;
          if (a.firstPath[e.scenario] === null) a.firstPath[e.scenario] = '';
        }
        return;
      case 'course-completed':
        a.completed = true;
        if (e.score !== null) a.recorded = e.score;
        return;
      case 'recorded-score':
        a.recorded = e.score;
        return;
    }
  }

  private ended(a: Attempt, scenario: number, scene: number, path: string): void {
    if (a.ending[scenario]! < 0) {
      a.ending[scenario] = scene;
      a.firstPath[scenario] = path;
    } else {
      a.replays[scenario]!++;
    }
  }

  private checkPattern(at: RecordAt, id: string, recorded: string | null | undefined, expected: string): void {
    if (recorded === undefined || recorded === null) return;
    const norm = (p: string) => p.split(/\[,\]|,/).map((x) => x.trim()).filter(Boolean).sort().join(',');
    if (norm(recorded) !== norm(expected)) this.count('IR706', at, `${id}: ${recorded} (course: ${expected || 'none'})`);
  }

  /** The progress SPEC §3 scores: the attempt's first answers and first endings, every page taken as viewed. */
  private progress(a: Attempt): Progress {
    return {
      pages: [],
      questions: Array.from(a.first, (f) => ({ first: f === 0 ? null : f === 2, last: [] })),
      scenarios: Array.from(a.ending, (ending) => ({ ending: ending < 0 ? null : ending, scene: 0 })),
      at: 0,
    };
  }

  finish(): ReportData {
    const { course } = this.map;
    const passing = course.passingScore;
    const minGroup = this.options.minGroup ?? DEFAULT_MIN_GROUP;

    // Each learner's counting attempt: the first complete one, else the first.
    interface Scored {
      a: Attempt;
      score: number;
      complete: boolean;
      passed: boolean;
      dims: Map<string, number>;
    }
    const byLearner = new Map<string, { count: number; pick: Scored | null; completed: boolean; passed: boolean; group: string | null }>();
    for (const a of this.attempts.values()) {
      const r = computeResult(course, this.progress(a));
      const itemsDone = allDone(a);
      // Answers and endings alone do not make an xAPI attempt complete: its pages may be unread.
      const complete = a.completed || (!a.tells && itemsDone);
      const passed = complete && passing !== null && (r.possible <= 0 || r.score >= passing);
      if (complete && a.recorded !== null && a.recorded !== r.score && itemsDone) {
        // The example names no learner: diagnostics go into the report, which must single out nobody.
        this.count('IR714', { source: '', line: 0 }, `recorded ${a.recorded}, recomputed ${r.score}`);
      }
      const dims = new Map<string, number>();
      for (const d of r.dimensions) if (d.status !== 'incomplete') dims.set(d.id, d.score);
      const s: Scored = { a, score: r.score, complete, passed, dims };
      let l = byLearner.get(a.learner);
      if (!l) byLearner.set(a.learner, (l = { count: 0, pick: null, completed: false, passed: false, group: null }));
      l.count++;
      l.completed ||= complete;
      l.passed ||= passed;
      if (l.group === null) l.group = a.group;
      if (!l.pick || better(s, l.pick)) l.pick = s;
    }
    const learners = [...byLearner.values()];
    const picks = learners.map((l) => l.pick!);

    const dimensionStats = (list: Scored[]): DimensionStats[] =>
      // RuntimeCourse.dimensions holds only the dimensions some item uses, as SPEC §3 reports them.
      course.dimensions.map((d) => {
          const scores = list.flatMap((p) => (p.dims.has(d.id) ? [p.dims.get(d.id)!] : []));
          return {
            id: d.id,
            n: scores.length,
            mean: round(mean(scores), 2),
            median: round(median(scores), 2),
            passRate: passing === null || !scores.length ? null : round(scores.filter((x) => x >= passing).length / scores.length, 4),
            label: d.label,
            histogram: histogram(scores),
          };
        });
    const scoreStats = (list: Scored[]): ScoreStats => {
      const scores = list.filter((p) => p.complete).map((p) => p.score);
      return { n: scores.length, mean: round(mean(scores), 2), median: round(median(scores), 2) };
    };

    const items = this.items(picks.map((p) => p.a));
    const scenarios = this.scenarios(picks.map((p) => p.a));

    let groups: GroupStats[] | undefined;
    let grouping: ReportData['grouping'] = null;
    if (this.options.groupBy) {
      if (!this.groupSeen) this.count('IR715', { source: '', line: 0 }, this.options.groupBy);
      const byGroup = new Map<string, typeof learners>();
      for (const l of learners) {
        const key = l.group ?? '';
        const list = byGroup.get(key) ?? [];
        list.push(l);
        byGroup.set(key, list);
      }
      const all = [...byGroup.entries()].map(([value, list]) => ({ value, list })).sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
      const small = new Set(all.filter((g) => g.list.length < minGroup).map((g) => g.value));
      // One suppressed group could be worked out as the total minus the others: suppress the next smallest too.
      if (small.size === 1 && all.length > 1) {
        const rest = all.filter((g) => !small.has(g.value)).sort((x, y) => x.list.length - y.list.length);
        if (rest[0]) small.add(rest[0].value);
      }
      groups = all
        .filter((g) => !small.has(g.value))
        .map(({ value, list }) => {
          const ps = list.map((l) => l.pick!);
          return {
            value,
            learners: list.length,
            attempts: list.reduce((n, l) => n + l.count, 0),
            completed: list.filter((l) => l.completed).length,
            passed: list.filter((l) => l.passed).length,
            score: scoreStats(ps),
            dimensions: dimensionStats(ps),
          };
        });
      grouping = { field: this.options.groupBy, minGroup, suppressed: small.size };
    }

    const diagnostics: Diagnostic[] = [...this.errors];
    if (this.read > 0 && this.used === 0 && !this.errors.length) {
      diagnostics.push({
        severity: 'error',
        code: 'IR704',
        message: `none of the ${this.read} records names a question, scene or activity of ${course.title} ${course.version}`,
        file: '',
        line: 0,
        column: 0,
        hint: 'Pass the course (folder or package) these records were made with; for an LRS, `--activity` names the course activity id the LMS launched with.',
      });
    }
    for (const [key, c] of this.counted) {
      const code = key.split('\u0000')[0] as DiagnosticCode;
      diagnostics.push(countedDiagnostic(code, c));
    }

    const data: ReportData = {
      course: { id: course.id, version: course.version, title: course.title, language: course.language, passingScore: passing },
      learners: learners.length,
      attempts: this.attempts.size,
      completed: learners.filter((l) => l.completed).length,
      passed: learners.filter((l) => l.passed).length,
      dimensions: dimensionStats(picks),
      items,
      scenarios,
      score: scoreStats(picks),
      grouping,
      prePost: null,
      records: { read: this.read, used: this.used, unknown: this.unknown, skipped: this.skipped },
      diagnostics,
    };
    if (groups) data.groups = groups;
    return data;

    function allDone(a: Attempt): boolean {
      return a.first.every((f) => f !== 0) && a.ending.every((e) => e >= 0);
    }
    function better(s: Scored, than: Scored): boolean {
      if (s.complete !== than.complete) return s.complete;
      return s.a.order < than.a.order;
    }
  }

  private items(picks: Attempt[]): ItemStats[] {
    const { questions, scenarios } = this.map;
    // Each item's points earned × 100 per attempt, and the attempt's total, for the rest score.
    const totals = picks.map((a) => {
      let t = 0;
      a.first.forEach((f, i) => f === 2 && (t += questions[i]!.question.points * 100));
      a.ending.forEach((e, i) => e >= 0 && (t += scenarios[i]!.scenario.points * scenarios[i]!.scenario.scenes[e]!.ending!.score));
      return t;
    });
    return questions.map((q, qi) => {
      const pb = new PointBiserial();
      const letters = q.question.choices.map(() => 0);
      const responses = new Map<number, number>();
      let right = 0;
      picks.forEach((a, ai) => {
        const f = a.first[qi]!;
        if (!f) return;
        const x = f === 2 ? 1 : 0;
        right += x;
        pb.add(x, (totals[ai]! - x * q.question.points * 100) / 100);
        const m = a.mask[qi]!;
        for (let i = 0; i < letters.length; i++) if ((m >>> i) & 1) letters[i]!++;
        responses.set(m, (responses.get(m) ?? 0) + 1);
      });
      const n = pb.n;
      const p = n ? right / n : null;
      const r = pb.r;
      const flags: ItemFlag[] = [];
      if (n >= FLAG_MIN_N && p !== null) {
        if (p > TOO_EASY) flags.push('too-easy');
        if (p < TOO_HARD) flags.push('too-hard');
        if (r !== null && r < 0) flags.push('negative-discrimination');
      }
      return {
        id: q.question.id,
        dimension: q.question.dimension,
        n,
        p: round(p, 4),
        discrimination: round(r, 4),
        choices: q.question.choices.map((c, i) => ({ response: choiceLetter(i), count: letters[i]!, text: c.text, correct: c.correct })),
        flags,
        prompt: shorten(q.question.promptText, 120),
        responses: [...responses.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([m, count]) => ({ response: maskLetters(m), count })),
      };
    });
  }

  private scenarios(picks: Attempt[]): ScenarioStats[] {
    return this.map.scenarios.map((s, si) => {
      const sc = s.scenario;
      const endings = new Map<number, number>();
      const paths = new Map<string, number>();
      const choices = new Map<string, { scene: number; choice: number; plays: number; fails: number }>();
      let n = 0;
      for (const a of picks) {
        const e = a.ending[si]!;
        if (e < 0) continue;
        n++;
        endings.set(e, (endings.get(e) ?? 0) + 1);
        const fail = sc.scenes[e]!.ending!.outcome === 'fail';
        const fp = a.firstPath[si];
        if (!fp) continue;
        const steps = this.walk(si, fp);
        const named = steps.map((st) => sc.scenes[st.scene]!.id).concat(sc.scenes[e]!.id).join(' → ');
        paths.set(named, (paths.get(named) ?? 0) + 1);
        for (const st of steps) {
          const k = st.scene + ':' + st.choice;
          let c = choices.get(k);
          if (!c) choices.set(k, (c = { scene: st.scene, choice: st.choice, plays: 0, fails: 0 }));
          c.plays++;
          if (fail) c.fails++;
        }
      }
      return {
        id: sc.id,
        n,
        endings: sc.scenes.flatMap((scene, i) => (scene.ending ? [{ scene: scene.id, outcome: scene.ending.outcome, count: endings.get(i) ?? 0, title: scene.title }] : [])),
        title: sc.title,
        dimension: sc.dimension,
        paths: [...paths.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([path, count]) => ({ path, count })),
        failChoices: [...choices.values()]
          .filter((c) => c.fails > 0)
          .sort((x, y) => y.fails - x.fails || y.fails / y.plays - x.fails / x.plays || x.scene - y.scene || x.choice - y.choice)
          .map((c) => ({ scene: sc.scenes[c.scene]!.id, choice: choiceLetter(c.choice), text: sc.scenes[c.scene]!.choices[c.choice]!.text, plays: c.plays, fails: c.fails })),
        replays: [...this.attempts.values()].reduce((r, a) => r + a.replays[si]!, 0),
      };
    });
  }

  /** The steps of a stored path `<scene>:<letters>`. */
  private walk(si: number, path: string): { scene: number; choice: number }[] {
    const s = this.map.scenarios[si]!;
    const colon = path.indexOf(':');
    let scene = Number(path.slice(0, colon));
    const out: { scene: number; choice: number }[] = [];
    for (const ch of path.slice(colon + 1)) {
      const choice = ch.charCodeAt(0) - 97;
      out.push({ scene, choice });
      scene = s.targets[scene]?.[choice] ?? -1;
      if (scene < 0) break;
    }
    return out;
  }
}

const WHAT: Partial<Record<DiagnosticCode, string>> = {
  IR705: 'records name interactions or activities this course does not have; they are left out',
  IR706: 'records give another right answer than this course',
  IR712: 'records were skipped',
  IR713: 'statements came older than the one before them in the same attempt; scenario paths may be misread',
  IR714: 'attempts have a recorded course score other than the one SPEC §3 gives for their answers',
  IR715: 'no record carries the --group-by field',
};

function countedDiagnostic(code: DiagnosticCode, c: Counted): Diagnostic {
  const examples = [...c.examples].join('; ');
  const message = code === 'IR715' ? `no record carries the field \`${examples}\`; there is no group view` : `${c.count} ${WHAT[code] ?? ''} (e.g. ${examples})`;
  return { severity: 'warning', code, message, file: c.at.source, line: c.at.line, column: c.at.line ? 1 : 0 };
}

