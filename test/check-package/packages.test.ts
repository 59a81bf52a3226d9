import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../src/check-package/index.js';
import { loadPackageSchemas } from '../../src/node/package-schemas.js';
import { SCORM12_XSD, xmllint } from '../helpers/xmllint.js';
import { dec, golfLikePackage, multiScoPackage, ownPackages, tincanPackage, zipOf } from './fixtures.js';

const schemas = await loadPackageSchemas();
const check = (bytes: Uint8Array, name = 'package.zip') => checkPackage(bytes, name, schemas);

describe('check PACKAGE.zip on good packages', () => {
  it('finds nothing wrong with our own SCORM 1.2 and Tin Can builds', async () => {
    const own = await ownPackages();
    const scorm = await check(own.scorm12.zip, own.scorm12.fileName);
    expect(scorm.diagnostics).toEqual([]);
    expect(scorm.kinds).toEqual(['scorm12']);
    expect(scorm.files).toBe(own.scorm12.files.size);
    const xapi = await check(own.xapi.zip, own.xapi.fileName);
    expect(xapi.diagnostics).toEqual([]);
    expect(xapi.kinds).toEqual(['xapi']);
  });

  it('finds nothing wrong with the packages of the default course, the English fixture and a course with tests and surveys', async () => {
    for (const dir of ['content', 'test/fixtures/english/content', 'test/fixtures/assess-all/content']) {
      const own = await ownPackages(dir);
      expect((await check(own.scorm12.zip)).diagnostics, dir).toEqual([]);
      expect((await check(own.xapi.zip)).diagnostics, dir).toEqual([]);
    }
  });

  it('accepts a Rustici "golf"-style single-SCO package (CRLF manifest, no metadata, folders)', async () => {
    const files = golfLikePackage();
    expect(xmllint(dec(files.get('imsmanifest.xml')), SCORM12_XSD).ok).toBe(true);
    const r = await check(zipOf(files), 'golf.zip');
    expect(r.diagnostics).toEqual([]);
    expect(r.kinds).toEqual(['scorm12']);
  });

  it('accepts a multi-SCO package with shared assets, dependencies, xml:base, query strings and %20', async () => {
    const files = multiScoPackage();
    expect(xmllint(dec(files.get('imsmanifest.xml')), SCORM12_XSD).ok).toBe(true);
    const r = await check(zipOf(files), 'multi.zip');
    expect(r.diagnostics).toEqual([]);
  });

  it('accepts a third-party Tin Can package whose launch page is in a folder', async () => {
    const r = await check(zipOf(tincanPackage()), 'tincan.zip');
    expect(r.diagnostics).toEqual([]);
    expect(r.kinds).toEqual(['xapi']);
  });

  it('checks both manifests when a package carries both', async () => {
    const own = await ownPackages();
    const both = new Map([...own.scorm12.files, ['tincan.xml', own.xapi.files.get('tincan.xml')!]]);
    const r = await check(zipOf(both));
    expect(r.kinds).toEqual(['scorm12', 'xapi']);
    expect(r.diagnostics).toEqual([]);
  });

  it('is deterministic: the same bytes give the same report', async () => {
    const bytes = zipOf(multiScoPackage());
    expect(await check(bytes)).toEqual(await check(bytes));
  });
});
