/**
 * Moodle's SCORM 1.2 activity (mod_scorm) as a model: what its player's API posts
 * on each LMSCommit/LMSFinish, in which order, and when the server re-grades the
 * attempt and re-evaluates activity completion. Reproduced from Moodle's own code;
 * every rule names its source. "v4.3.0" is moodle/moodle at the "Moodle release 4.3"
 * commit fe7aff8093240cc373f1ddaa66ecb91c4bc0a09f, "v4.2.0" at "Moodle release 4.2"
 * ae4efa96ee8169a848c141ad21690165ea791552 (line numbers are of those files);
 * mod/scorm/datamodels/scorm_12.js is the same file in both.
 *
 * The client half (scorm_12.js) is the same in every version; the server half
 * differs in one place, the test that decides whether a stored status re-grades:
 * - 'v4.2' (≤ 4.2, table scorm_scoes_track): locallib.php v4.2.0 lines 532-539
 *   update `$track->value = $value`, so lines 555-562 test the new value.
 * - 'v4.3.0' (MDL-46279, table scorm_scoes_value): v4.3.0 lines 538-548 write the
 *   new value through a new `$v` and leave `$track->value` as it was, so lines
 *   560-568 test the value stored before: an update from `incomplete` to
 *   `passed` re-grades nothing. An insert (no row yet) tests the new value.
 * - 'v4.3.3' (MDL-79967, in 4.3.x after 4.3.0, 4.4, 4.5): the test reads `$value`
 *   (read in Moodle 4.4.0's locallib.php, mod_scorm 2024042200).
 *
 * Settings modelled (the README's): one SCO, Grading method "Highest grade",
 * Maximum grade 100, one attempt, Force completed "No", Mastery score overrides
 * status as configured, and activity completion by "Require status" (Passed and/or
 * Completed), "Require grade" and "Require minimum score".
 */
import type { LmsCall } from '../lms-host.js';
import type { LmsModel, ModelOutcome } from './types.js';

export type MoodleVersion = 'v4.2' | 'v4.3.0' | 'v4.3.3';

export interface MoodleSettings {
  /** Activity completion "Require status": the statuses ticked (lib.php scorm_status_options(): Passed, Completed). */
  requireStatus: Array<'passed' | 'completed'>;
  /** Activity completion "Require grade" (completionusegrade). */
  requireGrade: boolean;
  /** Activity completion "Require minimum score" (completionscorerequired), or null. */
  minScore: number | null;
  /** Compatibility settings "Mastery score overrides status" (masteryoverride; Moodle's default is Yes). */
  masteryOverride: boolean;
  /** adlcp:masteryscore of the package, which Moodle serves as cmi.student_data.mastery_score. */
  masteryScore: number | null;
}

type Mod = 'r' | 'w' | 'rw';
/** How scorm_12.js sets an element's defaultvalue: from the server's saved data ('def'), a literal, or none. */
type Def = { from: 'def' } | { value: string } | null;

