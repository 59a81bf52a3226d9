import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../src/check-package/index.js';
import { checkEntries, type PackageZip } from '../../src/check-package/zip.js';
import { Diagnostics } from '../../src/core/diagnostics.js';
import { loadPackageSchemas } from '../../src/node/package-schemas.js';
import {
  editManifest,
  enc,
  golfLikePackage,
  markSymlink,
  multiScoPackage,
  ownPackages,
  patchNames,
  tincanPackage,
  withFiles,
  zipOf,
} from './fixtures.js';

const schemas = await loadPackageSchemas();
const own = await ownPackages();
const scormFiles = own.scorm12.files;
const xapiFiles = own.xapi.files;

async function diagnose(bytes: Uint8Array) {
  return (await checkPackage(bytes, 'broken.zip', schemas)).diagnostics;
}
/** `CODE file:line` of every diagnostic. */
async function codes(bytes: Uint8Array): Promise<string[]> {
  return (await diagnose(bytes)).map((d) => `${d.code} ${d.file}:${d.line}`);
}
const only = async (bytes: Uint8Array) => [...new Set((await diagnose(bytes)).map((d) => d.code))].sort();
const lineOf = (xml: string, needle: string) => xml.slice(0, xml.indexOf(needle)).split('\n').length;
const manifest = new TextDecoder().decode(scormFiles.get('imsmanifest.xml'));

describe('check PACKAGE.zip: the zip itself', () => {
  it('IR601 for something that is not a zip, an empty file and a truncated zip', async () => {
    expect(await only(enc('<html>not a zip</html>'))).toEqual(['IR601']);
    expect(await only(new Uint8Array())).toEqual(['IR601']);
    expect(await only(own.scorm12.zip.slice(0, 200))).toEqual(['IR601']);
    const [d] = await diagnose(enc('nope'));
    expect(d).toMatchObject({ severity: 'error', code: 'IR601', file: '' });
    expect(d!.message).toContain('broken.zip is not a readable zip');
  });

  it.each([
    ['../evil.js', 'contains `..`'],
    ['a/../../evil', 'contains `..`'],
    ['/etc/cron.d', 'is an absolute path'],
    ['x\\..\\evil.js', 'backslash'],
    ['C:/evil.html', 'drive letter'],
  ])('IR602 for the entry name %s', async (bad, why) => {
    const placeholder = 'z'.repeat(Buffer.byteLength(bad));
    const zip = patchNames(withFiles(scormFiles, { [placeholder]: 'x' }), { [placeholder]: bad });
    const ds = await diagnose(zip);
    const unsafe = ds.filter((d) => d.code === 'IR602');
    expect(unsafe).toHaveLength(1);
    expect(unsafe[0]!.message).toContain(why);
    expect(unsafe[0]!.severity).toBe('error');
  });

  it('IR602 for a symbolic link and for a name that appears twice', async () => {
    expect(await only(markSymlink(withFiles(scormFiles, { 'link.html': 'index.html' }), 'link.html'))).toEqual(['IR602']);
    const twice = patchNames(withFiles(scormFiles, { 'inde2.html': 'x' }), { 'inde2.html': 'index.html' });
    const ds = await diagnose(twice);
    expect(ds.map((d) => d.code)).toEqual(['IR602']);
    expect(ds[0]!.message).toContain('appears twice');
  });

  it('IR601 for an encrypted entry', () => {
    const zip: PackageZip = {
      entries: [{ name: 'index.html', isDirectory: false, size: 1, utf8Flag: true, unicodePathExtra: false, badUtf8: false, symlink: false, encrypted: true }],
      files: new Set(['index.html']),
      read: () => new Uint8Array(),
    };
    const diags = new Diagnostics();
    checkEntries(zip, diags);
    expect(diags.list.map((d) => d.code)).toEqual(['IR601']);
  });

  it('IR603 when no manifest is at the root, saying where it is', async () => {
    const none = await diagnose(withFiles(scormFiles, { 'imsmanifest.xml': null }));
    expect(none.map((d) => d.code)).toEqual(['IR603']);
    expect(none[0]!.message).toContain('no imsmanifest.xml (SCORM), tincan.xml (Tin Can) or cmi5.xml (cmi5)');

    const nested = new Map([...golfLikePackage()].map(([k, v]) => [`golf/${k}`, v]));
    const inFolder = await diagnose(zipOf(nested));
    expect(inFolder.map((d) => d.code)).toEqual(['IR603']);
    expect(inFolder[0]!.message).toContain('`golf/imsmanifest.xml`');
    expect(inFolder[0]!.message).toContain('Moodle refuses the upload');
    expect(inFolder[0]!.hint).toContain('not the folder itself');

    const upper = await diagnose(withFiles(scormFiles, { 'imsmanifest.xml': null, 'IMSManifest.xml': manifest }));
    expect(upper.map((d) => d.code)).toEqual(['IR603']);
    expect(upper[0]!.message).toContain('`IMSManifest.xml`');

    const tincanInFolder = new Map([...xapiFiles].map(([k, v]) => [`course/${k}`, v]));
    expect((await diagnose(zipOf(tincanInFolder)))[0]!.message).toContain('`course/tincan.xml`');
  });
});

