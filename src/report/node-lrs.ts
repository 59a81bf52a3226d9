/**
 * Reading statements from an LRS over the xAPI Statements API (xAPI 1.0.3
 * Data §2.2 / Communication §2.1.3): GET `statements` filtered to the course
 * (`activity` = the course activity id, `related_activities=true` so that
 * statements about its questions, scenes and pages come too), oldest first
 * (`ascending=true`), `since`/`until` when given, `limit` per page; then every
 * `more` link to the end. One page is held at a time.
 *
 * Credentials never come from a command-line value (it would land in shell
 * history and in `ps`): INTEGRITY_RANGER_LRS_AUTH (a whole Authorization
 * header value), or INTEGRITY_RANGER_LRS_KEY with INTEGRITY_RANGER_LRS_SECRET
 * (HTTP Basic), or a file named by `--lrs-auth-file` holding either form.
 */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostics.js';
import type { DiagnosticCode } from '../core/catalogue.js';

/** xAPI 1.0.3 Communication §3.3: every request names the version. */
export const XAPI_VERSION = '1.0.3';
export const ENV_AUTH = 'INTEGRITY_RANGER_LRS_AUTH';
export const ENV_KEY = 'INTEGRITY_RANGER_LRS_KEY';
export const ENV_SECRET = 'INTEGRITY_RANGER_LRS_SECRET';
export const DEFAULT_PAGE_SIZE = 500;

export class LrsError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

function fail(code: DiagnosticCode, endpoint: string, message: string, hint?: string): LrsError {
  const d: Diagnostic = { severity: 'error', code, message, file: endpoint, line: 0, column: 0 };
  if (hint) d.hint = hint;
  return new LrsError(d);
}

/** `key:secret` into an HTTP Basic header value; a header value (`Basic …`, `Bearer …`, a bare token) as it is. */
function header(text: string): string {
  const t = text.trim();
  if (/^(basic|bearer)\s/i.test(t) || !t.includes(':')) return t;
  return 'Basic ' + Buffer.from(t, 'utf8').toString('base64');
}

/** The Authorization header from the file or the environment; null when none is set. */
export async function lrsAuth(env: NodeJS.ProcessEnv, authFile: string | null): Promise<string | null> {
  if (authFile) {
    let text: string;
    try {
      text = await readFile(authFile, 'utf8');
    } catch (e) {
      throw fail('IR701', authFile, `the LRS credentials file ${authFile} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const line = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
    if (!line) throw fail('IR701', authFile, `the LRS credentials file ${authFile} is empty`);
    return header(line);
  }
  const whole = env[ENV_AUTH];
  if (whole) return whole.trim();
  const key = env[ENV_KEY];
  const secret = env[ENV_SECRET];
  if (key !== undefined && key !== '') return header(`${key}:${secret ?? ''}`);
  return null;
}

export interface LrsQuery {
  endpoint: string;
  activity: string;
  since?: string | null;
  until?: string | null;
  pageSize?: number;
  auth: string | null;
  /** For tests: another fetch. */
  fetch?: typeof fetch;
}

/** Is `source` an LRS endpoint rather than a file? */
export function isLrsSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Every page of statements about the course, in order; throws LrsError. */
export async function* lrsStatementPages(q: LrsQuery): AsyncGenerator<unknown[]> {
  const doFetch = q.fetch ?? fetch;
  const base = q.endpoint.endsWith('/') ? q.endpoint : q.endpoint + '/';
  const first = new URL('statements', base);
  first.searchParams.set('activity', q.activity);
  first.searchParams.set('related_activities', 'true');
  first.searchParams.set('ascending', 'true');
  first.searchParams.set('limit', String(q.pageSize ?? DEFAULT_PAGE_SIZE));
  if (q.since) first.searchParams.set('since', q.since);
  if (q.until) first.searchParams.set('until', q.until);
  const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION, Accept: 'application/json' };
  if (q.auth) headers['Authorization'] = q.auth;
  let next: URL | null = first;
  const seen = new Set<string>();
  // A cursor on the stored time can give a statement stored in the same millisecond as a page's
  // last one again at the top of the next page (Learning Locker's xapi-statements does): it is
  // one statement, counted once. Only the last page's ids are kept, so memory stays one page.
  let previous = new Set<string>();
  while (next) {
    // A `more` link that comes back again would loop for ever.
    if (seen.has(next.href)) throw fail('IR709', q.endpoint, `the LRS gave the same \`more\` link twice (${next.pathname}); stopped`);
    seen.add(next.href);
    let res: Response;
    try {
      res = await doFetch(next, { headers, signal: AbortSignal.timeout(120_000) });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw fail('IR710', q.endpoint, `cannot reach the LRS at ${q.endpoint}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw fail(
        'IR707',
        q.endpoint,
        `the LRS at ${q.endpoint} answered ${res.status}: ${q.auth ? 'the credentials were refused' : 'it needs credentials, and none were set'}`,
        `Set ${ENV_KEY} and ${ENV_SECRET} (or ${ENV_AUTH}, or --lrs-auth-file FILE) to credentials that may read statements.`,
      );
    }
    if (res.status === 404) {
      await res.body?.cancel();
      throw fail('IR708', q.endpoint, `the LRS at ${q.endpoint} answered 404 for ${next.pathname}: no Statements API there`, 'Use the xAPI endpoint the LMS launches the package with (it usually ends in /xAPI/).');
    }
    if (!res.ok) {
      const text = (await res.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
      throw fail('IR709', q.endpoint, `the LRS at ${q.endpoint} answered ${res.status}${text ? `: ${text}` : ''}`);
    }
    let body: { statements?: unknown; more?: unknown };
    try {
      body = (await res.json()) as typeof body;
    } catch (e) {
      throw fail('IR709', q.endpoint, `the LRS at ${q.endpoint} answered with something that is not JSON (${(e as Error).message})`);
    }
    if (!body || !Array.isArray(body.statements)) throw fail('IR709', q.endpoint, `the LRS at ${q.endpoint} answered without a \`statements\` list: not a StatementResult`);
    const ids = new Set<string>();
    const page = body.statements.filter((st) => {
      const id = st && typeof st === 'object' ? (st as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return true;
      if (previous.has(id) || ids.has(id)) return false;
      ids.add(id);
      return true;
    });
    previous = ids;
    yield page;
    const more = typeof body.more === 'string' ? body.more.trim() : '';
    // `more` is relative to the LRS's host (a path from the root, the usual form) or absolute.
    next = more ? new URL(more, more.startsWith('/') ? new URL(base).origin : base) : null;
  }
}
