/**
 * tincan.xml validates against tincan.xsd (xmllint, schema copy in
 * schemas/xapi/), lists the course first with the launch file, and describes
 * every activity with the same id the statements use; activity ids are stable
 * and derived from ids only.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tincanXml } from '../../src/targets/xapi/tincan.js';
import { ADL, EXT, NS, TYPE, activityId, choiceLetter, courseActivities, htmlToText, questionsOf, shorten } from '../../src/shared/activity-ids.js';
import { assessCourse } from '../helpers/assess-course.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { xmllint } from '../helpers/xmllint.js';
import { compileFolder } from '../helpers/compile.js';

const TINCAN_XSD = resolve('schemas/xapi/tincan.xsd');
const sample = JSON.parse(readFileSync('test/fixtures/runtime/sample-course.json', 'utf8')) as RuntimeCourse;

async function runtimeOf(dir: string): Promise<RuntimeCourse> {
  const r = await compileFolder(dir, ['xapi']);
  if (!r.runtime) throw new Error(`${dir}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return { ...r.runtime, target: 'xapi' };
}

function activities(xml: string): { id: string; type: string; body: string }[] {
  return [...xml.matchAll(/<activity id="([^"]+)" type="([^"]+)">([\s\S]*?)<\/activity>/g)].map((m) => ({ id: m[1]!, type: m[2]!, body: m[3]! }));
}

describe('tincan.xml', () => {
  for (const [name, load] of [
    ['the runtime sample', async () => sample],
    ['the default course', () => runtimeOf('content')],
    ['the English fixture', () => runtimeOf('test/fixtures/english/content')],
  ] as const) {
    it(`${name}: valid against tincan.xsd, course first with the launch`, async () => {
      const course = await load();
      const xml = tincanXml(course);
      const lint = xmllint(xml, TINCAN_XSD);
      expect(lint.output).toBe('');
      expect(lint.ok).toBe(true);
      const acts = activities(xml);
      expect(acts[0]).toMatchObject({ id: course.iri, type: 'http://adlnet.gov/expapi/activities/course' });
      expect(acts[0]!.body).toContain(`<launch lang="${course.language}">index.html</launch>`);
      expect(acts.slice(1).some((a) => a.body.includes('<launch'))).toBe(false);
      expect(xml.match(/<launch/g)).toHaveLength(1);
      // Every activity named and described in the course language; ids unique.
      for (const a of acts) {
        expect(a.body, a.id).toMatch(new RegExp(`<name lang="${course.language}">[^<]+</name>`));
        expect(a.body, a.id).toMatch(new RegExp(`<description lang="${course.language}">[^<]*</description>`));
      }
      expect(new Set(acts.map((a) => a.id)).size).toBe(acts.length);
      // The same list the statements describe.
      expect(acts.map((a) => a.id)).toEqual(courseActivities(course, course.iri!).map((a) => a.id));
      const iri = course.iri!;
      for (const u of course.units) {
        if (u.kind === 'lesson') {
          expect(acts.map((a) => a.id)).toContain(activityId.lesson(iri, u.id));
          for (const p of u.pages) expect(acts.map((a) => a.id)).toContain(activityId.page(iri, u.id, p.id));
        } else if (u.kind === 'scenario') {
          // Test units (the default course's pre-test and final test) have their own check with the issue 12 records.
          expect(acts.find((a) => a.id === activityId.scenario(iri, u.id))?.type).toBe('http://adlnet.gov/expapi/activities/simulation');
          for (const s of u.scenes) if (s.choices.length) expect(acts.map((a) => a.id)).toContain(activityId.scene(iri, u.id, s.id));
        }
      }
      for (const { question } of questionsOf(course)) {
        const a = acts.find((x) => x.id === activityId.question(iri, question.id))!;
        expect(a.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
        expect(a.body).toContain('<interactionType>choice</interactionType>');
        const right = question.choices.map((c, i) => (c.correct ? choiceLetter(i) : '')).filter(Boolean).join('[,]');
        expect(a.body).toContain(`<correctResponsePattern>${right}</correctResponsePattern>`);
        expect(a.body.match(/<component>/g)).toHaveLength(question.choices.length);
      }
    });
  }

  it('the xsd really catches a wrong element order (the check is live)', () => {
    const bad = tincanXml(sample).replace(/(<name [^>]*>[^<]*<\/name>)(\s*)(<description [^>]*>[^<]*<\/description>)/, '$3$2$1');
    expect(xmllint(bad, TINCAN_XSD).ok).toBe(false);
  });

  it('escapes text and drops characters XML cannot hold', () => {
    const c: RuntimeCourse = { ...sample, title: 'A & B <C> "D"\u0001', units: [] };
    const xml = tincanXml(c);
    expect(xml).toContain('<name lang="id-ID">A &amp; B &lt;C&gt; "D"</name>');
    expect(xmllint(xml, TINCAN_XSD).ok).toBe(true);
  });

  it('refuses a course without iri (the compiler reports IR503 before)', () => {
    expect(() => tincanXml({ ...sample, iri: null })).toThrow(/iri/);
  });
});

describe('activity ids', () => {
  const iri = 'https://example.go.id/xapi/course/x';
  it('are derived from ids only, under the course iri', () => {
    expect(activityId.course(iri)).toBe(iri);
    expect(activityId.lesson(iri + '/', 'gratifikasi')).toBe(`${iri}/lesson/gratifikasi`);
    expect(activityId.page(iri, 'gratifikasi', 'p1')).toBe(`${iri}/lesson/gratifikasi/page/p1`);
    expect(activityId.question(iri, 'q-amplop')).toBe(`${iri}/question/q-amplop`);
    expect(activityId.scenario(iri, 'loket')).toBe(`${iri}/scenario/loket`);
    expect(activityId.scene(iri, 'loket', 'mulai')).toBe(`${iri}/scenario/loket/scene/mulai`);
    expect(activityId.question(iri, 'q 1/2')).toBe(`${iri}/question/q%201%2F2`);
  });

  it('do not change when titles, text or order change', () => {
    const moved: RuntimeCourse = JSON.parse(JSON.stringify(sample));
    moved.units.reverse();
    for (const u of moved.units) u.title = u.title.toUpperCase();
    const ids = (c: RuntimeCourse) => courseActivities(c, c.iri!).map((a) => a.id).sort();
    expect(ids(moved)).toEqual(ids(sample));
  });

  it('choice letters, plain text, short names', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(choiceLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
    expect(htmlToText('<p>Uang &quot;rokok&quot; &amp; <em>pelicin</em>&nbsp;&#8212; &#x2014;</p>\n<p>x</p>')).toBe('Uang "rokok" & pelicin — — x');
    expect(shorten('kata '.repeat(40).trim(), 30)).toBe('kata kata kata kata kata kata…');
    expect(shorten('pendek')).toBe('pendek');
  });
});

describe('tincan.xml of issue 12', () => {
  it('lists the tests, each pool question once, typed questions and survey items with their interaction type and components; valid', () => {
    const course = assessCourse('xapi');
    const iri = course.iri!;
    const xml = tincanXml(course);
    const lint = xmllint(xml, TINCAN_XSD);
    expect(lint.output).toBe('');
    expect(lint.ok).toBe(true);
    const acts = activities(xml);
    const body = (id: string) => acts.find((a) => a.id === id)!.body;
    expect(new Set(acts.map((a) => a.id)).size).toBe(acts.length);
    expect(acts.filter((a) => a.type === TYPE.assessment).map((a) => a.id)).toEqual([activityId.test(iri, 'tes-awal'), activityId.test(iri, 'tes-akhir')]);
    // Both tests draw from one pool: its questions are listed once.
    expect(acts.filter((a) => a.id === activityId.question(iri, 'b-tf'))).toHaveLength(1);
    expect(body(activityId.question(iri, 'b-tf'))).toContain('<interactionType>true-false</interactionType>');
    expect(body(activityId.question(iri, 'pc'))).toContain('<interactionType>choice</interactionType>');
    const ma = body(activityId.question(iri, 'ma'));
    expect(ma).toMatch(/<interactionType>matching<\/interactionType>\s*<correctResponsePatterns>\s*<correctResponsePattern>1\[\.\]a\[,\]2\[\.\]b\[,\]3\[\.\]c<\/correctResponsePattern>\s*<\/correctResponsePatterns>\s*<source>/);
    expect(ma).toContain('<target>');
    expect(body(activityId.question(iri, 'se'))).toContain('<choices>');
    const item = body(activityId.surveyItem(iri, 'sikap-awal', 's1'));
    expect(item).toContain('<interactionType>likert</interactionType>');
    expect(item).not.toContain('correctResponsePatterns');
    expect(item.match(/<component>/g)).toHaveLength(5);
    expect(item).toContain(`<description lang="${course.language}">Sangat setuju</description>`);
    // The test activity ids are what the statements use, under the course iri, in the project's namespace for extensions.
    expect(EXT.test.startsWith(NS) && EXT.surveyPhase.startsWith(NS) && EXT.scoringRule.startsWith(NS)).toBe(true);
    expect(TYPE.assessment).toBe(ADL + 'activities/assessment');
  });
});