describe('check PACKAGE.zip: SCORM 1.2 manifest against the schemas (IR604)', () => {
  const cases: [string, (xml: string) => string, string][] = [
    ['resources removed', (x) => x.replace(/<resources>[\s\S]*<\/resources>/, ''), 'Missing child element(s)'],
    ['scormtype "SCO"', (x) => x.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"'), "'SCO' is not an element of the set"],
    ['scormtype without prefix', (x) => x.replace('adlcp:scormtype="sco"', 'scormtype="sco"'), "attribute 'scormtype' is not allowed"],
    ['duplicate identifier', (x) => x.replace(/identifier="ITEM-contoh-minimal"/, 'identifier="RES-contoh-minimal"'), 'is not a valid value of the atomic type'],
    ['identifier starting with a digit', (x) => x.replace(/identifier="ITEM-contoh-minimal"/, 'identifier="1ITEM"'), 'is not a valid value of the atomic type'],
    ['masteryscore before title', (x) => x.replace(/(<item [^>]*>)(\s*<title>[^<]*<\/title>)(\s*<adlcp:masteryscore>70<\/adlcp:masteryscore>)/, '$1$3$2'), 'This element is not expected'],
    ['resource without type', (x) => x.replace('type="webcontent" ', ''), "The attribute 'type' is required but missing"],
    ['bad timelimitaction', (x) => x.replace('<adlcp:masteryscore>70</adlcp:masteryscore>', '<adlcp:masteryscore>70</adlcp:masteryscore><adlcp:timelimitaction>exit</adlcp:timelimitaction>'), 'timelimitaction'],
    ['not well-formed', (x) => x.replace('</organizations>', ''), ''],
  ];
  it.each(cases)('%s', async (_name, edit, text) => {
    const ds = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', edit));
    const invalid = ds.filter((d) => d.code === 'IR604');
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.every((d) => d.file === 'imsmanifest.xml' && d.line > 0)).toBe(true);
    expect(invalid.map((d) => d.message).join('\n')).toContain(text);
  });

  it('reports schema errors at the line and column of the element or attribute they name', async () => {
    const xml = manifest.replace('type="webcontent" ', '');
    const [d] = (await diagnose(editManifest(scormFiles, 'imsmanifest.xml', () => xml))).filter((x) => x.code === 'IR604');
    const line = lineOf(xml, '<resource ');
    expect(d).toMatchObject({ file: 'imsmanifest.xml', line, column: xml.split('\n')[line - 1]!.indexOf('<resource') + 1 });
    expect(d!.message).toBe("Element 'resource': The attribute 'type' is required but missing.");

    const sco = manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"');
    const [t] = (await diagnose(editManifest(scormFiles, 'imsmanifest.xml', () => sco))).filter((x) => x.code === 'IR604');
    expect(t!.column).toBe(sco.split('\n')[lineOf(sco, 'scormtype="SCO"') - 1]!.indexOf('adlcp:scormtype') + 1);
    expect(t!.message).toContain("Element 'resource', attribute 'adlcp:scormtype'");
  });

  it('checks a manifest in the SCORM 2004 package namespace as SCORM 2004: a 1.2 schemaversion there is IR611', async () => {
    const r = await checkPackage(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('http://www.imsproject.org/xsd/imscp_rootv1p1p2"', 'http://www.imsglobal.org/xsd/imscp_v1p1"')), 'broken.zip', schemas);
    expect(r.kinds).toEqual(['scorm2004']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IR611']);
    expect(r.diagnostics[0]!.message).toContain('schemaversion is `1.2`');
  });
});

