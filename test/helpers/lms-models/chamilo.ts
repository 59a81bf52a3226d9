/**
 * Chamilo 1.11's learning paths (chamilo/chamilo-lms, main/lp/) as a model of a
 * SCORM 1.2 SCO: what its API sends on each LMSCommit/LMSFinish and what the
 * server records. Read in the code index at these commits:
 * - main/lp/scorm_api.php 03cf2da2fe6ecdf431526f67e048c2f8bd4c8d2e: LMSSetValue()
 *   marks the element in `olms.updatable_vars_list` (a lesson_status also sets
 *   `olms.statusSignalReceived`); LMSCommit()/LMSFinish() call savedata(), whose
 *   xajax_save_item_scorm() sends only the marked elements (score.raw as `s`,
 *   score.max, score.min, lesson_status, lesson_location, suspend_data, exit,
 *   session_time), then clear the marks.
 * - main/lp/lp_ajax_save_item.php 01a2af608593e802f370f657f048c1d7e82040fa:
 *   save_item() sets max, min, then the score, then the status; with no status
 *   signal this launch and a mastery score, the score decides passed/failed; then
 *   learnpath::save_item() writes the item.
 * - main/lp/learnpathItem.class.php 3025b37af3958455b0e6e829fbb27086ea9b8c8f:
 *   get_credit() is "no-credit" once the stored status is neither "not attempted"
 *   nor "incomplete" (with prevent_reinit = 1, one attempt, Chamilo's default);
 *   write_to_db() records nothing for a SCO without credit, and otherwise the
 *   item's score, status, max_score, suspend_data and lesson_location. With
 *   multiple attempts (prevent_reinit = 0) the score is still written, the status
 *   no longer once it is final.
 * So, with one attempt, the first commit that stores a final status is the last
 * one recorded: a score sent after it is lost. (Its `finish` flag is read from a
 * parameter scorm_api.php never sends; it only matters to a SCO that sets no status.)
 */
import type { LmsCall } from '../lms-host.js';
import type { LmsModel, ModelOutcome } from './types.js';

export interface ChamiloSettings {
  /** The learning path's "prevent_reinit" (1: one attempt, the default). */
  preventReinit: boolean;
  /** The item's mastery score, from adlcp:masteryscore. */
  masteryScore: number | null;
}

const FINAL = ['completed', 'passed', 'browsed', 'failed'];
/** lp_ajax_save_item.php reads each parameter as `!empty($_REQUEST[…]) ? … : null`: PHP's empty() is also true of "0". */
const given = (v: string | undefined): v is string => v !== undefined && v !== '' && v !== '0';

/** The elements scorm_api.php sends, by the parameter lp_ajax_save_item.php reads them from. */
const PARAMS: Record<string, 's' | 'max' | 'min' | 'status' | 'loc' | 'suspend' | 'core_exit'> = {
  'cmi.core.score.raw': 's',
  'cmi.core.score.max': 'max',
  'cmi.core.score.min': 'min',
  'cmi.core.lesson_status': 'status',
  'cmi.core.lesson_location': 'loc',
  'cmi.suspend_data': 'suspend',
  'cmi.core.exit': 'core_exit',
};

interface ItemView {
  status: string;
  score: number;
  max: string;
  suspend: string;
  location: string;
}

export class ChamiloModel implements LmsModel {
  readonly name: string;
  /** The row of c_lp_item_view for this item and attempt. */
  readonly view: ItemView = { status: 'not attempted', score: 0, max: '', suspend: '', location: '' };
  /** Every request: the parameters sent. */
  readonly requests: Array<Record<string, string>> = [];

  constructor(readonly settings: ChamiloSettings) {
    this.name = `Chamilo 1.11 (${settings.preventReinit ? 'one attempt' : 'multiple attempts'})`;
  }

  session(calls: readonly LmsCall[]): void {
    // The learnpath object lives in the PHP session for the launch: the item as last loaded or set.
    const item = { ...this.view };
    const olms: Record<string, string> = {};
    let marked = new Set<string>();
    let statusSignal = false;
    let open = false;
    for (const c of calls) {
      if (c.result !== 'true') continue;
      if (c.fn === 'LMSInitialize') {
        open = true;
        marked = new Set();
        statusSignal = false;
      } else if (!open) {
        continue;
      } else if (c.fn === 'LMSSetValue') {
        const [element, value] = [c.args[0]!, c.args[1]!];
        if (!(element in PARAMS)) continue;
        olms[element] = value;
        marked.add(element);
        if (element === 'cmi.core.lesson_status') statusSignal = true;
      } else if (c.fn === 'LMSCommit' || c.fn === 'LMSFinish') {
        const params: Record<string, string> = {};
        for (const element of marked) params[PARAMS[element]!] = olms[element]!;
        marked = new Set();
        this.requests.push(params);
        this.saveItem(item, params, statusSignal);
        if (c.fn === 'LMSFinish') open = false;
      }
    }
  }

  /** lp_ajax_save_item.php save_item(), then learnpathItem::write_to_db(). */
  private saveItem(item: ItemView, p: Record<string, string>, statusSignal: boolean): void {
    const credit = !this.settings.preventReinit || !FINAL.includes(this.view.status);
    if (given(p.max)) item.max = p.max;
    const scored = given(p.s);
    if (scored) item.score = parseFloat(p.s!);
    let statusSet = false;
    if (given(p.status)) {
      item.status = p.status;
      statusSet = true;
    }
    const mastery = this.settings.masteryScore;
    if (credit && mastery && scored && !statusSet && !statusSignal) item.status = item.score >= mastery ? 'passed' : 'failed';
    if (given(p.suspend)) item.suspend = p.suspend;
    if (given(p.loc)) item.location = p.loc;
    if (!credit) return;
    const keepStatus = !this.settings.preventReinit && FINAL.includes(this.view.status);
    Object.assign(this.view, { score: item.score, max: item.max, suspend: item.suspend, location: item.location }, keepStatus ? {} : { status: item.status });
  }

  outcome(): ModelOutcome {
    const completion = this.view.status === 'completed' || this.view.status === 'passed';
    return { status: this.view.status, score: String(this.view.score), completion, grade: this.view.score };
  }
}
