/**
 * The bundled validator (libxml2 in WebAssembly, on an adjusted in-memory
 * copy of the SCORM 1.2 schemas: src/check-package/xsd.ts) must judge every
 * manifest the way Debian's xmllint judges it on the official, unmodified
 * schemas: same verdict, and for well-formed documents the same error lines.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { checkPackage } from '../../src/check-package/index.js';
import { adjustImsmd, adjustImsXml, validateScorm12, validateTincan } from '../../src/check-package/xsd.js';
import { loadPackageSchemas } from '../../src/node/package-schemas.js';
import { xmllint, SCORM12_XSD } from '../helpers/xmllint.js';
import { dec, golfLikePackage, multiScoPackage, ownPackages, tincanPackage, zipOf } from './fixtures.js';

const schemas = await loadPackageSchemas();
const enc = (s: string) => new TextEncoder().encode(s);
const VALID = readFileSync('test/fixtures/schema-examples/valid-imsmanifest.xml', 'utf8');
const own = await ownPackages();
const OURS = dec(own.scorm12.files.get('imsmanifest.xml'));
const DEFAULT_COURSE = dec((await ownPackages('content')).scorm12.files.get('imsmanifest.xml'));
const GENERAL = /<imsmd:general>[\s\S]*?<\/imsmd:general>/;

function edit(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`mutation did not apply: ${String(from)}`);
  return out;
}

const ROLE = '<imsmd:role><imsmd:source><imsmd:langstring xml:lang="x-none">LOMv1.0</imsmd:langstring></imsmd:source><imsmd:value><imsmd:langstring xml:lang="x-none">Author</imsmd:langstring></imsmd:value></imsmd:role>';
const DATE = '<imsmd:date><imsmd:datetime>2026-01-01</imsmd:datetime></imsmd:date>';
const CENTITY = '<imsmd:centity><imsmd:vcard>BEGIN:VCARD END:VCARD</imsmd:vcard></imsmd:centity>';

/** [name, manifest, expected verdict of Debian's xmllint]: the verdicts are asserted too, so the corpus cannot rot. */
const SCORM_CORPUS: [string, string, boolean][] = [
  ['shared valid example', VALID, true],
  ['our minimal fixture manifest', OURS, true],
  ['our default course manifest', DEFAULT_COURSE, true],
  ['golf-style single SCO (CRLF)', dec(golfLikePackage().get('imsmanifest.xml')), true],
  ['multi-SCO with imsmd metadata', dec(multiScoPackage().get('imsmanifest.xml')), true],
  // The mutations of schemas/scorm12/SOURCE.md.
  ['resources removed', edit(VALID, /<resources>[\s\S]*<\/resources>/, ''), false],
  ['scormtype "SCO"', edit(VALID, 'adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"'), false],
  ['scormtype without the adlcp prefix', edit(VALID, 'adlcp:scormtype="sco"', 'scormtype="sco"'), false],
  ['duplicate identifier', edit(VALID, 'identifier="RES-COMMON"', 'identifier="RES-1"'), false],
  ['identifier starting with a digit', edit(VALID, 'identifier="ITEM-1"', 'identifier="1ITEM"'), false],
  ['masteryscore before title', edit(VALID, /(<title>Lesson 1<\/title>)([\s\S]*?)(<adlcp:masteryscore>80<\/adlcp:masteryscore>)/, '$3$2$1'), false],
  ['resource without type', edit(VALID, '<resource identifier="RES-1" type="webcontent"', '<resource identifier="RES-1"'), false],
  ['bad timelimitaction', edit(VALID, '<adlcp:masteryscore>80</adlcp:masteryscore>', '<adlcp:masteryscore>80</adlcp:masteryscore><adlcp:timelimitaction>exit</adlcp:timelimitaction>'), false],
  ['SCORM 2004 namespace', edit(VALID, '"http://www.imsproject.org/xsd/imscp_rootv1p1p2"', '"http://www.imsglobal.org/xsd/imscp_v1p1"'), false],
  // What SOURCE.md says passes the schemas (the checks the tool adds itself).
  ['dangling identifierref (schema-valid)', edit(VALID, 'identifierref="RES-1"', 'identifierref="RES-9"'), true],
  ['missing default organization (schema-valid)', edit(VALID, 'default="ORG-1"', 'default="ORG-9"'), true],
  ['non-numeric masteryscore (schema-valid)', edit(VALID, '>80</adlcp:masteryscore>', '>high</adlcp:masteryscore>'), true],
  ['schemaversion 2004 (schema-valid)', edit(VALID, '<schemaversion>1.2</schemaversion>', '<schemaversion>CAM 1.3</schemaversion>'), true],
  ['adlcp bound to another prefix (schema-valid)', VALID.replace(/adlcp([:=])/g, 'adl$1'), true],
  // The adjusted imsmd content models: children in any order, repeats, required role, strict wildcard.
  ['imsmd general children out of order and repeated', edit(VALID, GENERAL, '<imsmd:general><imsmd:language>en</imsmd:language><imsmd:title><imsmd:langstring>T</imsmd:langstring></imsmd:title><imsmd:identifier>x</imsmd:identifier><imsmd:title><imsmd:langstring>T2</imsmd:langstring></imsmd:title></imsmd:general>'), true],
  ['imsmd contribute: date, centity after role', edit(VALID, GENERAL, `<imsmd:general/><imsmd:lifecycle><imsmd:contribute>${ROLE}${DATE}${CENTITY}</imsmd:contribute></imsmd:lifecycle>`), true],
  ['imsmd contribute without role', edit(VALID, GENERAL, `<imsmd:general/><imsmd:lifecycle><imsmd:contribute>${DATE}${ROLE}</imsmd:contribute></imsmd:lifecycle>`), false],
  ['imsmd unknown element', edit(VALID, GENERAL, '<imsmd:general><imsmd:foo>x</imsmd:foo></imsmd:general>'), false],
  ['imsmd element of an undeclared namespace', edit(VALID, GENERAL, '<imsmd:general xmlns:z="urn:z"><z:foo/></imsmd:general>'), false],
  ['imsmd lom children out of order', edit(VALID, GENERAL, '<imsmd:lifecycle/><imsmd:general/>'), false],
  ['imsmd title without langstring', edit(VALID, GENERAL, '<imsmd:general><imsmd:title>plain</imsmd:title></imsmd:general>'), false],
  ['imsmd bad xml:lang', edit(VALID, 'xml:lang="en"', 'xml:lang="not a language"'), false],
  ['imsmd xml:base not allowed', edit(VALID, 'xml:lang="en"', 'xml:base="x"'), false],
  ['imsmd nested lom (global element via wildcard)', edit(VALID, GENERAL, '<imsmd:general><imsmd:lom/></imsmd:general>'), true],
  ['imsmd technical, educational, rights, classification', edit(VALID, GENERAL, '<imsmd:general/><imsmd:technical><imsmd:format>text/html</imsmd:format><imsmd:size>100</imsmd:size></imsmd:technical><imsmd:educational><imsmd:description><imsmd:langstring>d</imsmd:langstring></imsmd:description></imsmd:educational><imsmd:rights><imsmd:description><imsmd:langstring>r</imsmd:langstring></imsmd:description></imsmd:rights><imsmd:classification><imsmd:keyword><imsmd:langstring>k</imsmd:langstring></imsmd:keyword></imsmd:classification>'), true],
  // Things of ims_xml.xsd (xml:lang typed as xs:language) on imscp elements that allow foreign attributes.
  ['xml:lang on an item', edit(VALID, '<item identifier="ITEM-1"', '<item xml:lang="id" identifier="ITEM-1"'), true],
  ['bad xml:lang on an item', edit(VALID, '<item identifier="ITEM-1"', '<item xml:lang="#" identifier="ITEM-1"'), false],
  ['not well-formed', edit(VALID, '</organizations>', ''), false],
];

