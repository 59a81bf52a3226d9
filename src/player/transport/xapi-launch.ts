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

/** Parameters the convention defines (the private-content ones are not echoed either). */
const KNOWN = /^(endpoint|auth|actor|registration|activity_id|activity_platform|accept-language|grouping|content_token|content_endpoint)$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first item of the older array form, as a non-empty string. */
function str(v: unknown): string | undefined {
  const f = Array.isArray(v) ? v[0] : v;
  return typeof f === 'string' && f ? f : undefined;
}

/**
 * An xAPI Agent from the launch's `actor`, accepting the 1.0 form and the
 * older array form (`{"name":["Budi"],"mbox":["mailto:…"]}`, `account:
 * [{accountServiceHomePage, accountName}]`). Keeps exactly one identifier
 * (mbox, mbox_sha1sum, openid, account — the first present), as xAPI requires.
 */
export function parseActor(json: string): Agent | null {
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(json);
  } catch {
    return null;
  }
  if (!r || typeof r !== 'object') return null;
  const agent: Agent = { objectType: 'Agent' };
  const name = str(r.name);
  if (name) agent.name = name;
  const mbox = str(r.mbox);
  const sha = str(r.mbox_sha1sum);
  const openid = str(r.openid);
  const acc = (Array.isArray(r.account) ? r.account[0] : r.account) as Record<string, unknown> | undefined;
  if (mbox) agent.mbox = /^mailto:/i.test(mbox) ? mbox : 'mailto:' + mbox;
  else if (sha) agent.mbox_sha1sum = sha;
  else if (openid) agent.openid = openid;
  else {
    const homePage = acc && (str(acc.homePage) || str(acc.accountServiceHomePage));
    const accName = acc && (str(acc.name) || str(acc.accountName));
    if (!homePage || !accName) return null;
    agent.account = { homePage, name: accName };
  }
  return agent;
}

/**
 * Reads the launch parameters from a query string (`location.search`).
 * `base` resolves a relative endpoint. Without an endpoint the package plays
 * standalone; without a usable actor it cannot record either.
 */
export function parseLaunch(search: string, base: string): LaunchResult {
  const params = new URLSearchParams(search);
  const get = (k: string): string | null => params.get(k) || null;
  const iri = (k: string): string | null => {
    const v = get(k);
    return v && IRI.test(v) ? v : null;
  };
  const raw = get('endpoint');
  if (!raw) return { ok: false, reason: 'no endpoint' };
  let endpoint = '';
  try {
    endpoint = new URL(raw, base).href;
  } catch {
    /* refused below */
  }
  if (!/^https?:/.test(endpoint)) return { ok: false, reason: 'endpoint is not an http(s) URL' };
  const actor = parseActor(get('actor') || '');
  if (!actor) return { ok: false, reason: 'no usable actor' };
  const reg = get('registration');
  // A bare token is taken as Basic credentials; "Basic …" / "Bearer …" as given.
  const auth = (get('auth') || '').trim();
  const echo = new URLSearchParams();
  params.forEach((v, k) => {
    if (!KNOWN.test(k)) echo.append(k, v);
  });
  return {
    ok: true,
    launch: {
      endpoint: endpoint.replace(/\/?$/, '/'),
      auth: auth ? (/\s/.test(auth) ? auth : 'Basic ' + auth) : null,
      actor,
      registration: reg && UUID.test(reg) ? reg.toLowerCase() : null,
      activityId: iri('activity_id'),
      platform: get('activity_platform'),
      grouping: iri('grouping'),
      echo: echo.toString(),
    },
  };
}
