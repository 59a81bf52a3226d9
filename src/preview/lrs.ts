/**
 * A small Learning Record Store held in memory, for the preview: the parts of
 * xAPI 1.0.3 the player uses (Statements and State resources, `about`), strict
 * enough that a player mistake shows up as an HTTP error in the panel.
 *
 * - `POST /statements` (one or a list), `PUT /statements?statementId=`: stored in
 *   order; an id sent again with the same statement is accepted and stored once
 *   (so a resend after a lost response is safe), with a different one → 409.
 * - `GET /statements` (`statementId`, or `registration`/`verb`/`activity`/`limit`).
 * - `/activities/state` GET/PUT/POST/DELETE, keyed by activity, agent,
 *   registration and stateId; POST merges JSON objects.
 * - `GET /about`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const XAPI_VERSION = '1.0.3';
const BODY_LIMIT = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type StoredStatement = Record<string, unknown> & { id: string; stored: string };

export interface StateDocument {
  activityId: string;
  agent: unknown;
  registration: string | null;
  stateId: string;
  contentType: string;
  body: string;
  updated: string;
}

export interface LrsEvents {
  statements(list: StoredStatement[]): void;
  state(doc: StateDocument, deleted: boolean): void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Keys in sorted order, so two equal statements serialise the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return '{' + Object.keys(o).sort().map((k) => JSON.stringify(k) + ':' + canonical(o[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}

/** An agent's inverse functional identifier, the part that says who it is. */
function agentKey(agent: unknown): string {
  const a = (agent ?? {}) as Record<string, unknown>;
  if (typeof a['mbox'] === 'string') return 'mbox:' + a['mbox'];
  if (typeof a['mbox_sha1sum'] === 'string') return 'sha1:' + a['mbox_sha1sum'];
  if (typeof a['openid'] === 'string') return 'openid:' + a['openid'];
  const acc = a['account'] as Record<string, unknown> | undefined;
  if (acc && typeof acc['homePage'] === 'string' && typeof acc['name'] === 'string') return `account:${acc['homePage']}|${acc['name']}`;
  throw new HttpError(400, 'agent has no inverse functional identifier (mbox, mbox_sha1sum, openid or account)');
}

/** The start of the keys of one activity, agent and registration's State documents. */
function statePrefix(activityId: string, who: string, registration: string | null): string {
  return JSON.stringify([activityId, who, registration ?? '']);
}