describe('check PACKAGE.zip: what the schemas cannot see', () => {
  it('IR606 for an identifierref to a missing resource, at the attribute', async () => {
    const xml = manifest.replace('identifierref="RES-contoh-minimal"', 'identifierref="RES-gone"');
    const ds = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', () => xml));
    expect(ds.map((d) => d.code)).toEqual(['IR606']);
    const line = lineOf(xml, 'identifierref="RES-gone"');
    expect(ds[0]).toMatchObject({ file: 'imsmanifest.xml', line, column: xml.split('\n')[line - 1]!.indexOf('identifierref') + 1 });
    expect(ds[0]!.message).toBe('item identifierref="RES-gone" names no resource');
  });

  it('IR606 for a default organization that does not exist and for a dangling dependency', async () => {
    expect(await codes(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('default="ORG-contoh-minimal"', 'default="ORG-other"')))).toEqual([
      `IR606 imsmanifest.xml:${lineOf(manifest, '<organizations')}`,
    ]);
    expect(await only(editManifest(multiScoPackage(), 'imsmanifest.xml', (x) => x.replace('<dependency identifierref="RES-COMMON"/>', '<dependency identifierref="RES-SHARED"/>')))).toEqual(['IR606']);
  });

  it('IR609 for a non-numeric or out-of-range masteryscore and a schemaversion other than 1.2', async () => {
    expect(await only(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('>70</adlcp:masteryscore>', '>tujuh puluh</adlcp:masteryscore>')))).toEqual(['IR609']);
    expect(await only(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('>70</adlcp:masteryscore>', '>170</adlcp:masteryscore>')))).toEqual(['IR609']);
    const ds = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('<schemaversion>1.2</schemaversion>', '<schemaversion>2004 4th Edition</schemaversion>')));
    expect(ds.map((d) => d.code)).toEqual(['IR609']);
    expect(ds[0]!.message).toContain('Moodle would run the package as SCORM 2004');
    expect(await only(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.1</schemaversion>')))).toEqual(['IR609']);
  });

  it('IR605 for a listed file or a launch file missing from the zip', async () => {
    const ds = await diagnose(withFiles(scormFiles, { 'course.js': null }));
    expect(ds.map((d) => d.code)).toEqual(['IR605']);
    expect(ds[0]).toMatchObject({ file: 'imsmanifest.xml', line: lineOf(manifest, '<file href="course.js"') });
    expect(ds[0]!.message).toBe('file `course.js` is not in the package');

    const renamed = await diagnose(withFiles(scormFiles, { 'index.html': null, 'Index.html': scormFiles.get('index.html')! }));
    expect(renamed.map((d) => d.code)).toEqual(['IR605', 'IR605']);
    expect(renamed[0]!.message).toContain('it has `Index.html`');

    expect(await only(withFiles(multiScoPackage(), { 'modul1/gambar/bagan alur.png': null }))).toEqual(['IR605']);
    expect(await only(withFiles(multiScoPackage(), { 'modul1/pemilihan.html': null }))).toEqual(['IR605']);
  });

  it('IR605 for an href that leaves the package', async () => {
    const ds = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('<file href="course.js"/>', '<file href="../course.js"/>')));
    expect(ds.map((d) => d.code)).toEqual(['IR605']);
    expect(ds[0]!.message).toContain('points outside the package');
  });

  it('IR610 when the launched resource has no href, or nothing can be launched', async () => {
    expect(await only(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace(' href="index.html"', '')))).toEqual(['IR610']);
    const noItems = editManifest(scormFiles, 'imsmanifest.xml', (x) =>
      x.replace(/<organizations[\s\S]*<\/organizations>/, '<organizations/>').replace(' href="index.html"', ''),
    );
    expect(await only(noItems)).toEqual(['IR610']);
  });
});

