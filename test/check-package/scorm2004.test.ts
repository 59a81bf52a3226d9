/**
 * `check PACKAGE.zip` on SCORM 2004 packages: ours pass clean; each kind of
 * breakage is reported at its line; and the WebAssembly validator agrees
 * with Debian's xmllint on the 4th Edition schemas.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { checkPackage } from '../../src/check-package/index.js';
import { validateScorm2004 } from '../../src/check-package/xsd.js';
import { loadPackageSchemas } from '../../src/node/package-schemas.js';
import { compileFolder } from '../helpers/compile.js';
import { xmllint } from '../helpers/xmllint.js';
import { dec, editManifest, enc, withFiles } from './fixtures.js';

const schemas = await loadPackageSchemas();
const built = await compileFolder('test/fixtures/minimal/content', ['scorm2004']);
const own = built.artifacts[0]!;
const files = own.files;
const manifest = dec(files.get('imsmanifest.xml'));
const lineOf = (xml: string, needle: string) => xml.slice(0, xml.indexOf(needle)).split('\n').length;

async function diagnose(bytes: Uint8Array) {
  return checkPackage(bytes, 'p.zip', schemas);
}
const codes = async (bytes: Uint8Array) => (await diagnose(bytes)).diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`);
const edit = (f: (xml: string) => string) => editManifest(files, 'imsmanifest.xml', f);

describe('check PACKAGE.zip: SCORM 2004', () => {
  it('finds nothing wrong with our scorm2004 packages, and names them SCORM 2004', async () => {
    for (const dir of ['test/fixtures/minimal/content', 'test/fixtures/english/content', 'content']) {
      const r = await compileFolder(dir, ['scorm2004']);
      const c = await diagnose(r.artifacts[0]!.zip);
      expect(c.diagnostics, dir).toEqual([]);
      expect(c.kinds, dir).toEqual(['scorm2004']);
    }
  });

  it('IR604 for a manifest the 4th Edition schemas refuse, at its line', async () => {
    const bad = edit((x) => x.replace('adlcp:scormType="sco"', 'adlcp:scormType="SCO"'));
    const line = lineOf(manifest, 'adlcp:scormType');
    // And Moodle's case-sensitive reading of it (IR607).
    expect(await codes(bad)).toEqual([`IR604 imsmanifest.xml:${line}`, `IR607 imsmanifest.xml:${line}`]);
    const d = (await diagnose(bad)).diagnostics[0]!;
    expect(d.message).toContain("'SCO' is not an element of the set");
    expect(d.message).toContain('adlcp:scormType');
  });

  it('IR605 for a file the manifest names but the zip lacks, IR606 for an identifierref naming nothing', async () => {
    expect(await codes(withFiles(files, { 'course.js': null }))).toEqual([`IR605 imsmanifest.xml:${lineOf(manifest, '<file href="course.js"')}`]);
    const ref = edit((x) => x.replace('identifierref="RES-contoh-minimal"', 'identifierref="RES-nothing"'));
    expect(await codes(ref)).toEqual([`IR606 imsmanifest.xml:${lineOf(manifest, 'identifierref=')}`]);
  });

  it('IR610 when the launched resource has no href', async () => {
    const noHref = edit((x) => x.replace(' href="index.html"', ''));
    expect((await codes(noHref)).map((c) => c.split(' ')[0])).toContain('IR610');
  });

  it('IR611 for a schemaversion Moodle does not run as 2004; IR607 when only spaces stand in the way', async () => {
    const second = edit((x) => x.replace('<schemaversion>2004 4th Edition</schemaversion>', '<schemaversion>2004 2nd Edition</schemaversion>'));
    const [d] = (await diagnose(second)).diagnostics;
    expect(d).toMatchObject({ code: 'IR611', severity: 'error', line: lineOf(manifest, '<schemaversion>') });
    expect(d!.message).toContain('Moodle would run the package as SCORM 1.2');
    for (const ok of ['2004 3rd Edition', 'CAM 1.3', '1.3']) {
      expect(await codes(edit((x) => x.replace('2004 4th Edition', ok))), ok).toEqual([]);
    }
    const spaced = edit((x) => x.replace('<schemaversion>2004 4th Edition</schemaversion>', '<schemaversion> 2004 4th Edition </schemaversion>'));
    expect((await diagnose(spaced)).diagnostics.map((x) => `${x.code} ${x.severity}`)).toEqual(['IR607 warning']);
  });

  it('IR607 for a sequencing or ADL namespace under a prefix Moodle does not read', async () => {
    const ss = edit((x) => x.replace(/imsss:/g, 'ss:').replace('xmlns:imsss=', 'xmlns:ss='));
    const [d] = (await diagnose(ss)).diagnostics;
    expect(d).toMatchObject({ code: 'IR607', severity: 'warning' });
    expect(d!.message).toContain('IMS Simple Sequencing namespace with the prefix `ss:`');
    const adl = edit((x) => x.replace(/adlcp:/g, 'adl:').replace('xmlns:adlcp=', 'xmlns:adl='));
    expect((await diagnose(adl)).diagnostics.map((x) => x.message).join('\n')).toContain('only recognises the literal `adlcp:` prefix, so it would treat SCOs as assets');
  });

  it('a SCORM 1.2 manifest is still checked as SCORM 1.2', async () => {
    const r = await compileFolder('test/fixtures/minimal/content', ['scorm12']);
    expect((await diagnose(r.artifacts[0]!.zip)).kinds).toEqual(['scorm12']);
  });
});

describe('the bundled 2004 validator agrees with Debian xmllint', () => {
  const XSD = resolve('schemas/scorm2004/scorm2004.xsd');
  const cases: [string, string][] = [
    ['ours', manifest],
    ['scormType out of its set', manifest.replace('adlcp:scormType="sco"', 'adlcp:scormType="SCO"')],
    ['not a boolean', manifest.replace('objectiveSetByContent="true"', 'objectiveSetByContent="maybe"')],
    ['unknown imsss element', manifest.replace('<imsss:deliveryControls', '<imsss:deliveryControl')],
    ['unknown hideLMSUI token', manifest.replace('<adlnav:hideLMSUI>previous', '<adlnav:hideLMSUI>back')],
    ['not well-formed', manifest.replace('</organizations>', '</organisations>')],
  ];
  it.each(cases)('%s', async (_name, xml) => {
    const debian = xmllint(xml, XSD);
    const wasm = await validateScorm2004(enc(xml), schemas);
    expect(wasm.valid).toBe(debian.ok);
    const debianLines = [...debian.output.matchAll(/doc\.xml:(\d+):/g)].map((m) => Number(m[1]));
    expect(wasm.issues.map((i) => i.line)).toEqual([...new Set(debianLines)].length ? [...new Set(debianLines)] : []);
  });
});