const TINCAN_SAMPLE = readFileSync('test/fixtures/schema-examples/tincan.sample.xml', 'utf8');
const TINCAN_CORPUS: [string, string, boolean][] = [
  ['shared sample', TINCAN_SAMPLE, true],
  ['shared invalid example', readFileSync('test/fixtures/schema-examples/tincan.invalid.xml', 'utf8'), false],
  ['our build', dec(own.xapi.files.get('tincan.xml')), true],
  ['third-party style', dec(tincanPackage().get('tincan.xml')), true],
  ['activity without description', edit(dec(tincanPackage().get('tincan.xml')), /<description lang="id">Kursus singkat etika.<\/description>/, ''), false],
  ['wrong namespace', edit(dec(tincanPackage().get('tincan.xml')), 'http://projecttincan.com/tincan.xsd', 'http://example.com/tincan'), false],
];

/** Error lines from Debian's xmllint output (`…/doc.xml:LINE: …`). */
const debianLines = (output: string) => [...new Set([...output.matchAll(/doc\.xml:(\d+):/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
const wasmLines = (issues: { line: number }[]) => [...new Set(issues.map((i) => i.line))].sort((a, b) => a - b);

describe('bundled XSD validation agrees with Debian xmllint', () => {
  it.each(SCORM_CORPUS)('SCORM 1.2: %s', async (_name, xml, expected) => {
    const debian = xmllint(xml, SCORM12_XSD);
    expect(debian.ok, debian.output).toBe(expected);
    const wasm = await validateScorm12(enc(xml), schemas);
    expect(wasm.valid, JSON.stringify(wasm.issues)).toBe(debian.ok);
    if (!debian.ok) {
      const lines = debianLines(debian.output);
      // A document that is not well-formed: the newer libxml2 stops at the first fatal error.
      if (/parser error/.test(debian.output)) expect(wasmLines(wasm.issues)[0]).toBe(lines[0]);
      else expect(wasmLines(wasm.issues)).toEqual(lines);
    }
  });

  it.each(TINCAN_CORPUS)('Tin Can: %s', async (_name, xml, expected) => {
    const debian = xmllint(xml, 'schemas/xapi/tincan.xsd');
    expect(debian.ok, debian.output).toBe(expected);
    const wasm = await validateTincan(enc(xml), schemas);
    expect(wasm.valid).toBe(debian.ok);
    if (!debian.ok) expect(wasmLines(wasm.issues)).toEqual(debianLines(debian.output));
  });
});

describe('manifests in other encodings', () => {
  const latin1 = Buffer.from(edit(edit(VALID, 'encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'Example lesson</imsmd', 'Pelajaran caf\u00e9</imsmd'), 'latin1');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(edit(VALID, 'encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
  const broken16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(edit(edit(VALID, 'encoding="UTF-8"', 'encoding="UTF-16"'), 'type="webcontent" adlcp:scormtype="sco"', 'adlcp:scormtype="sco"'), 'utf16le')]);
  it.each([
    ['ISO-8859-1', latin1, true],
    ['UTF-16 with a byte order mark', utf16, true],
    ['UTF-16, broken', broken16, false],
  ] as const)('%s: same verdict and lines as Debian xmllint; the checks read it too', async (_n, bytes, expected) => {
    const debian = xmllint(bytes, SCORM12_XSD);
    expect(debian.ok).toBe(expected);
    const wasm = await validateScorm12(new Uint8Array(bytes), schemas);
    expect(wasm.valid).toBe(expected);
    expect(wasmLines(wasm.issues)).toEqual(debianLines(debian.output));
    const files = new Map(golfLikePackage());
    files.set('imsmanifest.xml', new Uint8Array(bytes));
    for (const f of ['index.html', 'scorm.js', 'style.css']) files.set(f, enc('x'));
    const r = await checkPackage(zipOf(files), 'enc.zip', schemas);
    expect(r.diagnostics.filter((d) => d.code !== 'IR604')).toEqual([]);
    expect(r.diagnostics.length > 0).toBe(!expected);
  });
});

describe('the schema adjustments', () => {
  it('are needed: the newer libxml2 refuses the official imsmd and ims_xml schemas as they are', async () => {
    const preload = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'].map((f) => ({ fileName: f, contents: schemas.scorm12.get(f)! }));
    const run = validateXML({ xml: { fileName: 'imsmanifest.xml', contents: VALID }, schema: { fileName: 'scorm12.xsd', contents: schemas.scorm12.get('scorm12.xsd')! }, preload });
    await expect(run).rejects.toThrow(/not determinist[\s\S]*failed to compile/);
  });

  it('only remove optional element references before the ##any wildcard, and the default xml namespace declaration', () => {
    const original = schemas.scorm12.get('imsmd_rootv1p2p1.xsd')!;
    const adjusted = adjustImsmd(original);
    const removed = diffLines(original, adjusted);
    expect(removed.length).toBe(56); // 3+4+2+11+9+3+5+2+4+3+3+7 in the twelve content models
    for (const line of removed) expect(line).toMatch(/^\s*<xsd:element ref="\w+" minOccurs="0"(?: maxOccurs="unbounded")?\/>$/);
    // contribute keeps its required role; catalogentry (no optional particles) is untouched.
    expect(adjusted).toMatch(/name="contributeType"[^>]*>\s*<xsd:sequence>\s*<xsd:element ref="role"\/>\s*<xsd:group ref="grp\.any"\/>/);
    expect(adjusted).toMatch(/name="catalogentryType"[^>]*>\s*<xsd:sequence>\s*<xsd:element ref="catalog"\/>\s*<xsd:element ref="entry"\/>/);

    const xml = schemas.scorm12.get('ims_xml.xsd')!;
    expect(adjustImsXml(xml)).toBe(xml.replace(/\s+xmlns="http:\/\/www\.w3\.org\/XML\/1998\/namespace"/, ''));
    expect(adjustImsXml(xml)).not.toMatch(/xmlns="/);
  });

  it('leave the shipped schema files untouched', async () => {
    // sha256 of the ADL/IMS originals, as recorded in schemas/scorm12/SOURCE.md.
    const original: Record<string, string> = {
      'imsmd_rootv1p2p1.xsd': '83879be70d6bdff1d8788d4efcb12d51380de1b242f1a2a16e271a040dce8a5d',
      'ims_xml.xsd': '9fdd37742066d2c1324427eebb716f14aabe73d0168dd7632fc494bd7e1b388c',
    };
    for (const [name, sha] of Object.entries(original)) {
      expect(readFileSync(`schemas/scorm12/${name}`, 'utf8')).toBe(schemas.scorm12.get(name));
      expect(createHash('sha256').update(readFileSync(`schemas/scorm12/${name}`)).digest('hex')).toBe(sha);
    }
  });
});

/** Lines of `a` that are not in `b` (b only removes lines from a). */
function diffLines(a: string, b: string): string[] {
  const bl = b.split('\n');
  const out: string[] = [];
  let j = 0;
  for (const line of a.split('\n')) {
    if (bl[j] === line) j++;
    else out.push(line);
  }
  expect(j).toBe(bl.length);
  return out;
}
