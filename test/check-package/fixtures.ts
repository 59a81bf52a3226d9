/**
 * Packages for the `check PACKAGE.zip` tests: our own builds, hand-made
 * equivalents of Moodle's public SCORM 1.2 test packages (a Rustici
 * "golf"-style single SCO and a multi-SCO course with shared assets and
 * dependencies), and helpers to break them.
 */
import AdmZip from 'adm-zip';
import { readFileSync } from 'node:fs';
import type { Artifact } from '../../src/compile.js';
import { compileFolder } from '../helpers/compile.js';

export const enc = (s: string) => new TextEncoder().encode(s);
export const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

export const SCORM_XSDS = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'];

/** A zip of the given files, in the given order, with UTF-8 names (unless `utf8Names` is false). */
export function zipOf(files: Record<string, string | Uint8Array> | Map<string, Uint8Array>, utf8Names = true): Uint8Array {
  const zip = utf8Names
    ? new AdmZip()
    : new AdmZip(undefined, { decoder: { efs: false, encode: (s: string) => Buffer.from(s, 'utf8'), decode: (b: Buffer) => b.toString('utf8') } } as never);
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  for (const [name, data] of entries) zip.addFile(name, Buffer.from(typeof data === 'string' ? enc(data) : data));
  return new Uint8Array(zip.toBuffer());
}

/** The files of a zip, by name. */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const zip = new AdmZip(Buffer.from(bytes));
  return new Map(zip.getEntries().map((e) => [e.entryName, new Uint8Array(e.getData())]));
}

/**
 * Renames entries by rewriting the name bytes in the local and central
 * headers, for names adm-zip would not write (`..`, `\`, `C:`). Old and new
 * names must have the same length in UTF-8.
 */
export function patchNames(bytes: Uint8Array, renames: Record<string, string>): Uint8Array {
  const out = Buffer.from(bytes);
  for (const [from, to] of Object.entries(renames)) {
    const a = Buffer.from(from);
    const b = Buffer.from(to);
    if (a.length !== b.length) throw new Error(`patchNames: ${from} and ${to} differ in length`);
    let i = out.indexOf(a);
    if (i < 0) throw new Error(`patchNames: ${from} not found`);
    for (; i >= 0; i = out.indexOf(a, i + 1)) b.copy(out, i);
  }
  return new Uint8Array(out);
}

/** Marks an entry as a Unix symbolic link (made by Unix, mode 0120777) in the central directory. */
export function markSymlink(bytes: Uint8Array, name: string): Uint8Array {
  const out = Buffer.from(bytes);
  const n = Buffer.from(name);
  for (let i = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) {
    const nameLen = out.readUInt16LE(i + 28);
    if (out.subarray(i + 46, i + 46 + nameLen).equals(n)) {
      out.writeUInt16LE(0x0314, i + 4); // version made by: Unix
      out.writeUInt32LE((0o120777 << 16) >>> 0, i + 38); // external attributes: S_IFLNK
    }
  }
  return new Uint8Array(out);
}

let built: Promise<Record<'scorm12' | 'xapi', Artifact>> | null = null;

/** Our own packages of the minimal fixture, built once per test file. */
export function ownPackages(dir = 'test/fixtures/minimal/content'): Promise<Record<'scorm12' | 'xapi', Artifact>> {
  const make = async () => {
    const r = await compileFolder(dir);
    if (!r.ok) throw new Error(`fixture ${dir} does not build`);
    return { scorm12: r.artifacts.find((a) => a.target === 'scorm12')!, xapi: r.artifacts.find((a) => a.target === 'xapi')! };
  };
  if (dir !== 'test/fixtures/minimal/content') return make();
  built ??= make();
  return built;
}

/** Rebuilds a package zip with some files replaced (string or bytes) or removed (null). */
export function withFiles(files: Map<string, Uint8Array>, changes: Record<string, string | Uint8Array | null>): Uint8Array {
  const next = new Map(files);
  for (const [name, data] of Object.entries(changes)) {
    if (data === null) next.delete(name);
    else next.set(name, typeof data === 'string' ? enc(data) : data);
  }
  return zipOf(next);
}

