import { describe, expect, it } from 'vitest';
import { moodleCleanPath, moodleStoredName } from '../../src/check-package/moodle.js';
import { checkPackage } from '../../src/check-package/index.js';
import { loadPackageSchemas } from '../../src/node/package-schemas.js';
import { ownPackages, withFiles } from './fixtures.js';

describe("Moodle's clean_param(PARAM_PATH) on zip entry names", () => {
  it.each([
    ['index.html', 'index.html'],
    ['materi/foto rapat 1.jpg', 'materi/foto rapat 1.jpg'],
    ['aset/ünïcode-ñ.png', 'aset/ünïcode-ñ.png'],
    ["bob's plan.html", 'bobs plan.html'],
    ['a&b.html', 'ab.html'],
    ['12:30.html', '1230.html'],
    ['q"<>|`.html', 'q.html'],
    ['a\\b.html', 'a/b.html'],
    ['a//b.html', 'a/b.html'],
    ['a/./b.html', 'a/b.html'],
    ['a/../b.html', 'a/b.html'],
    ['file..min.js', 'file..min.js'],
    ['tab\there.txt', 'tabhere.txt'],
  ])('%s → %s', (name, cleaned) => {
    expect(moodleCleanPath(name)).toBe(cleaned);
  });

  it('stores names without leading slashes and in NFC', () => {
    expect(moodleStoredName('/abs/x.html')).toBe('abs/x.html');
    expect(moodleStoredName('cafe\u0301.html')).toBe('caf\u00e9.html');
  });

  it('warns about a name stored in another Unicode form, and not about spaces', async () => {
    const schemas = await loadPackageSchemas();
    const own = await ownPackages();
    const r = await checkPackage(withFiles(own.scorm12.files, { 'cafe\u0301.html': 'x', 'foto rapat.png': 'y' }), 'p.zip', schemas);
    expect(r.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['IR607 cafe\u0301.html']);
    expect(r.diagnostics[0]!.message).toContain('NFC');
  });
});
