/**
 * LMS behaviours as tested models (GitHub issue 10). scorm-again is a correct
 * SCORM 1.2 run-time; real LMSs store a commit their own way and credit
 * completion and grade on their own triggers. Each model here replays the API
 * calls a play made (the stand-in LMS's log, test/helpers/lms-host.ts, or
 * `recordCalls` around an in-process run-time) and says what that LMS would hold:
 * - moodle.ts: Moodle ≤ 4.2, 4.3.0 and ≥ 4.3.3 (mod_scorm), from Moodle's code;
 * - chamilo.ts: Chamilo 1.11 learning paths, one attempt and multiple attempts.
 * docs/lms-compatibility.md explains the protocol these models check.
 */
import { expect } from 'vitest';
import { firstSpelling } from '../../../src/player/transport/scorm12.js';
import type { LmsCall } from '../lms-host.js';
import { ChamiloModel } from './chamilo.js';
import { MoodleModel, type MoodleSettings } from './moodle.js';
import type { LmsModel, ModelOutcome } from './types.js';

export { ChamiloModel, MoodleModel };
export type { LmsModel, ModelOutcome };

/** The Moodle activity settings the README recommends: "Require status" Passed and Completed, "Require grade". */
export function moodleSettings(masteryScore: number | null): MoodleSettings {
  return { requireStatus: ['passed', 'completed'], requireGrade: true, minScore: null, masteryOverride: true, masteryScore };
}

/** A fresh instance of every model, for a package whose adlcp:masteryscore is `masteryScore`. */
export function lmsModels(masteryScore: number | null): LmsModel[] {
  return [
    new MoodleModel('v4.2', moodleSettings(masteryScore)),
    new MoodleModel('v4.3.0', moodleSettings(masteryScore)),
    new MoodleModel('v4.3.3', moodleSettings(masteryScore)),
    new ChamiloModel({ preventReinit: true, masteryScore }),
    new ChamiloModel({ preventReinit: false, masteryScore }),
  ];
}

/** Replays the launches, in order, into fresh models; what each one holds at the end. */
export function replay(sessions: ReadonlyArray<readonly LmsCall[]>, masteryScore: number | null, models = lmsModels(masteryScore)): Record<string, ModelOutcome> {
  const out: Record<string, ModelOutcome> = {};
  for (const m of models) {
    for (const calls of sessions) m.session(calls);
    out[m.name] = m.outcome();
  }
  return out;
}

export interface Credit {
  status: string;
  /** The course's score (0-100), or null for a course with nothing scored. */
  score: number | null;
}

/** What a model should hold when it credits `expected`: completion exactly for completed/passed, the score as the grade. */
function credited(expected: Credit) {
  const grade = expected.score ?? 0;
  return { status: expected.status, completion: expected.status === 'completed' || expected.status === 'passed', grade, score: grade };
}

/**
 * Every model, fed these launches, ends with the status, completion credited (for
 * completed or passed) and the grade equal to the course's score.
 */
export function expectCreditedByEveryModel(sessions: ReadonlyArray<readonly LmsCall[]>, expected: Credit, masteryScore: number | null, label = 'LMS models'): void {
  const got = replay(sessions, masteryScore);
  const want: Record<string, ReturnType<typeof credited>> = {};
  const seen: Record<string, ReturnType<typeof credited>> = {};
  for (const [name, o] of Object.entries(got)) {
    want[name] = credited(expected);
    seen[name] = { status: o.status, completion: o.completion, grade: o.grade ?? NaN, score: o.score === '' ? 0 : Number(o.score) };
  }
  expect(seen, label).toEqual(want);
}

/** A Scorm12API-like object whose calls are logged as the stand-in LMS logs them. */
export function recordCalls<A extends object>(api: A): { api: A; calls: LmsCall[] } {
  const calls: LmsCall[] = [];
  const target = api as Record<string, unknown>;
  const start = Date.now();
  const proxy = new Proxy(target, {
    get(t, key) {
      const f = t[key as string];
      if (typeof f !== 'function' || !/^LMS(Initialize|Finish|Commit|SetValue|GetValue)$/.test(String(key))) return f;
      return (...args: unknown[]) => {
        const result = (f as (...a: unknown[]) => unknown).apply(t, args);
        const error = String((t.LMSGetLastError as () => unknown).call(t));
        calls.push({ fn: String(key), args: args.map(String), result: String(result), error, t: Date.now() - start });
        return result;
      };
    },
  });
  return { api: proxy as A, calls };
}

/** Index of the final protocol's first score write (its first spelling) and of the score as written after the status. */
function protocolWrites(calls: readonly LmsCall[]): { early: number; last: number } {
  const raw = (c: LmsCall) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.score.raw' && c.result === 'true';
  for (let last = calls.length - 1; last >= 0; last--) {
    if (!raw(calls[last]!)) continue;
    const early = calls.findIndex((c, i) => i < last && raw(c) && c.args[1] === firstSpelling(calls[last]!.args[1]!));
    if (early >= 0) return { early, last };
  }
  throw new Error('no final protocol in this call log: no score written in its first spelling, then as written');
}

/**
 * The player's call order before issue 10, from a log of today's: the final score,
 * min, max and status set together and sent in one LMSCommit (the first-spelling
 * write and the commits between it and the score's last write removed).
 */
export function oldCallOrder(calls: readonly LmsCall[]): LmsCall[] {
  const { early, last } = protocolWrites(calls);
  return calls.filter((c, i) => i !== early && !(c.fn === 'LMSCommit' && i > early && i < last));
}

/** The order the issue proposed: status in its own commit, then the score; no score before the status. */
export function statusThenScoreOnly(calls: readonly LmsCall[]): LmsCall[] {
  const { early } = protocolWrites(calls);
  return calls.filter((_, i) => i !== early);
}

/** The commits of one launch's log: for each LMSCommit/LMSFinish the LMS took, `element=value` of the writes it took since the last one. */
export function commits(calls: readonly LmsCall[]): string[][] {
  const out: string[][] = [];
  let batch: string[] = [];
  for (const c of calls) {
    if (c.result !== 'true') continue;
    if (c.fn === 'LMSSetValue') batch.push(`${c.args[0]}=${c.args[1]}`);
    else if (c.fn === 'LMSCommit' || c.fn === 'LMSFinish') {
      out.push(batch);
      batch = [];
    }
  }
  return out;
}

/**
 * The final protocol in a launch's log: the commits that carry the score or a final
 * status are, in order, [score first spelt (with min, max and whatever else was
 * pending)], [the status alone], [the score as written].
 */
export function expectFinalProtocol(calls: readonly LmsCall[], expected: { status: string; score: number }, label = 'final protocol'): void {
  const raw = String(expected.score);
  const finalWrite = /^cmi\.core\.(score\.raw|lesson_status)=(?!incomplete$)/;
  const carrying = commits(calls).filter((b) => b.some((w) => finalWrite.test(w)));
  expect(
    carrying.map((b) => b.filter((w) => finalWrite.test(w))),
    label,
  ).toEqual([[`cmi.core.score.raw=${firstSpelling(raw)}`], [`cmi.core.lesson_status=${expected.status}`], [`cmi.core.score.raw=${raw}`]]);
  expect(carrying[0], `${label}: min and max with the first score`).toEqual(expect.arrayContaining(['cmi.core.score.min=0', 'cmi.core.score.max=100']));
  expect(carrying[1], `${label}: the status in a commit of its own`).toEqual([`cmi.core.lesson_status=${expected.status}`]);
}