/** The same files with the manifest text edited by `edit` (which must change it). */
export function editManifest(files: Map<string, Uint8Array>, name: string, edit: (xml: string) => string): Uint8Array {
  const before = dec(files.get(name));
  const after = edit(before);
  if (after === before) throw new Error(`editManifest: the edit did not change ${name}`);
  return withFiles(files, { [name]: after });
}

export function schemaFiles(): Record<string, Uint8Array> {
  return Object.fromEntries(SCORM_XSDS.map((n) => [n, new Uint8Array(readFileSync(`schemas/scorm12/${n}`))]));
}

const HTML = (title: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script src="../shared/scormfunctions.js"></script></head><body><h1>${title}</h1></body></html>\n`;

/**
 * Like the Rustici "Golf Explained" SCORM 1.2 sample Moodle tests with
 * (mod/scorm/tests/packages/singlesco_scorm12.zip): one SCO, a launch page
 * in shared/, content pages in topic folders, images, the XSDs at the root,
 * no imsmd metadata and no masteryscore.
 */
export function golfLikePackage(): Map<string, Uint8Array> {
  const pages = ['Etiquette/Course.html', 'Etiquette/Distracting.html', 'Handicapping/Overview.html', 'Playing/Rules.html', 'Playing/Scoring.html'];
  const manifest = `<?xml version="1.0" standalone="no" ?>
<manifest identifier="com.example.golfsamples.runtime.basicruntime.12" version="1"
         xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
         xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
                             http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd
                             http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="golf_sample_default_org">
    <organization identifier="golf_sample_default_org">
      <title>Golf Explained - Run-time Basic Calls</title>
      <item identifier="item_1" identifierref="resource_1">
        <title>Golf Explained</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="resource_1" type="webcontent" adlcp:scormtype="sco" href="shared/launchpage.html">
${['shared/launchpage.html', 'shared/scormfunctions.js', 'shared/style.css', 'shared/background.jpg', ...pages, 'Playing/images/green.jpg']
  .map((f) => `      <file href="${f}"/>`)
  .join('\n')}
    </resource>
  </resources>
</manifest>
`;
  const files = new Map<string, Uint8Array>(Object.entries(schemaFiles()));
  files.set('imsmanifest.xml', enc(manifest.replace(/\n/g, '\r\n')));
  files.set('shared/launchpage.html', enc(HTML('Golf Explained')));
  files.set('shared/scormfunctions.js', enc('var API = null; function ScormProcessInitialize() {}\n'));
  files.set('shared/style.css', enc('body { font-family: sans-serif; }\n'));
  files.set('shared/background.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
  files.set('Playing/images/green.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
  for (const p of pages) files.set(p, enc(HTML(p)));
  return files;
}

/**
 * A multi-SCO course: nested items, three SCOs, a shared asset resource
 * every SCO depends on, imsmd metadata, prerequisites, masteryscore,
 * maxtimeallowed, timelimitaction and datafromlms, a resource with its own
 * xml:base, and an item that is only a folder.
 */
export function multiScoPackage(): Map<string, Uint8Array> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="MANIFEST-multi" version="1.3"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="id">Pelatihan Pengadaan Bersih</imsmd:langstring></imsmd:title>
        <imsmd:language>id</imsmd:language>
        <imsmd:description><imsmd:langstring xml:lang="id">Tiga modul.</imsmd:langstring></imsmd:description>
        <imsmd:keyword><imsmd:langstring xml:lang="id">pengadaan</imsmd:langstring></imsmd:keyword>
      </imsmd:general>
      <imsmd:lifecycle>
        <imsmd:version><imsmd:langstring xml:lang="x-none">1.3</imsmd:langstring></imsmd:version>
      </imsmd:lifecycle>
    </imsmd:lom>
  </metadata>
  <organizations default="ORG-multi">
    <organization identifier="ORG-multi" structure="hierarchical">
      <title>Pelatihan Pengadaan Bersih</title>
      <item identifier="MOD-1" isvisible="true">
        <title>Modul 1: Dasar</title>
        <item identifier="SCO-1" identifierref="RES-SCO-1">
          <title>Perencanaan</title>
          <adlcp:masteryscore>80</adlcp:masteryscore>
        </item>
        <item identifier="SCO-2" identifierref="RES-SCO-2" parameters="?mode=review">
          <title>Pemilihan penyedia</title>
          <adlcp:prerequisites type="aicc_script">SCO-1</adlcp:prerequisites>
          <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
          <adlcp:timelimitaction>continue,no message</adlcp:timelimitaction>
          <adlcp:datafromlms>level=2</adlcp:datafromlms>
        </item>
      </item>
      <item identifier="SCO-3" identifierref="RES-SCO-3">
        <title>Ujian akhir</title>
        <adlcp:masteryscore>75.5</adlcp:masteryscore>
      </item>
      <item identifier="GLOSSARY" identifierref="RES-GLOSSARY">
        <title>Glosarium</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-SCO-1" type="webcontent" adlcp:scormtype="sco" href="modul1/perencanaan.html">
      <file href="modul1/perencanaan.html"/>
      <file href="modul1/gambar/bagan%20alur.png"/>
      <dependency identifierref="RES-COMMON"/>
    </resource>
    <resource identifier="RES-SCO-2" type="webcontent" adlcp:scormtype="sco" xml:base="modul1/" href="pemilihan.html">
      <file href="pemilihan.html"/>
      <dependency identifierref="RES-COMMON"/>
    </resource>
    <resource identifier="RES-SCO-3" type="webcontent" adlcp:scormtype="sco" href="ujian/index.html?bank=a#mulai">
      <file href="ujian/index.html"/>
      <file href="ujian/soal.json"/>
      <dependency identifierref="RES-COMMON"/>
    </resource>
    <resource identifier="RES-GLOSSARY" type="webcontent" adlcp:scormtype="asset" href="glosarium.pdf">
      <file href="glosarium.pdf"/>
    </resource>
    <resource identifier="RES-COMMON" type="webcontent" adlcp:scormtype="asset">
      <file href="common/scorm-api.js"/>
      <file href="common/tema.css"/>
      <file href="common/logo.svg"/>
    </resource>
  </resources>
</manifest>
`;
  const files = new Map<string, Uint8Array>(Object.entries(schemaFiles()));
  files.set('imsmanifest.xml', enc(manifest));
  for (const f of ['modul1/perencanaan.html', 'modul1/pemilihan.html', 'ujian/index.html']) files.set(f, enc(HTML(f)));
  files.set('modul1/gambar/bagan alur.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  files.set('ujian/soal.json', enc('[]\n'));
  files.set('glosarium.pdf', enc('%PDF-1.4\n%%EOF\n'));
  files.set('common/scorm-api.js', enc('window.findAPI = function () {};\n'));
  files.set('common/tema.css', enc('body { margin: 0; }\n'));
  files.set('common/logo.svg', enc('<svg xmlns="http://www.w3.org/2000/svg"/>\n'));
  return files;
}

/** A third-party style Tin Can package: launch page in a folder, several activities, one interaction. */
export function tincanPackage(): Map<string, Uint8Array> {
  const xml = `<?xml version="1.0" encoding="utf-8" ?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="http://example.go.id/xapi/course/etika" type="http://adlnet.gov/expapi/activities/course">
      <name lang="id">Etika Pegawai</name>
      <description lang="id">Kursus singkat etika.</description>
      <launch lang="id">kursus/index.html</launch>
    </activity>
    <activity id="http://example.go.id/xapi/course/etika/q1" type="http://adlnet.gov/expapi/activities/cmi.interaction">
      <name lang="id">Pertanyaan 1</name>
      <description lang="id">Apa yang Anda lakukan?</description>
      <interactionType>choice</interactionType>
      <correctResponsePatterns><correctResponsePattern>b</correctResponsePattern></correctResponsePatterns>
      <choices>
        <component><id>a</id><description lang="id">Menerima</description></component>
        <component><id>b</id><description lang="id">Menolak</description></component>
      </choices>
    </activity>
  </activities>
</tincan>
`;
  return new Map([
    ['tincan.xml', enc(xml)],
    ['kursus/index.html', enc(HTML('Etika'))],
    ['kursus/app.js', enc('// app\n')],
  ]);
}
