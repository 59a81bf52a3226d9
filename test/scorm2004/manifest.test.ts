import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile } from '../../src/compile.js';
import { memorySource } from '../../src/core/content-source.js';
import { scorm2004Manifest, SCORM2004_SCHEMA_FILES } from '../../src/targets/scorm2004/manifest.js';
import { scorm2004, SCORM2004_SUSPEND_DATA_LIMIT } from '../../src/targets/scorm2004/index.js';
import { worstCaseStateLength } from '../../src/shared/state-codec.js';
import { uiStrings } from '../../src/shared/ui-strings.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { testToolAssets } from '../helpers/tool.js';
import { xmllint } from '../helpers/xmllint.js';
import { compileFolder } from '../helpers/compile.js';

const SCORM2004_XSD = resolve('schemas/scorm2004/scorm2004.xsd');
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

async function packageOf(dir: string): Promise<{ xml: string; files: Map<string, Uint8Array> }> {
  const r = await compileFolder(dir, ['scorm2004']);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const files = r.artifacts[0]!.files;
  return { xml: dec(files.get('imsmanifest.xml')), files };
}

const bare = (over: Partial<RuntimeCourse> = {}): RuntimeCourse => ({
  schema: 1, target: 'scorm2004', id: 'x', title: 'A & B <c>', version: '1.0.0', language: 'en', uiLanguage: 'en', strings: uiStrings('en'),
  description: null, iri: null, passingScore: null, dimensions: [], units: [], ...over,
});

describe('SCORM 2004 4th Edition manifest', () => {
  it('validates against the official ADL/IMS schemas with xmllint, for the minimal and the default course', async () => {
    for (const dir of ['test/fixtures/minimal/content', 'content']) {
      const r = xmllint((await packageOf(dir)).xml, SCORM2004_XSD);
      expect(r.output, dir).toBe('');
      expect(r.ok, dir).toBe(true);
    }
  });

  it('is rejected by xmllint when broken, so the check above can fail', async () => {
    const { xml } = await packageOf('test/fixtures/minimal/content');
    const wrongType = xmllint(xml.replace('adlcp:scormType="sco"', 'adlcp:scormType="SCO"'), SCORM2004_XSD);
    expect(wrongType.ok).toBe(false);
    expect(wrongType.output).toContain("'SCO' is not an element of the set");
    const notBoolean = xmllint(xml.replace('completionSetByContent="true"', 'completionSetByContent="yes"'), SCORM2004_XSD);
    expect(notBoolean.ok).toBe(false);
    expect(notBoolean.output).toContain('completionSetByContent');
  });

  it('is the 4th Edition, one SCO, content-set completion and objectives, no LMS previous/continue', async () => {
    const { xml, files } = await packageOf('test/fixtures/minimal/content');
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml.match(/adlcp:scormType="sco"/g)).toHaveLength(1);
    expect(xml).toContain('<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>');
    expect([...xml.matchAll(/<adlnav:hideLMSUI>(\w+)<\/adlnav:hideLMSUI>/g)].map((m) => m[1])).toEqual(['previous', 'continue']);
    const listed = [...xml.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual([...files.keys()].filter((f) => f !== 'imsmanifest.xml' && !(SCORM2004_SCHEMA_FILES as readonly string[]).includes(f)).sort());
  });

  it('ships every schema it names at the package root, byte for byte', async () => {
    const { xml, files } = await packageOf('test/fixtures/minimal/content');
    const named = [...xml.matchAll(/ (\S+\.xsd)/g)].map((m) => m[1]!);
    expect(named).toHaveLength(5);
    for (const f of [...named, ...SCORM2004_SCHEMA_FILES]) {
      expect(Buffer.from(files.get(f)!).equals(readFileSync(`schemas/scorm2004/${f}`)), f).toBe(true);
    }
    expect(files.has('scorm2004.xsd')).toBe(false);
  });

  it('escapes titles and keeps identifiers valid when the id starts with a digit', () => {
    const xml = scorm2004Manifest(bare({ id: '2026-integritas' }), ['index.html']);
    expect(xml).toContain('A &amp; B &lt;c&gt;');
    expect(xmllint(xml, SCORM2004_XSD).ok).toBe(true);
  });

  it('is byte-identical across builds', async () => {
    const a = compile(memorySource({ 'course.yml': 'id: x\ntitle: T\nversion: 1.0.0\n', 'lessons/a.md': '---\ntitle: A\n---\nHalo.\n' }), { targets: ['scorm2004'], tool: testToolAssets(), epoch: 0 });
    const b = compile(memorySource({ 'course.yml': 'id: x\ntitle: T\nversion: 1.0.0\n', 'lessons/a.md': '---\ntitle: A\n---\nHalo.\n' }), { targets: ['scorm2004'], tool: testToolAssets(), epoch: 0 });
    expect(a.artifacts[0]!.sha256).toBe(b.artifacts[0]!.sha256);
    expect(a.artifacts[0]!.fileName).toBe('x-1.0.0-scorm2004.zip');
  });
});

describe('the scorm2004 target’s state proof (RTE 4.2.23: 64000 characters)', () => {
  /** One lesson of `pages` empty pages: a bit each, plus the location. */
  const ofPages = (pages: number) =>
    bare({ units: [{ kind: 'lesson', id: 'l', title: 'L', duration: null, objectives: [], pages: Array.from({ length: pages }, (_, i) => ({ id: `p${i}`, title: 'P', blocks: [] })) }] });

  it('accepts a course whose every state fits in 64000 characters and refuses one character more (IR507)', () => {
    const fits = ofPages(383_939);
    const over = ofPages(383_940);
    expect(worstCaseStateLength(fits)).toBe(SCORM2004_SUSPEND_DATA_LIMIT);
    expect(worstCaseStateLength(over)).toBe(SCORM2004_SUSPEND_DATA_LIMIT + 1);
    expect(scorm2004.check(fits, true)).toEqual([]);
    expect(scorm2004.check(over, true)).toEqual([{ code: 'IR507', message: 'progress data could reach 64001 characters; SCORM 2004 keeps at most 64000' }]);
    expect(scorm2004.check(over, false)).toEqual([]);
  });
});
