/**
 * A package target: everything `compile()` needs to know about one kind of
 * package, behind one interface, so that compile, the CLI, the build script,
 * the tool's asset loader and the bench loop over the registry
 * (./registry.ts) and never name a target.
 */
import type { DiagnosticCode } from '../core/catalogue.js';
import type { PackageTarget, RuntimeCourse } from '../shared/runtime-types.js';
import { worstCaseStateLength } from '../shared/state-codec.js';

export interface TargetProblem {
  code: DiagnosticCode;
  message: string;
}

/** The files of the tool a target ships at the package root, each at the same relative path. */
export interface ShippedFiles {
  /** Folder under the tool's root, e.g. `schemas/scorm12`. */
  from: string;
  names: readonly string[];
}

export interface Target {
  readonly id: PackageTarget;
  /** How people name it, e.g. `SCORM 1.2`. */
  readonly label: string;
  /** What it is for, a few words after the label in `--help`. */
  readonly summary: string;
  /** The player's esbuild entry (tool root relative); bundled to `player-dist/<id>/player.js`. */
  readonly playerEntry: string;
  /** The tool's own files the package carries (the official schemas). */
  readonly shipped: ShippedFiles | null;
  /**
   * The build-time checks for this target, reported at course.yml:1:1:
   * required course.yml keys, and, when the course is `sound` (no errors so
   * far, so its structure is final), the state-size proof against the
   * target's own limit.
   */
  check(course: RuntimeCourse, sound: boolean): TargetProblem[];
  /**
   * The files this target adds (its manifest), given the package's other
   * file names (the player's files and the shipped ones), sorted.
   */
  manifests(course: RuntimeCourse, files: readonly string[]): Map<string, string>;
}

/**
 * The state-size proof: every state of a course encodes to the same length
 * (src/shared/state-codec.ts), so this is exact, not an estimate.
 */
export function stateSizeProblems(course: RuntimeCourse, limit: number, code: DiagnosticCode, label: string): TargetProblem[] {
  const worst = worstCaseStateLength(course);
  return worst > limit ? [{ code, message: `progress data could reach ${worst} characters; ${label} keeps at most ${limit}` }] : [];
}

/** Each file a target ships: its name in the package and its path under the tool's root. */
export function shippedFiles(t: Target): { name: string; toolPath: string }[] {
  return t.shipped ? t.shipped.names.map((name) => ({ name, toolPath: `${t.shipped!.from}/${name}` })) : [];
}