/** A request's body as text, refused past 10 MB. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        reject(new HttpError(413, 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, `${what} is not JSON`);
  }
}

function checkStatement(s: unknown): asserts s is Record<string, unknown> {
  if (!s || typeof s !== 'object' || Array.isArray(s)) throw new HttpError(400, 'a statement must be a JSON object');
  const o = s as Record<string, unknown>;
  if (o['id'] !== undefined && (typeof o['id'] !== 'string' || !UUID.test(o['id']))) throw new HttpError(400, `statement id ${JSON.stringify(o['id'])} is not a UUID`);
  if (!o['actor'] || typeof o['actor'] !== 'object') throw new HttpError(400, 'statement has no actor');
  const verb = o['verb'] as Record<string, unknown> | undefined;
  if (!verb || typeof verb['id'] !== 'string') throw new HttpError(400, 'statement has no verb id');
  const object = o['object'] as Record<string, unknown> | undefined;
  if (!object || typeof object !== 'object') throw new HttpError(400, 'statement has no object');
}

export class MemoryLrs {
  readonly statements: StoredStatement[] = [];
  private byId = new Map<string, { stored: StoredStatement; canon: string }>();
  private docs = new Map<string, StateDocument>();

  constructor(private readonly events: LrsEvents) {}

  /** Forgets every statement and document (the preview's reset). */
  clear(): void {
    this.statements.length = 0;
    this.byId.clear();
    this.docs.clear();
  }

  stateDocuments(): StateDocument[] {
    return [...this.docs.values()];
  }

  /** Handles a request whose path starts after the endpoint (`statements`, `activities/state`, `about`). */
  async handle(resource: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Experience-API-Version', XAPI_VERSION);
    res.setHeader('Cache-Control', 'no-store');
    try {
      const method = req.method ?? 'GET';
      if (resource === 'about' && method === 'GET') return json(res, 200, { version: [XAPI_VERSION, '1.0.0'] });
      if (resource !== 'about') {
        const v = req.headers['x-experience-api-version'];
        if (typeof v !== 'string' || !/^1\.0(\.\d+)?$/.test(v)) throw new HttpError(400, 'X-Experience-API-Version header missing or not 1.0.x');
      }
      if (resource === 'statements') return await this.statementsResource(method, url, req, res);
      if (resource === 'activities/state') return await this.stateResource(method, url, req, res);
      throw new HttpError(404, `no resource ${resource} in this LRS (the preview keeps statements and state only)`);
    } catch (e) {
      if (e instanceof HttpError) return text(res, e.status, e.message);
      throw e;
    }
  }

  /** Stores statements sent by the preview itself (the cmi5 LMS's `launched`), checked as any others. */
  record(list: Record<string, unknown>[]): void {
    this.store(list);
  }

  /** Writes a State document as the LMS does (cmi5's LMS.LaunchData), announced like one the course wrote. */
  putState(key: { activityId: string; agent: unknown; registration: string | null; stateId: string }, body: unknown): void {
    const doc: StateDocument = { ...key, contentType: 'application/json', body: JSON.stringify(body), updated: new Date().toISOString() };
    this.docs.set(statePrefix(key.activityId, agentKey(key.agent), key.registration) + JSON.stringify(key.stateId), doc);
    this.events.state(doc, false);
  }

  private store(list: unknown[]): { ids: string[]; added: StoredStatement[] } {
    const ids: string[] = [];
    const added: StoredStatement[] = [];
    const now = new Date().toISOString();
    const batch = new Set<string>();
    // Check every statement before storing any: a batch is stored whole or not at all.
    const prepared = list.map((s) => {
      checkStatement(s);
      const id = typeof s['id'] === 'string' ? s['id'].toLowerCase() : randomUUID();
      if (batch.has(id)) throw new HttpError(400, `statement id ${id} appears twice in one request`);
      batch.add(id);
      const canon = canonical({ ...s, id });
      const existing = this.byId.get(id);
      if (existing && existing.canon !== canon) throw new HttpError(409, `statement ${id} already exists with different content`);
      return { s, id, canon, existing };
    });
    for (const p of prepared) {
      ids.push(p.id);
      if (p.existing) continue;
      const stored: StoredStatement = {
        ...p.s,
        id: p.id,
        stored: now,
        timestamp: typeof p.s['timestamp'] === 'string' ? p.s['timestamp'] : now,
        authority: { objectType: 'Agent', name: 'integrity-ranger preview', mbox: 'mailto:preview@localhost.invalid' },
        version: '1.0.0',
      };
      this.byId.set(p.id, { stored, canon: p.canon });
      this.statements.push(stored);
      added.push(stored);
    }
    if (added.length) this.events.statements(added);
    return { ids, added };
  }

  private async statementsResource(method: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const q = url.searchParams;
    if (method === 'POST') {
      const body = parseJson(await readBody(req), 'the request body');
      const list = Array.isArray(body) ? body : [body];
      const { ids } = this.store(list);
      return json(res, 200, ids);
    }
    if (method === 'PUT') {
      const id = q.get('statementId');
      if (!id || !UUID.test(id)) throw new HttpError(400, 'PUT /statements needs a statementId parameter that is a UUID');
      const body = parseJson(await readBody(req), 'the request body');
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'PUT /statements takes one statement');
      const s = body as Record<string, unknown>;
      if (s['id'] !== undefined && String(s['id']).toLowerCase() !== id.toLowerCase()) throw new HttpError(400, 'statement id differs from statementId');
      this.store([{ ...s, id: id.toLowerCase() }]);
      res.writeHead(204).end();
      return;
    }
    if (method === 'GET') {
      const one = q.get('statementId') ?? q.get('voidedStatementId');
      if (one) {
        const hit = this.byId.get(one.toLowerCase());
        return hit ? json(res, 200, hit.stored) : text(res, 404, `no statement ${one}`);
      }
      let list = [...this.statements];
      const reg = q.get('registration');
      if (reg) list = list.filter((s) => (s['context'] as { registration?: string } | undefined)?.registration === reg);
      const verb = q.get('verb');
      if (verb) list = list.filter((s) => (s['verb'] as { id?: string }).id === verb);
      const activity = q.get('activity');
      if (activity) list = list.filter((s) => (s['object'] as { id?: string }).id === activity);
      if (q.get('ascending') !== 'true') list.reverse();
      const limit = Number(q.get('limit') ?? 0);
      if (limit > 0) list = list.slice(0, limit);
      return json(res, 200, { statements: list, more: '' });
    }
    throw new HttpError(405, `${method} is not allowed on /statements`);
  }

  private async stateResource(method: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const q = url.searchParams;
    const activityId = q.get('activityId');
    const agentRaw = q.get('agent');
    if (!activityId) throw new HttpError(400, 'the State resource needs an activityId parameter');
    if (!agentRaw) throw new HttpError(400, 'the State resource needs an agent parameter');
    const agent = parseJson(agentRaw, 'the agent parameter');
    const who = agentKey(agent);
    const registration = q.get('registration');
    if (registration !== null && !UUID.test(registration)) throw new HttpError(400, 'registration is not a UUID');
    const stateId = q.get('stateId');
    const prefix = statePrefix(activityId, who, registration);
    const keyOf = (id: string) => prefix + JSON.stringify(id);

    if (method === 'GET') {
      if (stateId === null) {
        const ids = [...this.docs.entries()].filter(([k]) => k.startsWith(prefix)).map(([, d]) => d.stateId);
        return json(res, 200, ids);
      }
      const doc = this.docs.get(keyOf(stateId));
      if (!doc) return text(res, 404, 'no such state document');
      res.writeHead(200, { 'Content-Type': doc.contentType, ETag: `"${doc.updated}"` }).end(doc.body);
      return;
    }
    if (method === 'DELETE') {
      for (const [k, d] of [...this.docs.entries()]) {
        if (stateId === null ? k.startsWith(prefix) : k === keyOf(stateId)) {
          this.docs.delete(k);
          this.events.state(d, true);
        }
      }
      res.writeHead(204).end();
      return;
    }
    if (method === 'PUT' || method === 'POST') {
      if (stateId === null) throw new HttpError(400, `${method} to the State resource needs a stateId parameter`);
      const body = await readBody(req);
      const contentType = String(req.headers['content-type'] ?? 'application/octet-stream');
      const key = keyOf(stateId);
      let stored = body;
      const existing = this.docs.get(key);
      if (method === 'POST' && existing) {
        const a = parseJson(existing.body, 'the stored document');
        const b = parseJson(body, 'the request body');
        const isObj = (v: unknown) => v && typeof v === 'object' && !Array.isArray(v);
        if (!isObj(a) || !isObj(b)) throw new HttpError(400, 'POST merges JSON objects only');
        stored = JSON.stringify({ ...(a as object), ...(b as object) });
      }
      const doc: StateDocument = { activityId, agent, registration, stateId, contentType, body: stored, updated: new Date().toISOString() };
      this.docs.set(key, doc);
      this.events.state(doc, false);
      res.writeHead(204).end();
      return;
    }
    throw new HttpError(405, `${method} is not allowed on /activities/state`);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
}
