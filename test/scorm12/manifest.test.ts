import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile } from '../../src/compile.js';
import { memorySource } from '../../src/core/content-source.js';
import { readContentFolder } from '../../src/node/read-content.js';
import { scorm12Manifest } from '../../src/targets/scorm12/manifest.js';
import { uiStrings } from '../../src/shared/ui-strings.js';
import { testToolAssets } from '../helpers/tool.js';
import { SCORM12_XSD, xmllint } from '../helpers/xmllint.js';
import { compileFolder } from '../helpers/compile.js';

const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

async function manifestOf(dir: string): Promise<{ xml: string; files: string[] }> {
  const r = await compileFolder(dir, ['scorm12']);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const files = r.artifacts[0]!.files;
  return { xml: dec(files.get('imsmanifest.xml')), files: [...files.keys()] };
}

describe('SCORM 1.2 manifest', () => {
  it('validates against the official ADL/IMS schemas with xmllint', async () => {
    const { xml } = await manifestOf('test/fixtures/minimal/content');
    const r = xmllint(xml, SCORM12_XSD);
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });

  it('validates for the default course too', async () => {
    const { xml } = await manifestOf('content');
    expect(xmllint(xml, SCORM12_XSD).ok).toBe(true);
  });

  it('is rejected by xmllint when broken, so the check above can fail', async () => {
    const { xml } = await manifestOf('test/fixtures/minimal/content');
    const broken = xml.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"');
    const r = xmllint(broken, SCORM12_XSD);
    expect(r.ok).toBe(false);
    expect(r.output).toContain("'SCO' is not an element of the set");
  });

  it('lists every packed file except itself and the schemas, with one SCO and the mastery score', async () => {
    const { xml, files } = await manifestOf('test/fixtures/minimal/content');
    const listed = [...xml.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]);
    const expected = files.filter((f) => f !== 'imsmanifest.xml' && !f.endsWith('.xsd')).sort();
    expect(listed).toEqual(expected);
    expect(xml.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
    expect(xml).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    expect(xml).toContain('identifier="MANIFEST-contoh-minimal"');
    for (const xsd of ['adlcp_rootv1p2.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd']) expect(files).toContain(xsd);
  });

  it('omits masteryscore without passing_score and escapes titles', () => {
    const xml = scorm12Manifest(
      { schema: 1, id: 'x', title: 'A & B <c>', version: '1.0.0', language: 'en', uiLanguage: 'en', strings: uiStrings('en'), description: null, iri: null, passingScore: null, dimensions: [], units: [] },
      ['index.html'],
    );
    expect(xml).not.toContain('masteryscore');
    expect(xml).toContain('A &amp; B &lt;c&gt;');
    expect(xmllint(xml, SCORM12_XSD).ok).toBe(true);
  });

  it('keeps identifiers valid xs:IDs when the course id starts with a digit', () => {
    const r = compile(
      memorySource({ 'course.yml': 'id: 2026-integritas\ntitle: T\nversion: 1.0.0\n', 'lessons/a.md': '---\ntitle: A\n---\nHalo.\n' }),
      { targets: ['scorm12'], tool: testToolAssets(), epoch: 0 },
    );
    expect(xmllint(dec(r.artifacts[0]!.files.get('imsmanifest.xml')), SCORM12_XSD).ok).toBe(true);
  });

  it('ships the schema files byte-for-byte', async () => {
    const r = compile(await readContentFolder('test/fixtures/minimal/content'), { targets: ['scorm12'], tool: testToolAssets(), epoch: 0 });
    expect(Buffer.from(r.artifacts[0]!.files.get('ims_xml.xsd')!).equals(readFileSync('schemas/scorm12/ims_xml.xsd'))).toBe(true);
  });
});
