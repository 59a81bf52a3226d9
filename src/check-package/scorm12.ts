/**
 * Checks of a SCORM 1.2 imsmanifest.xml: the official schemas (xsd.ts),
 * then what they cannot see (schemas/scorm12/SOURCE.md: identifierref and
 * organizations/@default are not resolved, masteryscore and schemaversion
 * are plain strings), then what Moodle's reader does differently.
 *
 * Moodle (mod/scorm/datamodels/scormlib.php) reads the manifest with PHP's
 * non-namespace XML parser, which upper-cases names, and matches them
 * literally: 'MANIFEST', 'ITEM', 'RESOURCE', 'ADLCP:SCORMTYPE',
 * 'ADLCP:MASTERYSCORE'. A different prefix for a namespace is invisible to
 * it. It compares scormtype with 'sco' case-sensitively
 * (mod/scorm/locallib.php), treats a resource without scormtype as an asset,
 * applies only the resource's own xml:base to the launch path, and picks the
 * SCORM version from schemaversion: 1.3, CAM 1.3 and 2004 3rd/4th Edition
 * mean SCORM 2004.
 */
import type { Diagnostics } from '../core/diagnostics.js';
import { ADLCP_NS, IMSCP_NS, manifestRoot } from './common.js';
import { checkFiles, checkLaunch, checkMoodleReading, checkReferences, type MoodleNames } from './ims-cp.js';
import { firstChild, walk, type XmlAttr, type XmlElement } from './xml.js';
import { validateScorm12, type PackageSchemas } from './xsd.js';
import type { PackageZip } from './zip.js';

const FILE = 'imsmanifest.xml';

export async function checkScorm12(zip: PackageZip, bytes: Uint8Array, schemas: PackageSchemas, diags: Diagnostics): Promise<void> {
  const xsd = await validateScorm12(bytes, schemas);
  const root = manifestRoot(FILE, bytes, xsd, diags, { ns: IMSCP_NS, local: 'manifest' }, () =>
    'A SCORM 1.2 manifest is a <manifest> element in the namespace http://www.imsproject.org/xsd/imscp_rootv1p1p2.',
  );
  if (!root) return;

  checkMetadata(root, diags);
  const resources = checkReferences(root, IMSCP_NS, diags, at);
  checkFiles(zip, root, IMSCP_NS, diags, at);
  checkLaunch(root, IMSCP_NS, resources, diags, at);
  checkMoodleReading(root, resources, MOODLE, diags, at);
}

const at = (n: XmlElement | XmlAttr) => ({ file: FILE, line: n.line, column: n.column });

const MOODLE: MoodleNames = { cp: IMSCP_NS, prefixed: [{ ns: ADLCP_NS, name: 'ADL', prefix: 'adlcp', lost: 'treat SCOs as assets and ignore masteryscore' }] };

/** SCORM 1.2 CAM 2.3.2: schemaversion is `1.2`; 2.3.6.5: masteryscore is a score 0–100. */
function checkMetadata(root: XmlElement, diags: Diagnostics): void {
  const metadata = firstChild(root, IMSCP_NS, 'metadata');
  const version = metadata && firstChild(metadata, IMSCP_NS, 'schemaversion');
  if (version) {
    const v = version.text.trim();
    if (v !== '1.2') {
      const as2004 = /^(?:(?:CAM )?1\.3|2004 (?:3rd|4th) Edition)$/.test(version.text);
      diags.report(
        'IR609',
        at(version),
        `schemaversion is \`${v}\`, not \`1.2\`${as2004 ? '; Moodle would run the package as SCORM 2004, whose run-time API a SCORM 1.2 SCO cannot find' : ''}`,
        'A SCORM 1.2 manifest says <schemaversion>1.2</schemaversion>.',
      );
    }
  }
  for (const el of walk(root)) {
    if (el.ns === ADLCP_NS && el.local === 'masteryscore') {
      const v = el.text.trim();
      if (!/^\d+(?:\.\d+)?$/.test(v) || Number(v) > 100) {
        diags.report('IR609', at(el), `masteryscore \`${v}\` is not a number from 0 to 100`, 'The LMS compares it with cmi.core.score.raw (0–100) to set passed or failed.');
      }
    }
  }
}

