import { create } from 'xmlbuilder2';
import type { RuntimeCourse } from '../../shared/runtime-types.js';
import { xmlText } from '../xml.js';

// SCORM 1.2 CAM 2.3.1: the three namespaces of a SCORM 1.2 manifest.
const IMSCP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const IMSMD = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** The ADL/IMS schema files a SCORM 1.2 package carries at its root (CAM 2.3.2). */
export const SCORM12_SCHEMA_FILES = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'] as const;

export interface ManifestIds {
  manifest: string;
  organization: string;
  item: string;
  resource: string;
}

/**
 * Identifiers are xs:ID values (must not start with a digit) derived only
 * from the course id, so a re-upload of a new version keeps its identity.
 */
export function manifestIds(courseId: string): ManifestIds {
  return {
    manifest: `MANIFEST-${courseId}`,
    organization: `ORG-${courseId}`,
    item: `ITEM-${courseId}`,
    resource: `RES-${courseId}`,
  };
}

/** imsmanifest.xml for one SCO whose launch file is index.html; `files` are every file in the package. */
export function scorm12Manifest(course: Omit<RuntimeCourse, 'target'>, files: readonly string[]): string {
  const ids = manifestIds(course.id);
  const lang = course.language;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(IMSCP, 'manifest', {
    identifier: ids.manifest,
    version: course.version,
    'xmlns:adlcp': ADLCP,
    'xmlns:imsmd': IMSMD,
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': `${IMSCP} imscp_rootv1p1p2.xsd ${IMSMD} imsmd_rootv1p2p1.xsd ${ADLCP} adlcp_rootv1p2.xsd`,
  });

  const metadata = root.ele(IMSCP, 'metadata');
  metadata.ele(IMSCP, 'schema').txt('ADL SCORM');
  metadata.ele(IMSCP, 'schemaversion').txt('1.2');
  const general = metadata.ele(IMSMD, 'imsmd:lom').ele(IMSMD, 'imsmd:general');
  general.ele(IMSMD, 'imsmd:title').ele(IMSMD, 'imsmd:langstring', { 'xml:lang': lang }).txt(xmlText(course.title));
  general.ele(IMSMD, 'imsmd:language').txt(lang);
  if (course.description) {
    general.ele(IMSMD, 'imsmd:description').ele(IMSMD, 'imsmd:langstring', { 'xml:lang': lang }).txt(xmlText(course.description));
  }

  const org = root.ele(IMSCP, 'organizations', { default: ids.organization }).ele(IMSCP, 'organization', { identifier: ids.organization });
  org.ele(IMSCP, 'title').txt(xmlText(course.title));
  const item = org.ele(IMSCP, 'item', { identifier: ids.item, identifierref: ids.resource, isvisible: 'true' });
  item.ele(IMSCP, 'title').txt(xmlText(course.title));
  // CAM 2.3.6.5 adlcp:masteryscore: the LMS sets passed/failed from it when the SCO reports only a score.
  if (course.passingScore !== null) item.ele(ADLCP, 'adlcp:masteryscore').txt(String(Math.round(course.passingScore)));

  const resource = root
    .ele(IMSCP, 'resources')
    .ele(IMSCP, 'resource', { identifier: ids.resource, type: 'webcontent', 'adlcp:scormtype': 'sco', href: 'index.html' });
  for (const f of [...files].sort()) {
    if (f === 'imsmanifest.xml' || (SCORM12_SCHEMA_FILES as readonly string[]).includes(f)) continue;
    resource.ele(IMSCP, 'file', { href: xmlText(f) });
  }
  return root.end({ prettyPrint: true, indent: '  ' }) + '\n';
}