describe('check PACKAGE.zip: what Moodle mishandles (IR607, warnings)', () => {
  it('warns when the ADL namespace is bound to another prefix (Moodle matches the literal adlcp:)', async () => {
    const xml = manifest.replace(/adlcp([:=])/g, 'adl$1');
    const ds = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', () => xml));
    expect(ds.map((d) => `${d.code} ${d.severity}`)).toEqual(['IR607 warning']);
    expect(ds[0]!.message).toContain('Moodle only recognises the literal `adlcp:` prefix');
    expect(ds[0]!.message).toContain('(and ');
  });

  it('warns when the IMS CP elements carry a prefix', async () => {
    const xml = manifest
      .replace('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"', 'xmlns:cp="http://www.imsproject.org/xsd/imscp_rootv1p1p2"')
      .replace(/<(\/?)(manifest|metadata|schema|schemaversion|organizations|organization|title|item|resources|resource|file)([\s>/])/g, '<$1cp:$2$3');
    const ds = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', () => xml));
    expect(ds.map((d) => d.code)).toEqual(['IR607']);
    expect(ds[0]!.message).toContain('prefix `cp:`');
  });

  it('warns, besides the schema error, that Moodle treats an uppercase scormtype as an asset', async () => {
    const ds = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"')));
    expect(ds.map((d) => d.code)).toEqual(['IR604', 'IR607']);
    expect(ds[1]!.message).toContain('case-sensitively');
  });

  it('warns when a launched resource has no adlcp:scormtype, or an unprefixed one', async () => {
    expect(await only(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace(' adlcp:scormtype="sco"', '')))).toEqual(['IR607']);
    expect(await only(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('adlcp:scormtype="sco"', 'scormtype="sco"')))).toEqual(['IR604', 'IR607']);
  });

  it('warns about xml:base on <resources>, which Moodle ignores', async () => {
    const ds = await diagnose(editManifest(multiScoPackage(), 'imsmanifest.xml', (x) => x.replace('<resources>', '<resources xml:base="./">')));
    expect(ds.map((d) => d.code)).toEqual(['IR607']);
    expect(ds[0]!.message).toContain('Moodle ignores xml:base on <resources>');
  });

  it('warns about file names Moodle would rename, merge or guess the encoding of', async () => {
    const renamed = await diagnose(withFiles(scormFiles, { "assets/bob's plan.png": 'x' }));
    expect(renamed.map((d) => `${d.code} ${d.file}`)).toEqual(["IR607 assets/bob's plan.png"]);
    expect(renamed[0]!.message).toContain('as `assets/bobs plan.png`');

    const clash = await diagnose(withFiles(scormFiles, { 'a&b.txt': 'x', 'ab.txt': 'y' }));
    expect(clash.map((d) => d.code)).toEqual(['IR607', 'IR607']);
    expect(clash.map((d) => d.message).join('\n')).toContain('keeps only the first');

    const guessed = await diagnose(zipOf(new Map([...scormFiles, ['aset/gambar-é.png', enc('x')]]), false));
    expect(guessed.map((d) => d.code)).toEqual(['IR607']);
    expect(guessed[0]!.message).toContain('does not mark it as UTF-8');

    expect(await diagnose(withFiles(scormFiles, { 'assets/foto rapat.png': 'x', 'assets/ünïcode.png': 'y' }))).toEqual([]);
  });
});

