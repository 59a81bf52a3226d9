import { describe, expect, it } from 'vitest';
import { parseActor, parseLaunch } from '../../src/player/transport/xapi-launch.js';

const BASE = 'https://lms.example.org/mod/tincanlaunch/content/index.html';
const q = (o: Record<string, string>) => '?' + new URLSearchParams(o).toString();
const actor = JSON.stringify({ name: 'Budi', mbox: 'mailto:budi@example.go.id' });

describe('Tin Can launch parameters', () => {
  it('reads endpoint, auth, actor, registration, activity_id, platform, grouping', () => {
    const r = parseLaunch(
      q({
        endpoint: 'https://lrs.example.org/data/xAPI',
        auth: 'Basic a2V5OnNlY3JldA==',
        actor,
        registration: '760E3480-BA55-4991-94B0-01820DBD23A2',
        activity_id: 'https://example.org/xapi/course/x',
        activity_platform: 'Moodle',
        grouping: 'https://lms.example.org/course/7',
        'Accept-Language': 'id-ID',
      }),
      BASE,
    );
    expect(r).toEqual({
      ok: true,
      launch: {
        endpoint: 'https://lrs.example.org/data/xAPI/',
        auth: 'Basic a2V5OnNlY3JldA==',
        actor: { objectType: 'Agent', name: 'Budi', mbox: 'mailto:budi@example.go.id' },
        registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
        activityId: 'https://example.org/xapi/course/x',
        platform: 'Moodle',
        grouping: 'https://lms.example.org/course/7',
        echo: '',
      },
    });
  });

  it('echoes unknown parameters back, and only those', () => {
    const r = parseLaunch(q({ endpoint: 'https://lrs.example.org/x/', actor, tenant: 'banten', 'session id': 'a&b', content_token: 't' }), BASE);
    expect(r.ok && r.launch.echo).toBe('tenant=banten&session+id=a%26b');
  });

  it('resolves a relative endpoint against the page and adds the trailing slash', () => {
    const r = parseLaunch(q({ endpoint: '/lrs', actor }), BASE);
    expect(r.ok && r.launch.endpoint).toBe('https://lms.example.org/lrs/');
  });

  it('takes a bare auth token as Basic credentials; keeps a scheme as is', () => {
    const bare = parseLaunch(q({ endpoint: 'https://l/x/', actor, auth: 'OjFjMGY4NTYx' }), BASE);
    expect(bare.ok && bare.launch.auth).toBe('Basic OjFjMGY4NTYx');
    const bearer = parseLaunch(q({ endpoint: 'https://l/x/', actor, auth: 'Bearer abc.def' }), BASE);
    expect(bearer.ok && bearer.launch.auth).toBe('Bearer abc.def');
    const none = parseLaunch(q({ endpoint: 'https://l/x/', actor }), BASE);
    expect(none.ok && none.launch.auth).toBeNull();
  });

  it('ignores a registration that is not a UUID and ids that are not IRIs', () => {
    const r = parseLaunch(q({ endpoint: 'https://l/x/', actor, registration: 'attempt-1', activity_id: 'course 1', grouping: 'x' }), BASE);
    expect(r.ok && [r.launch.registration, r.launch.activityId, r.launch.grouping]).toEqual([null, null, null]);
  });

  it('without an endpoint or a usable actor: standalone, with the reason', () => {
    expect(parseLaunch('', BASE)).toEqual({ ok: false, reason: 'no endpoint' });
    expect(parseLaunch(q({ endpoint: 'https://l/x/' }), BASE)).toEqual({ ok: false, reason: 'no usable actor' });
    expect(parseLaunch(q({ endpoint: 'https://l/x/', actor: '{not json' }), BASE)).toEqual({ ok: false, reason: 'no usable actor' });
    expect(parseLaunch(q({ endpoint: 'javascript:alert(1)', actor }), BASE)).toEqual({ ok: false, reason: 'endpoint is not an http(s) URL' });
  });
});

describe('actor', () => {
  it('accepts the 0.9/0.95 array form', () => {
    expect(parseActor('{"name":["Project Tin Can"],"mbox":["mailto:tincan@scorm.com"]}')).toEqual({
      objectType: 'Agent',
      name: 'Project Tin Can',
      mbox: 'mailto:tincan@scorm.com',
    });
    expect(parseActor('{"name":["Budi"],"account":[{"accountServiceHomePage":"https://lms.go.id","accountName":"42"}]}')).toEqual({
      objectType: 'Agent',
      name: 'Budi',
      account: { homePage: 'https://lms.go.id', name: '42' },
    });
  });

  it('keeps exactly one identifier and adds mailto:', () => {
    expect(parseActor('{"mbox":"budi@example.go.id","account":{"homePage":"https://x","name":"1"}}')).toEqual({
      objectType: 'Agent',
      mbox: 'mailto:budi@example.go.id',
    });
    expect(parseActor('{"openid":"https://id.example/budi"}')).toEqual({ objectType: 'Agent', openid: 'https://id.example/budi' });
  });

  it('refuses an actor without identifier', () => {
    expect(parseActor('{"name":"Budi"}')).toBeNull();
    expect(parseActor('{"account":{"homePage":"https://x"}}')).toBeNull();
    expect(parseActor('"Budi"')).toBeNull();
  });
});
