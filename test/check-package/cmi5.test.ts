/**
 * `check PACKAGE.zip` on cmi5 packages: our own builds pass; the AICC's
 * sample course structures pass the schema; broken copies report the
 * schema's errors (moveOn, masteryScore range, a missing url), the checks
 * the schema cannot make (masteryScore precision, an unused masteryScore,
 * relative or repeated ids) and AU urls that are not in the zip.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkPackage } from '../../src/check-package/index.js';
import { loadPackageSchemas } from '../../src/node/package-schemas.js';
import { compileFolder } from '../helpers/compile.js';
import { dec, editManifest, withFiles, zipOf } from './fixtures.js';
import { SHARED } from '../helpers/package.js';
import { join } from 'node:path';

const schemas = await loadPackageSchemas();
const diagnose = async (bytes: Uint8Array) => (await checkPackage(bytes, 'course.zip', schemas)).diagnostics;
const codes = async (bytes: Uint8Array) => (await diagnose(bytes)).map((d) => `${d.code} ${d.file}:${d.line}`);

async function own(dir = 'test/fixtures/minimal/content') {
  const r = await compileFolder(dir, ['cmi5']);
  return r.artifacts[0]!;
}
const files = (await own()).files;
const xml = dec(files.get('cmi5.xml'));
const lineOf = (needle: string) => xml.slice(0, xml.indexOf(needle)).split('\n').length;
const edit = (f: (x: string) => string) => editManifest(files, 'cmi5.xml', f);

describe('check PACKAGE.zip: cmi5', () => {
  it('finds nothing wrong with our own cmi5 builds (minimal, English, default course)', async () => {
    for (const dir of ['test/fixtures/minimal/content', 'test/fixtures/english/content', 'content']) {
      const a = await own(dir);
      const r = await checkPackage(a.zip, a.fileName, schemas);
      expect(r.diagnostics, dir).toEqual([]);
      expect(r.kinds, dir).toEqual(['cmi5']);
    }
  });

  it('accepts the AICC sample course structures (an AU outside the zip by a full URL; blocks and objectives)', async () => {
    for (const name of ['aicc-simple-cmi5.xml', 'aicc-complex-cmi5.xml']) {
      const r = await checkPackage(zipOf({ 'cmi5.xml': readFileSync(join(SHARED, 'schemas/cmi5/examples', name)) }), name, schemas);
      expect(r.diagnostics, name).toEqual([]);
    }
  });

  it('IR604 for what the schema refuses: a moveOn it does not know, a masteryScore above 1, an AU without url', async () => {
    expect(await codes(edit((x) => x.replace('moveOn="CompletedAndPassed"', 'moveOn="Done"')))).toEqual([`IR604 cmi5.xml:${lineOf('moveOn=')}`]);
    const percent = await diagnose(edit((x) => x.replace('masteryScore="0.7"', 'masteryScore="70"')));
    expect(percent.map((d) => d.code)).toEqual(['IR604']);
    expect(percent[0]!.message).toContain('masteryScore');
    expect(await codes(edit((x) => x.replace('    <url>index.html</url>\n', '')))).toEqual([`IR604 cmi5.xml:${lineOf('<au ')}`]);
    const wrongRoot = await diagnose(edit((x) => x.replace('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'https://example.org/cmi5')));
    expect(wrongRoot.map((d) => d.code)).toEqual(['IR604']);
    expect(wrongRoot[0]!.hint).toContain('<courseStructure> element in the namespace https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
  });

  it('IR620 for a masteryScore with more than 4 decimals; IR621 when moveOn does not use it', async () => {
    const precise = await diagnose(edit((x) => x.replace('masteryScore="0.7"', 'masteryScore="0.70125"')));
    expect(precise.map((d) => `${d.code} ${d.severity} ${d.line}`)).toEqual([`IR620 error ${lineOf('masteryScore=')}`]);
    expect(await codes(edit((x) => x.replace('masteryScore="0.7"', 'masteryScore="0.7125000"')))).toEqual([]);
    const unused = await diagnose(edit((x) => x.replace('moveOn="CompletedAndPassed"', 'moveOn="Completed"')));
    expect(unused.map((d) => `${d.code} ${d.severity}`)).toEqual(['IR621 warning']);
    expect(unused[0]!.message).toContain('moveOn is `Completed`');
  });

  it('IR622 for a relative id and for two AUs with one id', async () => {
    const relative = await diagnose(edit((x) => x.replace('<au id="https://example.go.id/xapi/course/contoh-minimal/au"', '<au id="au-1"')));
    expect(relative.map((d) => `${d.code} ${d.line}`)).toEqual([`IR622 ${lineOf('<au ')}`]);
    const au = xml.slice(xml.indexOf('  <au '), xml.indexOf('</au>') + '</au>\n'.length);
    const twice = await diagnose(edit((x) => x.replace(au, au + au)));
    expect(twice.map((d) => d.code)).toEqual(['IR622']);
    expect(twice[0]!.message).toContain(`also the id of the AU at line ${lineOf('<au ')}`);
  });

  it('IR605 for an AU url that is not in the zip, points outside it, or differs in case', async () => {
    expect(await codes(withFiles(files, { 'index.html': null }))).toEqual([`IR605 cmi5.xml:${lineOf('<url>')}`]);
    const outside = await diagnose(edit((x) => x.replace('<url>index.html</url>', '<url>../index.html</url>')));
    expect(outside.map((d) => d.code)).toEqual(['IR605']);
    expect(outside[0]!.message).toContain('points outside the package');
    const cased = await diagnose(edit((x) => x.replace('<url>index.html</url>', '<url>Index.html?lang=id</url>')));
    expect(cased[0]!.message).toContain('it has `index.html`');
    // §14.1: an AU outside the zip by its full URL is allowed.
    expect(await codes(edit((x) => x.replace('<url>index.html</url>', '<url>https://courses.example.org/au/index.html</url>')))).toEqual([]);
  });

  it('IR603 names cmi5.xml left in a folder', async () => {
    const nested = zipOf(new Map([...files].map(([k, v]) => [`course/${k}`, v])));
    const d = await diagnose(nested);
    expect(d.map((x) => x.code)).toEqual(['IR603']);
    expect(d[0]!.message).toContain('`course/cmi5.xml`');
  });
});
