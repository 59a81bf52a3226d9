/**
 * The cmi5 target's course structure (cmi5 §13, §14): cmi5.xml at the zip
 * root, valid against the AICC schema (Debian's xmllint), one AU whose moveOn
 * and masteryScore follow `passing_score`, its url the package's own
 * index.html; and the package byte-reproducible.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { auCriteria, cmi5Xml, publisherIds } from '../../src/targets/cmi5/course-structure.js';
import { uiStrings } from '../../src/shared/ui-strings.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { xmllint } from '../helpers/xmllint.js';
import { codes, compileFiles, compileFolder } from '../helpers/compile.js';

export const CMI5_XSD = resolve('schemas/cmi5/cmi5_CourseStructure.xsd');
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

const bare = (over: Partial<RuntimeCourse> = {}): RuntimeCourse => ({
  schema: 1, target: 'cmi5', id: 'x', title: 'A & B <c> &nbsp;', version: '1.0.0', language: 'en', uiLanguage: 'en', strings: uiStrings('en'),
  description: null, iri: 'https://example.org/xapi/course/x', passingScore: null, dimensions: [], units: [], ...over,
});

async function structureOf(dir: string): Promise<{ xml: string; files: string[]; zip: Uint8Array }> {
  const r = await compileFolder(dir, ['cmi5']);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const a = r.artifacts[0]!;
  return { xml: dec(a.files.get('cmi5.xml')), files: [...a.files.keys()], zip: a.zip };
}

describe('cmi5 course structure', () => {
  it('validates against the AICC CourseStructure.xsd with xmllint: the default, minimal and English courses', async () => {
    for (const dir of ['content', 'test/fixtures/minimal/content', 'test/fixtures/english/content']) {
      const r = xmllint((await structureOf(dir)).xml, CMI5_XSD);
      expect(r.output, dir).toBe('');
      expect(r.ok, dir).toBe(true);
    }
  });

  it('is rejected by xmllint when broken, so the check above can fail', async () => {
    const { xml } = await structureOf('test/fixtures/minimal/content');
    const moveOn = xmllint(xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Done"'), CMI5_XSD);
    expect(moveOn.ok).toBe(false);
    expect(moveOn.output).toContain("'Done' is not an element of the set");
    const mastery = xmllint(xml.replace('masteryScore="0.7"', 'masteryScore="70"'), CMI5_XSD);
    expect(mastery.ok).toBe(false);
    expect(mastery.output).toContain('masteryScore');
    expect(xmllint(xml.replace(/<url>.*<\/url>/, ''), CMI5_XSD).ok).toBe(false);
  });

  it('has one AU launching index.html from inside the zip, cmi5.xml at the root, no schema shipped', async () => {
    const { xml, files } = await structureOf('content');
    expect(files).toContain('cmi5.xml');
    expect(files.filter((f) => f.endsWith('.xsd') || f === 'imsmanifest.xml' || f === 'tincan.xml')).toEqual([]);
    expect(xml.match(/<au /g)).toHaveLength(1);
    expect(xml).toContain('<url>index.html</url>');
    expect(files).toContain('index.html');
    // The default course: passing_score 80.
    expect(xml).toMatch(/<au id="https:\/\/integrity-ranger\.bantenprov\.go\.id\/xapi\/course\/integrity-ranger\/au" moveOn="CompletedAndPassed" masteryScore="0\.8" /);
    expect(xml).toContain('<course id="https://integrity-ranger.bantenprov.go.id/xapi/course/integrity-ranger">');
  });

  it('moveOn and masteryScore come from passing_score', () => {
    expect(auCriteria(null)).toEqual({ moveOn: 'Completed', masteryScore: null });
    expect(auCriteria(80)).toEqual({ moveOn: 'CompletedAndPassed', masteryScore: '0.8' });
    expect(auCriteria(0)).toEqual({ moveOn: 'CompletedAndPassed', masteryScore: '0' });
    expect(auCriteria(100)).toEqual({ moveOn: 'CompletedAndPassed', masteryScore: '1' });
    // Whole-number scores: 73 is the least that passes 72.5, in the course and in the LMS.
    expect(auCriteria(72.5)).toEqual({ moveOn: 'CompletedAndPassed', masteryScore: '0.73' });
    for (let p = 0; p <= 100; p++) expect(xmllint(cmi5Xml(bare({ passingScore: p })), CMI5_XSD).ok, `passing_score ${p}`).toBe(true);
  });

  it('keeps the course and AU publisher ids distinct, and an author\'s markup characters well-formed', () => {
    expect(publisherIds('https://e.org/c/')).toEqual({ course: 'https://e.org/c/', au: 'https://e.org/c/au' });
    const xml = cmi5Xml(bare({ description: 'Q&A; <b>' }));
    expect(xml).toContain('A &amp; B &lt;c&gt; &amp;nbsp;');
    const r = xmllint(xml, CMI5_XSD);
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
    expect(() => cmi5Xml(bare({ iri: null }))).toThrow(/iri/);
  });

  it('needs `iri` (IR520), like the xapi target', () => {
    const r = compileFiles({ 'course.yml': 'id: uji\ntitle: Kursus Uji\nversion: 1.0.0\n', 'lessons/a.md': '---\ntitle: A\n---\nTeks.\n' }, ['cmi5']);
    expect(codes(r)).toEqual(['IR520 course.yml:1:1']);
    expect(r.artifacts).toEqual([]);
  });

  it('is reproducible to the byte', async () => {
    const a = await structureOf('content');
    const b = await structureOf('content');
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true);
  });
});