describe('check PACKAGE.zip: Tin Can', () => {
  const tincan = new TextDecoder().decode(xapiFiles.get('tincan.xml'));
  it('IR604 for a tincan.xml that breaks tincan.xsd, at its line', async () => {
    const xml = tincan.replace(/(<name [^>]*>[^<]*<\/name>)(\s*<description [^>]*>[^<]*<\/description>)(\s*<launch [^>]*>index.html<\/launch>)/, '$1$3$2');
    const ds = await diagnose(editManifest(xapiFiles, 'tincan.xml', () => xml));
    expect(ds.map((d) => d.code)).toEqual(['IR604']);
    expect(ds[0]).toMatchObject({ file: 'tincan.xml', line: lineOf(xml, '<launch') });
  });

  it('IR610 when the first activity has no launch, IR605 when the launch file is missing', async () => {
    expect(await only(editManifest(xapiFiles, 'tincan.xml', (x) => x.replace(/\s*<launch [^>]*>index.html<\/launch>/, '')))).toEqual(['IR610']);
    const ds = await diagnose(withFiles(xapiFiles, { 'index.html': null }));
    expect(ds.map((d) => d.code)).toEqual(['IR605']);
    expect(ds[0]!.message).toBe('launch file `index.html` is not in the package');
    expect(await only(withFiles(tincanPackage(), { 'kursus/index.html': null }))).toEqual(['IR605']);
  });

  it('warns about what mod_tincanlaunch reads literally', async () => {
    const prefixed = tincan
      .replace('xmlns="http://projecttincan.com/tincan.xsd"', 'xmlns:tc="http://projecttincan.com/tincan.xsd"')
      .replace(/<(\/?)(tincan|activities|activity|name|description|launch|interactionType|correctResponsePatterns|correctResponsePattern|choices|component|id)([\s>/])/g, '<$1tc:$2$3');
    expect(await only(editManifest(xapiFiles, 'tincan.xml', () => prefixed))).toEqual(['IR607']);
    expect(await only(editManifest(xapiFiles, 'tincan.xml', (x) => x.replace(/>index.html<\/launch>/, '>\n      index.html\n    </launch>')))).toEqual(['IR607']);
  });
});

describe('check PACKAGE.zip: hostile manifests', () => {
  it('caps a flood of schema errors', async () => {
    const many = Array.from({ length: 150 }, (_, i) => `<resource identifier="R${i}" href="index.html"/>`).join('\n');
    const ds = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('<resources>', `<resources>\n${many}`)));
    const schema = ds.filter((d) => d.code === 'IR604');
    expect(schema).toHaveLength(101);
    expect(schema[100]!.message).toBe('50 more schema errors not shown');
  });

  it('survives deep nesting, entity declarations and a DOCTYPE without crashing', async () => {
    const deep = '<a>'.repeat(2000) + '</a>'.repeat(2000);
    const nested = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace('<resources>', `<resources>${deep}`)));
    expect(nested.some((d) => d.code === 'IR604')).toBe(true);
    const doctype = '<?xml version="1.0"?>\n<!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n';
    const ds = await diagnose(editManifest(scormFiles, 'imsmanifest.xml', (x) => x.replace(/^<\?xml[^>]*>\n/, doctype).replace('<schema>ADL SCORM</schema>', '<schema>&c;</schema>')));
    expect(ds.every((d) => d.code === 'IR604' || d.code === 'IR609')).toBe(true);
  });
});