/** scorm_12.js lines 66-124: the data model, in its order (which fixes the order of the cmi object's properties). */
const DATAMODEL: Array<[string, Mod, Def]> = [
  ['cmi._children', 'r', { value: '' }],
  ['cmi._version', 'r', { value: '3.4' }],
  ['cmi.core._children', 'r', { value: '' }],
  ['cmi.core.student_id', 'r', { from: 'def' }],
  ['cmi.core.student_name', 'r', { from: 'def' }],
  ['cmi.core.lesson_location', 'rw', { from: 'def' }],
  ['cmi.core.credit', 'r', { from: 'def' }],
  ['cmi.core.lesson_status', 'rw', { from: 'def' }],
  ['cmi.core.entry', 'r', { from: 'def' }],
  ['cmi.core.score._children', 'r', { value: '' }],
  ['cmi.core.score.raw', 'rw', { from: 'def' }],
  ['cmi.core.score.max', 'rw', { from: 'def' }],
  ['cmi.core.score.min', 'rw', { from: 'def' }],
  ['cmi.core.total_time', 'r', { from: 'def' }],
  ['cmi.core.lesson_mode', 'r', { from: 'def' }],
  ['cmi.core.exit', 'w', { from: 'def' }],
  ['cmi.core.session_time', 'w', { value: '00:00:00' }],
  ['cmi.suspend_data', 'rw', { from: 'def' }],
  ['cmi.launch_data', 'r', { from: 'def' }],
  ['cmi.comments', 'rw', { from: 'def' }],
  ['cmi.evaluation.comments._count', 'r', { value: '0' }],
  ['cmi.evaluation.comments._children', 'r', { value: '' }],
  ['cmi.evaluation.comments.n.content', 'rw', { value: '' }],
  ['cmi.evaluation.comments.n.location', 'rw', { value: '' }],
  ['cmi.evaluation.comments.n.time', 'rw', { value: '' }],
  ['cmi.comments_from_lms', 'r', null],
  ['cmi.objectives._children', 'r', { value: '' }],
  ['cmi.objectives._count', 'r', { value: '0' }],
  ['cmi.objectives.n.id', 'rw', null],
  ['cmi.objectives.n.score._children', 'r', null],
  ['cmi.objectives.n.score.raw', 'rw', { value: '' }],
  ['cmi.objectives.n.score.min', 'rw', { value: '' }],
  ['cmi.objectives.n.score.max', 'rw', { value: '' }],
  ['cmi.objectives.n.status', 'rw', null],
  ['cmi.student_data._children', 'r', { value: '' }],
  ['cmi.student_data.mastery_score', 'r', { from: 'def' }],
  ['cmi.student_data.max_time_allowed', 'r', { from: 'def' }],
  ['cmi.student_data.time_limit_action', 'r', { from: 'def' }],
  ['cmi.student_preference._children', 'r', { value: '' }],
  ['cmi.student_preference.audio', 'rw', { from: 'def' }],
  ['cmi.student_preference.language', 'rw', { from: 'def' }],
  ['cmi.student_preference.speed', 'rw', { from: 'def' }],
  ['cmi.student_preference.text', 'rw', { from: 'def' }],
  ['cmi.interactions._children', 'r', { value: '' }],
  ['cmi.interactions._count', 'r', { value: '0' }],
  ['cmi.interactions.n.id', 'w', null],
  ['cmi.interactions.n.objectives._count', 'r', { value: '0' }],
  ['cmi.interactions.n.objectives.n.id', 'w', null],
  ['cmi.interactions.n.time', 'w', null],
  ['cmi.interactions.n.type', 'w', null],
  ['cmi.interactions.n.correct_responses._count', 'r', { value: '0' }],
  ['cmi.interactions.n.correct_responses.n.pattern', 'w', null],
  ['cmi.interactions.n.weighting', 'w', null],
  ['cmi.interactions.n.student_response', 'w', null],
  ['cmi.interactions.n.result', 'w', null],
  ['cmi.interactions.n.latency', 'w', null],
];

/** scorm_12.js CMIIndex: `cmi.interactions_0.id` and `cmi.interactions.0.id` both name `cmi.interactions.n.id`. */
const generic = (element: string) => element.replace(/[._](\d+)\./g, '.n.');
const STATUS_ELEMENTS = ['cmi.completion_status', 'cmi.core.lesson_status', 'cmi.success_status'];

interface Entry {
  mod: Mod;
  defaultvalue?: string;
}
type Tree = { [key: string]: Tree | string };

/** One launch of Moodle's SCORM 1.2 player: scorm_12.js's `cmi` object and `datamodel` table. */
class MoodlePlayer {
  readonly cmi: Tree;
  private readonly datamodel = new Map<string, Entry>();

