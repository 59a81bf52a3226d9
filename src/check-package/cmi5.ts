/**
 * Checks of a cmi5 package's cmi5.xml (AICC cmi5 specification, quartz; §
 * numbers are its sections): CourseStructure.xsd (§14; it already checks the
 * element order, moveOn's values and masteryScore's 0–1 range), then what the
 * schema cannot see:
 * - §13.1.4 masteryScore has at most 4 decimal places;
 * - a masteryScore under a moveOn that asks for no pass (Completed,
 *   NotApplicable) decides nothing for the LMS;
 * - §3.0, §13.1.1, §13.1.4: the course, block and AU ids are fully qualified
 *   IRIs (the schema's xs:anyURI takes relative ones), the AU ids unique;
 * - §14.1: an AU url without a scheme points into the zip and must be there.
 */
import type { Diagnostics } from '../core/diagnostics.js';
import { CMI5_NS } from '../targets/cmi5/course-structure.js';
import { findFile, manifestRoot, missingFileMessage, resolveHref } from './common.js';
import { attr, childrenNamed, walk, type XmlAttr, type XmlElement } from './xml.js';
import { validateCmi5, type PackageSchemas } from './xsd.js';
import type { PackageZip } from './zip.js';

const FILE = 'cmi5.xml';
const at = (n: XmlElement | XmlAttr) => ({ file: FILE, line: n.line, column: n.column });
const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S/;

export async function checkCmi5(zip: PackageZip, bytes: Uint8Array, schemas: PackageSchemas, diags: Diagnostics): Promise<void> {
  const xsd = await validateCmi5(bytes, schemas);
  const root = manifestRoot(FILE, bytes, xsd, diags, { ns: CMI5_NS, local: 'courseStructure' }, () =>
    `cmi5.xml is a <courseStructure> element in the namespace ${CMI5_NS}.`,
  );
  if (!root) return;

  const seen = new Map<string, XmlElement>();
  for (const el of walk(root)) {
    if (el.ns !== CMI5_NS || !['course', 'block', 'au'].includes(el.local)) continue;
    const id = attr(el, 'id');
    if (!id) continue; // the schema has said so
    const value = id.value.trim();
    if (!ABSOLUTE.test(value)) {
      diags.report('IR622', at(id), `the ${el.local} id \`${value}\` is not a fully qualified IRI`, 'Write an absolute IRI on a domain you control, e.g. https://your.domain/xapi/course/<id>/au.');
    }
    if (el.local !== 'au') continue;
    const first = seen.get(value);
    if (first) diags.report('IR622', at(id), `the AU id \`${value}\` is also the id of the AU at line ${first.line}; AU ids are unique in a course structure`);
    else seen.set(value, el);
    checkCriteria(el, diags);
    checkUrl(zip, el, diags);
  }
}

/** §13.1.4: masteryScore's precision, and whether moveOn uses it. */
function checkCriteria(au: XmlElement, diags: Diagnostics): void {
  const mastery = attr(au, 'masteryScore');
  if (!mastery) return;
  const places = /^\s*[+-]?\d*(?:\.(\d*))?\s*$/.exec(mastery.value);
  if (places && (places[1] ?? '').replace(/0+$/, '').length > 4) {
    diags.report('IR620', at(mastery), `masteryScore \`${mastery.value.trim()}\` has more than 4 decimal places`, 'Round it to 4 decimal places: the LMS passes it on to the AU at that precision.');
  }
  const moveOn = attr(au, 'moveOn')?.value.trim() ?? 'NotApplicable';
  if (moveOn === 'Completed' || moveOn === 'NotApplicable') {
    diags.report('IR621', at(mastery), `masteryScore is set but moveOn is \`${moveOn}\`: the LMS counts the AU done without a pass, so the mastery score decides nothing`, 'Use moveOn="CompletedAndPassed" (or "Passed"), or drop masteryScore.');
  }
}

/** §14.1: a relative url is a file in the zip. */
function checkUrl(zip: PackageZip, au: XmlElement, diags: Diagnostics): void {
  const url = childrenNamed(au, CMI5_NS, 'url')[0];
  const href = url?.text.trim();
  if (!url || !href) return; // the schema has said so
  const target = resolveHref('', href);
  if (target.kind === 'external') return;
  if (target.kind === 'outside') {
    diags.report('IR605', at(url), `AU url \`${href}\` points outside the package`, 'Write a path relative to cmi5.xml, or a fully qualified URL for an AU outside the zip.');
    return;
  }
  const found = findFile(zip, target.path, href.replace(/[?#].*$/, ''));
  if (!found.found) diags.report('IR605', at(url), missingFileMessage('AU url', href, target.path, found.caseVariant));
}
