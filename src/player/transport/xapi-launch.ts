/**
 * The Tin Can launch convention (RusticiSoftware/launch, lms_lrs.md): the LMS
 * opens `index.html?endpoint=…&auth=…&actor=…[&registration=…][&activity_id=…]
 * [&activity_platform=…][&Accept-Language=…][&grouping=…]`. Any other
 * parameter is echoed back to the LRS on every request, as the convention asks.
 * Credentials only ever come from here; nothing is baked into the package.
 */
import type { Agent } from './xapi-statements.js';

export interface Launch {
  /** Absolute, ends with `/`. */
  endpoint: string;
  /** The Authorization header value, or null (e.g. the LRS authenticates by cookie). */
  auth: string | null;
  actor: Agent;
  /** From the launch; null when the LMS gave none (the transport then makes one). */
  registration: string | null;
  activityId: string | null;
  platform: string | null;
  grouping: string | null;
  /** Unknown launch parameters, URL-encoded (`a=1&b=2`), to append to every LRS request. */
  echo: string;
}

export type LaunchResult = { ok: true; launch: Launch } | { ok: false; reason: string };

const KNOWN = [
  'endpoint',
  'auth',
  'actor',
  'registration',
  'activity_id',
  'activity_platform',
  'accept-language',
  'grouping',
  'content_token',
  'content_endpoint',
];

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/** Only absolute IRIs are usable as activity ids; anything else is ignored. */
function iri(v: string | null): string | null {
  return v && IRI.test(v) ? v : null;
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}
function str(v: unknown): string | undefined {
  const f = first(v);
  return typeof f === 'string' && f ? f : undefined;
}

/**
 * An xAPI Agent from the launch's `actor`, accepting the 1.0 form and the
 * older array form (`{"name":["Budi"],"mbox":["mailto:…"]}`, `account:
 * [{accountServiceHomePage, accountName}]`). Keeps exactly one identifier
 * (mbox, mbox_sha1sum, openid, account — the first present), as xAPI requires.
 */
export function parseActor(json: string): Agent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const agent: Agent = { objectType: 'Agent' };
  const name = str(r.name);
  if (name) agent.name = name;
  const mbox = str(r.mbox);
  const sha = str(r.mbox_sha1sum);
  const openid = str(r.openid);
  const acc = first(r.account) as Record<string, unknown> | undefined;
  if (mbox) agent.mbox = /^mailto:/i.test(mbox) ? mbox : 'mailto:' + mbox;
  else if (sha) agent.mbox_sha1sum = sha;
  else if (openid) agent.openid = openid;
  else if (acc && typeof acc === 'object') {
    const homePage = str(acc.homePage) || str(acc.accountServiceHomePage);
    const accName = str(acc.name) || str(acc.accountName);
    if (!homePage || !accName) return null;
    agent.account = { homePage, name: accName };
  } else return null;
  return agent;
}

/** `auth` is the Authorization header; a bare token is taken as Basic credentials. */
function authHeader(auth: string): string {
  return /\s/.test(auth.trim()) ? auth.trim() : 'Basic ' + auth.trim();
}

/**
 * Reads the launch parameters from a query string (`location.search`).
 * `base` resolves a relative endpoint. Without an endpoint the package plays
 * standalone; without a usable actor it cannot record either.
 */
export function parseLaunch(search: string, base: string): LaunchResult {
  const params = new URLSearchParams(search);
  const get = (k: string): string | null => {
    const v = params.get(k);
    return v === null || v === '' ? null : v;
  };
  const endpointRaw = get('endpoint');
  if (!endpointRaw) return { ok: false, reason: 'no endpoint' };
  let endpoint: string;
  try {
    const u = new URL(endpointRaw, base);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, reason: 'endpoint is not http(s)' };
    endpoint = u.href.replace(/\/?$/, '/');
  } catch {
    return { ok: false, reason: 'endpoint is not a URL' };
  }
  const actorRaw = get('actor');
  const actor = actorRaw ? parseActor(actorRaw) : null;
  if (!actor) return { ok: false, reason: 'no usable actor' };
  const reg = get('registration');
  const auth = get('auth');
  const echo = new URLSearchParams();
  params.forEach((v, k) => {
    if (KNOWN.indexOf(k.toLowerCase()) < 0) echo.append(k, v);
  });
  return {
    ok: true,
    launch: {
      endpoint,
      auth: auth ? authHeader(auth) : null,
      actor,
      registration: reg && isUuid(reg) ? reg.toLowerCase() : null,
      activityId: iri(get('activity_id')),
      platform: get('activity_platform'),
      grouping: iri(get('grouping')),
      echo: echo.toString(),
    },
  };
}