  constructor(saved: ReadonlyMap<string, string>) {
    // initdatamodel(), lines 135-144: the objects first, so cmi.core.score comes before every other core element.
    this.cmi = { core: { score: {} }, objectives: {}, student_data: {}, student_preference: {}, interactions: {}, evaluation: { comments: {} } };
    for (const [element, mod, def] of DATAMODEL) {
      const defaultvalue = def === null ? undefined : 'from' in def ? saved.get(element) ?? '' : def.value;
      this.datamodel.set(element, defaultvalue === undefined ? { mod } : { mod, defaultvalue });
      // Lines 149-157: every element without `.n.` gets its default, or "".
      if (!element.includes('.n.')) this.put(element, defaultvalue ?? '');
    }
    // Lines 159-160 (eval(cmiobj), eval(cmiint)): what the attempt holds of the collections; committed already.
    for (const [element, value] of saved) {
      if (element === generic(element)) continue;
      this.put(element, value);
      this.datamodel.set(element, { mod: this.datamodel.get(generic(element))!.mod, defaultvalue: value });
    }
    // Lines 162-164.
    const core = this.cmi.core as Tree;
    if (core.lesson_status === '') core.lesson_status = 'not attempted';
  }

  /** LMSSetValue's store (lines 314-356): a collection member is an object named `<collection>_<n>`, made on first use. */
  put(element: string, value: string): void {
    const parts = element.split('.');
    let node = this.cmi;
    let name = 'cmi';
    for (let i = 1; i < parts.length - 1; i++) {
      let key = parts[i]!;
      if (/^\d+$/.test(parts[i + 1]!)) key = `${key}_${parts[++i]}`;
      name += '.' + key;
      if (typeof node[key] !== 'object') {
        const made: Tree = {};
        if (name.startsWith('cmi.objectives')) made.score = { _children: '', raw: '', min: '', max: '' };
        if (name.startsWith('cmi.interactions')) Object.assign(made, { objectives: { _count: '0' }, correct_responses: { _count: '0' } });
        node[key] = made;
      }
      node = node[key] as Tree;
    }
    node[parts[parts.length - 1]!] = value;
  }

  get(element: string): string {
    let node: Tree | string = this.cmi;
    for (const p of element.split('.').slice(1)) node = typeof node === 'object' ? node[p] ?? '' : '';
    return typeof node === 'string' ? node : '';
  }

  /**
   * CollectData(), lines 549-606: walks `cmi` in property order and posts each writable
   * element whose value differs from what was last committed (its defaultvalue), or that
   * has none yet; session_time never (LMSFinish posts total_time instead).
   */
  collect(node: Tree = this.cmi, parent = 'cmi', out: Array<[string, string]> = []): Array<[string, string]> {
    for (const property in node) {
      const value = node[property]!;
      const element = `${parent}.${property}`;
      if (typeof value === 'object') {
        this.collect(value, element, out);
        continue;
      }
      if (element === 'cmi.core.session_time') continue;
      let entry = this.datamodel.get(element);
      const model = this.datamodel.get(generic(element));
      if (!entry && model) this.datamodel.set(element, (entry = { ...model }));
      if (!entry || entry.mod === 'r') continue;
      if (entry.defaultvalue === undefined || entry.defaultvalue !== value) {
        out.push([element, value]);
        entry.defaultvalue = value;
      }
    }
    return out;
  }
}

/** The server: mod/scorm/datamodel.php, locallib.php scorm_insert_track(), lib.php scorm_update_grades(). */
export class MoodleModel implements LmsModel {
  readonly name: string;
  /** The attempt's tracks (scorm_scoes_track / scorm_scoes_value), element → value. */
  readonly tracks = new Map<string, string>();
  /** Every request the player sent: the elements of one commit, in the order posted. */
  readonly posts: Array<Array<[string, string]>> = [];
  private grade: number | null = null;
  private complete = false;

  constructor(
    readonly version: MoodleVersion,
    readonly settings: MoodleSettings,
  ) {
    this.name = `Moodle ${version === 'v4.2' ? '≤ 4.2' : version === 'v4.3.0' ? '4.3.0' : '≥ 4.3.3'}`;
  }

