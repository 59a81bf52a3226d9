/**
 * What SCORM 1.2 and 2004 have in common in the preview's LMS: scorm-again's
 * run-time behind a thin wrapper that logs every call, the learner's data kept
 * in the tab's sessionStorage on each commit and finish (as an LMS keeps it)
 * and given back on the next launch, and the panel's card of API calls.
 */
import { clock, h } from './dom.js';
import { plural, t } from './i18n.js';
import { readJson, writeJson, forget } from './storage.js';
import { renderSoon } from './store.js';

/** scorm-again's run-time, as far as the page uses it; each version adds its API functions. */
export interface ScormAgain {
  cmi: { getCurrentTotalTime?(): string };
  loadFromJSON(json: object, prefix?: string): void;
}

export type ApiFunction = (...args: string[]) => unknown;

/** The names a SCORM version gives its API functions. */
export interface ScormNames {
  /** Every function, as the SCO may call them. */
  all: readonly string[];
  get: string;
  lastError: string;
  errorString: string;
  /** Functions that only read the last error: not logged. */
  quiet: readonly string[];
  commit: string;
  finish: string;
  /** The element the launch row names, `cmi.core.entry` or `cmi.entry`. */
  entry: string;
}

export interface ScormCall {
  at: number;
  fn: string;
  args: string[];
  result: string;
  code: string;
  message: string;
}

/** What the LMS keeps of the learner between launches. */
export interface Saved<C> {
  cmi: C;
  total_time: string;
  launches: number;
  at: number;
}

const CALL_LIMIT = 500;

export class ScormLms<C extends object> {
  calls: ScormCall[] = [];
  /** When the learner's data was last kept. */
  committed: number | null = null;
  total = '';
  private key = '';
  private api: ScormAgain | null = null;
  private callsOpen = false;

  constructor(
    private readonly target: 'scorm12' | 'scorm2004',
    private readonly names: ScormNames,
    /** The total time before a first launch, in the version's format. */
    private readonly zeroTime: string,
  ) {}

  /** The learner's saved data for this course, read at a launch (the launch count goes up). */
  open(courseId: string): Saved<C> | null {
    this.key = `ir-preview:${this.target}:${courseId}`;
    const saved = readJson<Saved<C>>('session', this.key);
    this.total = saved?.total_time || this.zeroTime;
    if (saved) writeJson('session', this.key, { ...saved, launches: (saved.launches || 1) + 1 });
    return saved;
  }

  /** The data model as the run-time holds it, or null before a launch. */
  cmi(): C | null {
    return this.api ? (JSON.parse(JSON.stringify(this.api.cmi)) as C) : null;
  }

  /** Puts `api` where the player's API search finds it (`window[global]`), every call logged. */
  install(api: ScormAgain & Record<string, unknown>, global: 'API' | 'API_1484_11', entry: string): void {
    const n = this.names;
    const call = (fn: string, args: string[]): unknown => (api[fn] as ApiFunction).apply(api, args);
    const wrapper: Record<string, ApiFunction> = {};
    for (const fn of n.all) {
      wrapper[fn] = (...args: string[]) => {
        const result = call(fn, args);
        if (n.quiet.includes(fn)) return result;
        const code = String(call(n.lastError, []));
        const ok = code === '0';
        this.log({ at: Date.now(), fn, args, result: String(result), code, message: ok ? '' : String(call(n.errorString, [code])) });
        if (ok && (fn === n.commit || fn === n.finish)) this.persist(fn === n.finish);
        return result;
      };
    }
    this.api = api;
    (window as unknown as Record<string, unknown>)[global] = wrapper;
    this.log({ at: Date.now(), fn: 'launch', args: [entry || '(empty)'], result: '', code: '0', message: '' });
  }

  /** Forgets the learner: no data, no calls. */
  reset(): void {
    forget('session', `ir-preview:${this.target}:`);
    this.api = null;
    this.calls = [];
    this.committed = null;
  }

  private log(c: ScormCall): void {
    this.calls.push(c);
    if (this.calls.length > CALL_LIMIT) this.calls.splice(0, this.calls.length - CALL_LIMIT);
    renderSoon();
  }

  /** On a successful commit or finish: the LMS keeps the data model; at the finish, the session's time joins the total. */
  private persist(finished: boolean): void {
    const api = this.api!;
    const saved = readJson<Saved<C>>('session', this.key);
    const total = finished && api.cmi.getCurrentTotalTime ? api.cmi.getCurrentTotalTime() : this.total;
    this.committed = Date.now();
    writeJson('session', this.key, { cmi: this.cmi(), total_time: total, launches: saved?.launches || 1, at: this.committed });
  }

  /** The card of API calls, newest first; stays open across redraws once the author opens it. */
  callsCard(): HTMLElement {
    const shown = this.calls.slice(-200).reverse();
    const errors = this.calls.filter((x) => x.code !== '0').length;
    const get = this.names.get;
    const details = h(
      'details',
      { class: 'card log', id: 'calls-card', open: this.callsOpen },
      h('summary', null, h('h3', null, t('apiCalls'), h('span', { class: 'count' }, String(this.calls.length)), errors ? h('span', { class: 'count bad' }, plural(errors, 'error')) : null)),
      h(
        'ol',
        { class: 'calls', id: 'calls' },
        shown.map((x) => {
          const text = x.fn === 'launch' ? `launch · ${this.names.entry} = ${x.args[0]}` : `${x.fn}(${x.args.map((a) => JSON.stringify(a)).join(', ')})`;
          return h(
            'li',
            { class: x.code !== '0' ? 'err' : x.fn === 'launch' ? 'launch' : x.fn === get ? 'get' : '' },
            h('time', null, clock(x.at)),
            h('code', null, text + (x.fn === get ? ' → ' + JSON.stringify(x.result) : '')),
            x.code !== '0' ? h('span', { class: 'errmsg' }, `${t('error')} ${x.code}: ${x.message}`) : null,
          );
        }),
      ),
    );
    details.addEventListener('toggle', () => (this.callsOpen = details.open));
    return details;
  }
}
