/**
 * What Moodle does to a package's file names, so `check` can warn (IR607)
 * before an upload goes quietly wrong. Each rule names the Moodle code it
 * mirrors (moodle/moodle, main branch).
 */
import type { Diagnostics } from '../core/diagnostics.js';
import { printable, type PackageZip } from './zip.js';

/**
 * clean_param($name, PARAM_FILE) (lib/moodlelib.php): drops ASCII control
 * characters and & < > " ` | ' : \ /, and turns `.` and `..` into ''.
 */
function cleanFileSegment(s: string): string {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f&<>"`|':\\/]/g, '');
  return t === '.' || t === '..' ? '' : t;
}

/**
 * clean_param($path, PARAM_PATH) (lib/moodlelib.php): backslashes become
 * slashes, every segment is cleaned as PARAM_FILE (a leading `.` segment is
 * kept), then `//` and `/./` collapse. Spaces and non-ASCII letters survive.
 */
export function moodleCleanPath(path: string): string {
  const segments = path.replace(/\\/g, '/').split('/');
  let p = segments.map((s, i) => (s === '.' && i === 0 ? s : cleanFileSegment(s))).join('/');
  p = p.replace(/\/\/+/g, '/');
  return p.replace(/\/(\.\/)+/g, '/');
}

/**
 * The name Moodle stores a zip entry under: zip_archive::init_namelookup()
 * (lib/filestorage/zip_archive.php) applies PARAM_PATH, strips leading
 * slashes and normalises to Unicode NFC.
 */
export function moodleStoredName(name: string): string {
  return moodleCleanPath(name).replace(/^\/+/, '').normalize('NFC');
}

/** IR607 for file names Moodle would change, merge or have to guess. */
export function checkMoodleFileNames(zip: PackageZip, diags: Diagnostics): void {
  const storedAs = new Map<string, string>();
  for (const e of zip.entries) {
    if (e.isDirectory) continue;
    const at = { file: e.name, line: 1, column: 1 };
    const shown = printable(e.name);
    const stored = moodleStoredName(e.name);
    if (stored === '' || stored.endsWith('/')) {
      diags.report('IR607', at, `Moodle drops \`${shown}\` when it unpacks the package: nothing is left of the name once it removes the characters it does not allow`);
      continue;
    }
    if (stored !== e.name && stored !== e.name.normalize('NFC')) {
      diags.report('IR607', at, `Moodle stores \`${shown}\` as \`${stored}\`: it removes & < > " \` | ' : and control characters from file names`, 'Use letters, digits, `-`, `_` and `.` in file names.');
    } else if (stored !== e.name) {
      diags.report('IR607', at, `Moodle stores \`${shown}\` in Unicode NFC form; links that spell the name in the decomposed form will not find it`, 'Save the file name in NFC (composed) form, or use ASCII names.');
    }
    const first = storedAs.get(stored);
    if (first !== undefined) {
      diags.report('IR607', at, `Moodle stores both \`${printable(first)}\` and \`${shown}\` as \`${stored}\` and keeps only the first`);
    } else storedAs.set(stored, e.name);
    // eslint-disable-next-line no-control-regex
    if (/[^\u0000-\u007f]/.test(e.name) && !e.utf8Flag && !e.unicodePathExtra) {
      diags.report('IR607', at, `the name \`${shown}\` has non-ASCII characters but the zip does not mark it as UTF-8, so Moodle guesses its encoding and may garble it`, 'Zip the package with a tool that writes UTF-8 names (the zip "language encoding" flag), or use ASCII names.');
    }
  }
}