  session(calls: readonly LmsCall[]): void {
    let player: MoodlePlayer | null = null;
    for (const c of calls) {
      // What the LMS refused did not happen (the stand-in LMS decides, as Moodle's own checks would).
      if (c.result !== 'true') continue;
      if (c.fn === 'LMSInitialize') {
        // What scorm_12lib.php serves as `def`: the attempt's tracks, a normal credited launch, the manifest's mastery score.
        const saved = new Map([['cmi.core.credit', 'credit'], ['cmi.core.lesson_mode', 'normal'], ...this.tracks]);
        if (this.settings.masteryScore !== null) saved.set('cmi.student_data.mastery_score', String(this.settings.masteryScore));
        player = new MoodlePlayer(saved);
      } else if (!player) {
        continue;
      } else if (c.fn === 'LMSSetValue') {
        player.put(c.args[0]!, c.args[1]!);
      } else if (c.fn === 'LMSCommit') {
        this.post(player.collect());
      } else if (c.fn === 'LMSFinish') {
        this.post(this.storeOnFinish(player));
        player = null;
      }
    }
  }

  /** StoreData(cmi, true), lines 621-644: status fixes on LMSFinish, then CollectData and total_time. */
  private storeOnFinish(player: MoodlePlayer): Array<[string, string]> {
    const core = player.cmi.core as Tree;
    if (core.lesson_status === 'not attempted') core.lesson_status = 'completed';
    const raw = player.get('cmi.core.score.raw');
    if (core.lesson_mode === 'normal' && core.credit === 'credit' && this.settings.masteryOverride && this.settings.masteryScore !== null && raw !== '') {
      core.lesson_status = parseFloat(raw) >= this.settings.masteryScore ? 'passed' : 'failed';
    }
    const out = player.collect();
    out.push(['cmi.core.total_time', String(core.total_time)]);
    return out;
  }

  /** datamodel.php (v4.3.0 lines 57-72, v4.2.0 lines 57-66): the tracks are read once, then each posted element is stored in order. */
  private post(elements: Array<[string, string]>): void {
    if (elements.length === 0) return;
    this.posts.push(elements);
    const trackdata = new Map(this.tracks);
    for (const [element, value] of elements) this.insertTrack(element, value, trackdata);
  }

  /** scorm_insert_track(): store, then re-grade on a score, or on a status that reads completed/passed (see the header). */
  private insertTrack(element: string, value: string, trackdata: Map<string, string>): void {
    const before = trackdata.get(element);
    this.tracks.set(element, value);
    if (before !== undefined && this.version !== 'v4.3.0') trackdata.set(element, value);
    const tested = before !== undefined && this.version === 'v4.3.0' ? before : value;
    if (element === 'cmi.core.score.raw' || (STATUS_ELEMENTS.includes(element) && (tested === 'completed' || tested === 'passed'))) this.updateGrades();
  }

  /**
   * scorm_update_grades() (v4.3.0 lib.php lines 634-653): the grade is the attempt's raw score
   * (locallib.php scorm_grade_user_attempt(), "Highest grade": 0 without one), then
   * scorm_set_completion() (lines 1206-1230) has completion re-evaluate every rule
   * (classes/completion/custom_completion.php get_state(), lines 58-109).
   */
  private updateGrades(): void {
    const raw = this.tracks.get('cmi.core.score.raw') ?? '';
    this.grade = raw === '' ? 0 : parseFloat(raw);
    const status = this.tracks.get('cmi.core.lesson_status') ?? '';
    const s = this.settings;
    const rules = [
      s.requireStatus.length === 0 || (s.requireStatus as string[]).includes(status),
      !s.requireGrade || this.grade !== null,
      s.minScore === null || (raw !== '' && parseFloat(raw) >= s.minScore),
    ];
    // update_state() with COMPLETION_COMPLETE: a complete activity stays complete.
    this.complete = this.complete || rules.every(Boolean);
  }

  outcome(): ModelOutcome {
    return {
      status: this.tracks.get('cmi.core.lesson_status') ?? '',
      score: this.tracks.get('cmi.core.score.raw') ?? '',
      completion: this.complete,
      grade: this.grade,
    };
  }
}
