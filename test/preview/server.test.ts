/** The preview server over HTTP, without a browser: the LRS, the package files, the events. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { relocations, startPreview, type PreviewHandle } from '../../src/preview/server.js';
import type { Cmi5LaunchAnswer } from '../../src/preview/protocol.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';

let work: string;
let preview: PreviewHandle;
const V = { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
const url = (p: string) => new URL(p, preview.url).href;
const ID = 'f0e1d2c3-b4a5-4678-9abc-def012345678';
const statement = (extra: Record<string, unknown> = {}) => ({
  actor: { objectType: 'Agent', mbox: 'mailto:a@example.com' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
  object: { id: 'https://example.com/a' },
  context: { registration: '11111111-2222-4333-8444-555555555555' },
  ...extra,
});

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ir-preview-srv-'));
  cpSync(resolve('test/fixtures/minimal/content'), join(work, 'content'), { recursive: true });
  preview = await startPreview({ dir: join(work, 'content'), port: 0, target: 'xapi' });
  expect((await preview.ready).ok).toBe(true);
});
afterAll(async () => {
  await preview?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the host page', () => {
  it('carries both tables of its words and the course\'s language in its config; each build says the language again', async () => {
    const html = await (await fetch(url('/'))).text();
    const config = JSON.parse(/<script type="application\/json" id="preview-config">([^<]*)<\/script>/.exec(html)![1]!);
    expect(config.lang).toBe('id');
    expect(Object.keys(config.strings).sort()).toEqual(['en', 'id']);
    expect(config.strings.id.reset).toBe('Atur ulang peserta');
    expect(preview.build()!.uiLanguage).toBe('id');
  });
});

describe('the in-memory LRS', () => {
  it('answers /about and refuses requests without the xAPI version header', async () => {
    expect(await (await fetch(url('xAPI/about'))).json()).toEqual({ version: ['1.0.3', '1.0.0'] });
    expect((await fetch(url('xAPI/statements'))).status).toBe(400);
  });

  it('stores statements, returns their ids, accepts an identical resend and refuses a different one with 409', async () => {
    const post = (body: unknown) => fetch(url('xAPI/statements'), { method: 'POST', headers: V, body: JSON.stringify(body) });
    const r1 = await post([statement({ id: ID }), statement()]);
    expect(r1.status).toBe(200);
    const ids = (await r1.json()) as string[];
    expect(ids[0]).toBe(ID);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await post(statement({ id: ID }))).status).toBe(200);
    expect((await post(statement({ id: ID, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' } }))).status).toBe(409);
    const put = await fetch(url(`xAPI/statements?statementId=${ID}`), { method: 'PUT', headers: V, body: JSON.stringify(statement()) });
    expect(put.status).toBe(204);

    const one = (await (await fetch(url(`xAPI/statements?statementId=${ID}`), { headers: V })).json()) as { id: string; stored: string };
    expect(one.id).toBe(ID);
    expect(one.stored).toBeTruthy();
    const list = (await (await fetch(url('xAPI/statements?registration=11111111-2222-4333-8444-555555555555'), { headers: V })).json()) as { statements: unknown[] };
    expect(list.statements).toHaveLength(2);
  });

  it('refuses a batch with an invalid statement whole', async () => {
    const before = ((await (await fetch(url('xAPI/statements'), { headers: V })).json()) as { statements: unknown[] }).statements.length;
    const r = await fetch(url('xAPI/statements'), { method: 'POST', headers: V, body: JSON.stringify([statement(), { actor: {}, object: {} }]) });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('verb');
    const after = ((await (await fetch(url('xAPI/statements'), { headers: V })).json()) as { statements: unknown[] }).statements.length;
    expect(after).toBe(before);
  });

  it('keeps State documents per activity, agent, registration and stateId; POST merges JSON', async () => {
    const q = (stateId?: string) =>
      url(
        `xAPI/activities/state?activityId=${encodeURIComponent('https://example.com/c')}&agent=${encodeURIComponent(JSON.stringify({ mbox: 'mailto:a@example.com' }))}` +
          `&registration=11111111-2222-4333-8444-555555555555${stateId ? '&stateId=' + encodeURIComponent(stateId) : ''}`,
      );
    expect((await fetch(q('progress'), { headers: V })).status).toBe(404);
    expect((await fetch(q('progress'), { method: 'PUT', headers: V, body: '{"a":1,"b":1}' })).status).toBe(204);
    expect((await fetch(q('progress'), { method: 'POST', headers: V, body: '{"b":2}' })).status).toBe(204);
    expect(await (await fetch(q('progress'), { headers: V })).json()).toEqual({ a: 1, b: 2 });
    expect(await (await fetch(q(), { headers: V })).json()).toEqual(['progress']);
    expect((await fetch(q('progress'), { method: 'DELETE', headers: V })).status).toBe(204);
    expect((await fetch(q('progress'), { headers: V })).status).toBe(404);
  });
});

describe('the preview server', () => {
  it('serves the package from memory, with ranges, and the zip to download', async () => {
    const index = await fetch(url('course/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('<script defer src="course.js">');
    expect(await (await fetch(url('course/course.js'))).text()).toMatch(/^self\.irCourse=/);
    expect(await (await fetch(url('course/units/0.js'))).text()).toMatch(/^irUnit\(0,/);
    expect((await fetch(url('course/tincan.xml'))).status).toBe(200);
    expect((await fetch(url('course/nothing-here.js'))).status).toBe(404);
    const part = await fetch(url('course/assets/amplop.svg'), { headers: { Range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
    const zip = await fetch(url('__ir/download'));
    expect(zip.headers.get('content-disposition')).toContain('contoh-minimal-1.2.0-xapi.zip');
    const entries = new AdmZip(Buffer.from(await zip.arrayBuffer())).getEntries().map((e) => e.entryName);
    expect(entries).toContain('tincan.xml');
  });

  it('answers only requests addressed to 127.0.0.1 or localhost (no DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url('/'), { headers: { Host: 'attacker.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('streams a snapshot, then statements as they arrive, as server-sent events', async () => {
    const ac = new AbortController();
    const res = await fetch(url('__ir/events'), { signal: ac.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const until = async (s: string) => {
      while (!text.includes(s)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text.includes(s);
    };
    expect(await until('event: snapshot')).toBe(true);
    await fetch(url('xAPI/statements'), { method: 'POST', headers: V, body: JSON.stringify(statement({ object: { id: 'https://example.com/sse' } })) });
    expect(await until('https://example.com/sse')).toBe(true);
    expect(text).toContain('event: statements');
    ac.abort();
  });
});

describe('relocations', () => {
  const course = (pages: string[]): Omit<RuntimeCourse, 'target'> =>
    ({ units: [{ kind: 'lesson', id: 'l1', title: 'L', duration: null, objectives: [], pages: pages.map((id) => ({ id, title: id, blocks: [] })) }] }) as unknown as Omit<RuntimeCourse, 'target'>;

  it('maps a renamed page to the page now in its place, and nothing else', () => {
    expect(relocations(course(['intro', 'apa', 'ringkasan']), course(['intro', 'apa-sebenarnya', 'ringkasan']))).toEqual({ 'l:l1/apa': 'l:l1/apa-sebenarnya' });
    expect(relocations(course(['intro', 'a']), course(['intro', 'a']))).toEqual({});
  });
});

describe('the preview of the other targets', () => {
  const started: PreviewHandle[] = [];
  afterAll(async () => {
    for (const p of started) await p.close();
  });
  const start = async (target: 'scorm12' | 'scorm2004' | 'cmi5') => {
    const p = await startPreview({ dir: join(work, 'content'), port: 0, target });
    started.push(p);
    expect((await p.ready).ok).toBe(true);
    return (path: string) => new URL(path, p.url).href;
  };

  it('serves the SCORM run-time of its target: scorm-again 1.2 or 2004, none for the LRS targets', async () => {
    const runtime = async (u: (p: string) => string) => (await fetch(u('__ir/runtime.js'))).text();
    expect(await runtime(await start('scorm2004'))).toContain('Scorm2004API');
    expect(await runtime(await start('scorm12'))).toContain('Scorm12API');
    expect(await runtime(url)).toBe('');
    // The host page's bundle, built from src/preview/host/.
    expect((await fetch(url('__ir/host.js'))).headers.get('content-type')).toContain('javascript');
    expect(await (await fetch(url('__ir/host.js'))).text()).toContain('preview-config');
  });

  it('is the cmi5 LMS: a launch writes LMS.LaunchData and launched, and its fetch URL gives the token once', async () => {
    const u = await start('cmi5');
    const launch = (registration: unknown) => fetch(u('__ir/cmi5/launch'), { method: 'POST', body: JSON.stringify({ registration }) });
    expect((await launch('not-a-uuid')).status).toBe(400);
    const registration = '11111111-2222-4333-8444-555555555555';
    const answer = (await (await launch(registration)).json()) as Cmi5LaunchAnswer;
    const q = new URL(answer.url).searchParams;
    expect(new URL(answer.url).pathname).toBe('/course/index.html');
    expect(q.get('registration')).toBe(registration);
    expect(q.get('activityId')).toBe(answer.activityId);
    expect(JSON.parse(q.get('actor')!)).toEqual(answer.actor);
    expect(answer).toMatchObject({ launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.7 });

    const token = (await (await fetch(q.get('fetch')!, { method: 'POST' })).json()) as Record<string, string>;
    expect(token['auth-token']).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(((await (await fetch(q.get('fetch')!, { method: 'POST' })).json()) as Record<string, string>)['error-code']).toBe('1');
    expect(((await (await fetch(u('__ir/cmi5/fetch/nothing'), { method: 'POST' })).json()) as Record<string, string>)['error-code']).toBe('2');

    const auth = { ...V, Authorization: 'Basic ' + token['auth-token'] };
    const state = new URLSearchParams({ activityId: answer.activityId, agent: JSON.stringify(answer.actor), registration, stateId: 'LMS.LaunchData' });
    const ld = (await (await fetch(u(`xAPI/activities/state?${state}`), { headers: auth })).json()) as Record<string, unknown>;
    expect(ld).toMatchObject({ launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.7 });
    const template = ld['contextTemplate'] as { extensions: Record<string, string>; contextActivities: { grouping: { id: string }[] } };
    expect(template.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(answer.session);
    expect(template.contextActivities.grouping[0]!.id).toBe('https://example.go.id/xapi/course/contoh-minimal/au');

    const list = (await (await fetch(u(`xAPI/statements?registration=${registration}`), { headers: auth })).json()) as { statements: { verb: { id: string }; object: { id: string } }[] };
    expect(list.statements.map((s) => s.verb.id)).toEqual(['http://adlnet.gov/expapi/verbs/launched']);
    expect(list.statements[0]!.object.id).toBe(answer.activityId);
  });
});
