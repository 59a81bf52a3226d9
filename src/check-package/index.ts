/**
 * `integrity-ranger check PACKAGE.zip`: checks a built SCORM 1.2, SCORM 2004
 * or Tin Can package, ours or anyone's, before it is uploaded. Pure apart from the
 * WebAssembly validator: bytes and schemas in, diagnostics out.
 */
import { Diagnostics, type Diagnostic } from '../core/diagnostics.js';
import { checkMoodleFileNames } from './moodle.js';
import { IMSCP_2004_NS } from './common.js';
import { checkScorm12 } from './scorm12.js';
import { checkScorm2004 } from './scorm2004.js';
import { checkTincan } from './tincan.js';
import type { PackageSchemas } from './xsd.js';
import { decodeXml, parseXml } from './xml.js';
import { checkEntries, openZip, printable, unsafeEntryReason, ZipReadError, type PackageZip } from './zip.js';

export type { PackageSchemas } from './xsd.js';
export { moodleCleanPath, moodleStoredName } from './moodle.js';

export type PackageKind = 'scorm12' | 'scorm2004' | 'xapi';

export interface PackageCheck {
  /** What the package is, by the manifests at its root (and imsmanifest.xml's namespace); several when it has several. */
  kinds: PackageKind[];
  /** Files (not folders) in the zip; 0 when it cannot be read. */
  files: number;
  diagnostics: Diagnostic[];
}

/** The manifests LMSs look for at the root. */
const MANIFESTS = ['imsmanifest.xml', 'tincan.xml'] as const;
/** A manifest larger than this is refused rather than decompressed. */
const MANIFEST_LIMIT = 16 * 1024 * 1024;

/** Checks the bytes of a package zip; `name` is how messages refer to it. */
export async function checkPackage(zipBytes: Uint8Array, name: string, schemas: PackageSchemas): Promise<PackageCheck> {
  const diags = new Diagnostics();
  const whole = { file: '', line: 0, column: 0 };
  let zip: PackageZip;
  try {
    zip = openZip(zipBytes);
  } catch (e) {
    if (!(e instanceof ZipReadError)) throw e;
    if (e.duplicate !== undefined) diags.report('IR602', whole, e.message, 'Rebuild the zip from the package folder; each file once.');
    else diags.report('IR601', whole, `${name} is not a readable zip: ${e.message}`);
    return { kinds: [], files: 0, diagnostics: diags.sorted() };
  }

  checkEntries(zip, diags);
  const safe: PackageZip = { ...zip, entries: zip.entries.filter((e) => !unsafeEntryReason(e)) };
  checkMoodleFileNames(safe, diags);

  const present = MANIFESTS.filter((m) => zip.files.has(m));
  if (!present.length) reportNoManifest(zip, name, diags);
  const kinds: PackageKind[] = [];
  for (const manifest of present) {
    let bytes: Uint8Array | null = null;
    try {
      bytes = zip.read(manifest, MANIFEST_LIMIT);
    } catch (e) {
      if (!(e instanceof ZipReadError)) throw e;
      diags.report('IR601', whole, `${manifest} cannot be read: ${e.message}`);
    }
    const kind: PackageKind = manifest === 'tincan.xml' ? 'xapi' : bytes && isScorm2004(bytes) ? 'scorm2004' : 'scorm12';
    kinds.push(kind);
    if (!bytes) continue;
    if (kind === 'scorm12') await checkScorm12(zip, bytes, schemas, diags);
    else if (kind === 'scorm2004') await checkScorm2004(zip, bytes, schemas, diags);
    else await checkTincan(zip, bytes, schemas, diags);
  }
  return { kinds, files: zip.files.size, diagnostics: diags.sorted() };
}

/**
 * IR603, saying where the manifest is when it is not at the root: LMSs
 * look only there (Moodle: scorm_validate_package() in mod/scorm/lib.php
 * compares the path with exactly 'imsmanifest.xml' and refuses a package
 * whose manifest sits in a folder).
 */
function reportNoManifest(zip: PackageZip, name: string, diags: Diagnostics): void {
  const whole = { file: '', line: 0, column: 0 };
  const rootFix = 'Zip the contents of the package folder, not the folder itself, so that the manifest is at the top of the zip.';
  for (const manifest of MANIFESTS) {
    const elsewhere = [...zip.files].filter((f) => f.toLowerCase() === manifest || f.toLowerCase().endsWith(`/${manifest}`)).sort();
    const inRootWrongCase = elsewhere.find((f) => !f.includes('/'));
    if (inRootWrongCase) {
      diags.report('IR603', whole, `${name} has \`${printable(inRootWrongCase)}\` but no \`${manifest}\`; LMSs look for the name in lowercase`, `Rename it to ${manifest}.`);
      return;
    }
    if (elsewhere.length) {
      diags.report('IR603', whole, `${name} has \`${printable(elsewhere[0]!)}\` but no ${manifest} at the top of the zip, where LMSs look for it; Moodle refuses the upload`, rootFix);
      return;
    }
  }
  const cmi5 = zip.files.has('cmi5.xml') ? ' (it has cmi5.xml: cmi5 packages are not checked yet)' : '';
  diags.report('IR603', whole, `${name} has neither imsmanifest.xml (SCORM) nor tincan.xml (Tin Can) at the top of the zip${cmi5}`);
}

/** An imsmanifest.xml whose root is in the IMS CP 1.1.4 namespace is SCORM 2004; anything else is checked as SCORM 1.2. */
function isScorm2004(bytes: Uint8Array): boolean {
  try {
    return parseXml(decodeXml(bytes)).ns === IMSCP_2004_NS;
  } catch {
    return false; // not well-formed: the SCORM 1.2 check reports it
  }
}
