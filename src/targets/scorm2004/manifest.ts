/**
 * imsmanifest.xml for SCORM 2004 4th Edition: one SCO whose launch file is
 * index.html, with the least sequencing that lets the SCO own its records.
 *
 * Citations: "CAM" is the SCORM 2004 4th Edition Content Aggregation Model
 * (ADL, 2009); "SN" its Sequencing and Navigation book.
 */
import { create } from 'xmlbuilder2';
import type { RuntimeCourse } from '../../shared/runtime-types.js';
import { manifestIds } from '../scorm12/manifest.js';
import { xmlText } from '../xml.js';

// CAM 3.4.1 (the manifest's namespaces): IMS CP 1.1.4, the ADL extensions, IMS Simple Sequencing.
const IMSCP = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const ADLCP = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const ADLSEQ = 'http://www.adlnet.org/xsd/adlseq_v1p3';
const ADLNAV = 'http://www.adlnet.org/xsd/adlnav_v1p3';
const IMSSS = 'http://www.imsglobal.org/xsd/imsss';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** CAM 3.4.1.5 <schemaversion>: the one value that names the 4th Edition. */
export const SCORM2004_SCHEMA_VERSION = '2004 4th Edition';

/**
 * The ADL/IMS files a SCORM 2004 package carries at its root, where
 * xsi:schemaLocation names them (CAM 3.4.1: "the XSDs … should be placed at
 * the root of the package"); xml.xsd reads the two DTDs.
 */
export const SCORM2004_SCHEMA_FILES = [
  'adlcp_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'datatypes.dtd',
  'imscp_v1p1.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
  'XMLSchema.dtd',
] as const;

/**
 * SN 4.6 adlnav:hideLMSUI: the LMS buttons that move between activities.
 * With one SCO they lead nowhere, and the player has its own previous/next;
 * exit and suspend stay, since the player has none.
 */
const HIDDEN_LMS_UI = ['previous', 'continue'] as const;

export function scorm2004Manifest(course: Omit<RuntimeCourse, 'target'>, files: readonly string[]): string {
  const ids = manifestIds(course.id);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(IMSCP, 'manifest', {
    identifier: ids.manifest,
    version: course.version,
    'xmlns:adlcp': ADLCP,
    'xmlns:adlseq': ADLSEQ,
    'xmlns:adlnav': ADLNAV,
    'xmlns:imsss': IMSSS,
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': [
      `${IMSCP} imscp_v1p1.xsd`,
      `${ADLCP} adlcp_v1p3.xsd`,
      `${ADLSEQ} adlseq_v1p3.xsd`,
      `${ADLNAV} adlnav_v1p3.xsd`,
      `${IMSSS} imsss_v1p0.xsd`,
    ].join(' '),
  });

  const metadata = root.ele(IMSCP, 'metadata');
  metadata.ele(IMSCP, 'schema').txt('ADL SCORM');
  metadata.ele(IMSCP, 'schemaversion').txt(SCORM2004_SCHEMA_VERSION);

  const org = root.ele(IMSCP, 'organizations', { default: ids.organization }).ele(IMSCP, 'organization', { identifier: ids.organization });
  org.ele(IMSCP, 'title').txt(xmlText(course.title));
  const item = org.ele(IMSCP, 'item', { identifier: ids.item, identifierref: ids.resource });
  item.ele(IMSCP, 'title').txt(xmlText(course.title));
  // No primary objective with satisfiedByMeasure: the LMS would then judge cmi.success_status from
  // cmi.score.scaled itself (RTE 4.2.22), and a course with nothing to score, `passed` without a
  // score (SPEC §3), would read `unknown`. The SCO reports success_status.
  // SN 5.1.9 delivery controls: the SCO sets completion and its objectives' status itself (SPEC §3);
  // without these the LMS would mark it completed and satisfied on its own when it ends.
  item.ele(IMSSS, 'imsss:sequencing').ele(IMSSS, 'imsss:deliveryControls', { completionSetByContent: 'true', objectiveSetByContent: 'true' });
  const nav = item.ele(ADLNAV, 'adlnav:presentation').ele(ADLNAV, 'adlnav:navigationInterface');
  for (const ui of HIDDEN_LMS_UI) nav.ele(ADLNAV, 'adlnav:hideLMSUI').txt(ui);
  // SN 5.1.1 control modes: flow lets the LMS deliver the one SCO on "start" without a table of contents click.
  org.ele(IMSSS, 'imsss:sequencing').ele(IMSSS, 'imsss:controlMode', { choice: 'true', flow: 'true' });

  const resource = root
    .ele(IMSCP, 'resources')
    .ele(IMSCP, 'resource', { identifier: ids.resource, type: 'webcontent', 'adlcp:scormType': 'sco', href: 'index.html' });
  for (const f of files) {
    if (f === 'imsmanifest.xml' || (SCORM2004_SCHEMA_FILES as readonly string[]).includes(f)) continue;
    resource.ele(IMSCP, 'file', { href: xmlText(f) });
  }
  return root.end({ prettyPrint: true, indent: '  ' }) + '\n';
}
