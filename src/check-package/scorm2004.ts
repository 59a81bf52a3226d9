/**
 * Checks of a SCORM 2004 imsmanifest.xml (IMS CP 1.1.4): the official 4th
 * Edition schemas (xsd.ts), then what they cannot see (the IMS CP checks in
 * ims-cp.ts, and schemaversion, a plain string there), then what Moodle's
 * reader does with it.
 *
 * Moodle (mod/scorm/datamodels/scormlib.php, scorm_get_manifest()) reads it
 * with PHP's non-namespace parser, upper-casing names and matching them
 * literally, as for SCORM 1.2: 'ADLCP:SCORMTYPE', and for sequencing
 * 'IMSSS:SEQUENCING', 'IMSSS:DELIVERYCONTROLS', 'ADLSEQ:…', 'ADLNAV:…'. It
 * picks the run-time from schemaversion: exactly `1.3`, `CAM 1.3` or
 * `2004 3rd|4th Edition` give SCORM 2004 (SCORM_1.3); anything else SCORM 1.2.
 */
import type { Diagnostics } from '../core/diagnostics.js';
import { ADLCP_2004_NS, ADLNAV_NS, ADLSEQ_NS, IMSCP_2004_NS, IMSCP_NS, IMSSS_NS, manifestRoot } from './common.js';
import { checkFiles, checkLaunch, checkMoodleReading, checkReferences, type MoodleNames } from './ims-cp.js';
import { firstChild, type XmlAttr, type XmlElement } from './xml.js';
import { validateScorm2004, type PackageSchemas } from './xsd.js';
import type { PackageZip } from './zip.js';

const FILE = 'imsmanifest.xml';
const at = (n: XmlElement | XmlAttr) => ({ file: FILE, line: n.line, column: n.column });

/** Moodle's test for a SCORM 2004 schemaversion (scormlib.php), literal: no trimming. */
const MOODLE_2004 = /^(?:(?:CAM )?1\.3|2004 (?:3rd|4th) Edition)$/;

const MOODLE: MoodleNames = {
  cp: IMSCP_2004_NS,
  prefixed: [
    { ns: ADLCP_2004_NS, name: 'ADL', prefix: 'adlcp', lost: 'treat SCOs as assets' },
    { ns: IMSSS_NS, name: 'IMS Simple Sequencing', prefix: 'imsss', lost: 'ignore the sequencing (completionSetByContent, objectiveSetByContent) and decide completion itself' },
    { ns: ADLSEQ_NS, name: 'ADL sequencing', prefix: 'adlseq', lost: 'ignore these sequencing extensions' },
    { ns: ADLNAV_NS, name: 'ADL navigation', prefix: 'adlnav', lost: 'ignore the navigation settings (hideLMSUI)' },
  ],
};

export async function checkScorm2004(zip: PackageZip, bytes: Uint8Array, schemas: PackageSchemas, diags: Diagnostics): Promise<void> {
  const xsd = await validateScorm2004(bytes, schemas);
  const root = manifestRoot(FILE, bytes, xsd, diags, { ns: IMSCP_2004_NS, local: 'manifest' }, (r) =>
    r.ns === IMSCP_NS
      ? 'This is a SCORM 1.2 (IMS CP 1.1.2) manifest.'
      : `A SCORM 2004 manifest is a <manifest> element in the namespace ${IMSCP_2004_NS}.`,
  );
  if (!root) return;
  checkSchemaVersion(root, diags);
  const resources = checkReferences(root, IMSCP_2004_NS, diags, at);
  checkFiles(zip, root, IMSCP_2004_NS, diags, at);
  checkLaunch(root, IMSCP_2004_NS, resources, diags, at);
  checkMoodleReading(root, resources, MOODLE, diags, at);
}

/** IR611: a schemaversion Moodle does not take for SCORM 2004 (IR607 when only whitespace stands in the way). */
function checkSchemaVersion(root: XmlElement, diags: Diagnostics): void {
  const metadata = firstChild(root, IMSCP_2004_NS, 'metadata');
  const version = metadata && firstChild(metadata, IMSCP_2004_NS, 'schemaversion');
  if (!version || MOODLE_2004.test(version.text)) return;
  const fix = 'A SCORM 2004 4th Edition manifest says <schemaversion>2004 4th Edition</schemaversion>.';
  if (MOODLE_2004.test(version.text.trim())) {
    diags.report('IR607', at(version), `schemaversion \`${version.text}\` has spaces around it; Moodle compares it literally, so it would run the package as SCORM 1.2, where the SCO finds no SCORM 2004 run-time`, fix);
    return;
  }
  diags.report('IR611', at(version), `schemaversion is \`${version.text.trim()}\`, not a SCORM 2004 version; Moodle would run the package as SCORM 1.2, where the SCO finds no SCORM 2004 run-time`, fix);
}
