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
import { ADLCP_NS, IMSCP_2004_NS, IMSCP_NS, findFile, manifestRoot, missingFileMessage, resolveHref } from './common.js';
import { attr, childrenNamed, firstChild, walk, XML_NS, type XmlAttr, type XmlElement } from './xml.js';
import { validateScorm12, type PackageSchemas } from './xsd.js';
import type { PackageZip } from './zip.js';

const FILE = 'imsmanifest.xml';

export async function checkScorm12(zip: PackageZip, bytes: Uint8Array, schemas: PackageSchemas, diags: Diagnostics): Promise<void> {
  const xsd = await validateScorm12(bytes, schemas);
  const root = manifestRoot(FILE, bytes, xsd, diags, { ns: IMSCP_NS, local: 'manifest' }, (r) =>
    r.ns === IMSCP_2004_NS
      ? 'This is a SCORM 2004 (IMS CP 1.1.4) manifest; `check` handles SCORM 1.2 packages, whose manifest uses the namespace http://www.imsproject.org/xsd/imscp_rootv1p1p2.'
      : 'A SCORM 1.2 manifest is a <manifest> element in the namespace http://www.imsproject.org/xsd/imscp_rootv1p1p2.',
  );
  if (!root) return;

  checkMetadata(root, diags);
  const resources = checkReferences(root, diags);
  checkFiles(zip, root, diags);
  checkLaunch(root, resources, diags);
  checkMoodleReading(root, resources, diags);
}

const at = (n: XmlElement | XmlAttr) => ({ file: FILE, line: n.line, column: n.column });

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

/** IR606: organizations/@default, item and dependency identifierrefs. Returns resources by identifier. */
function checkReferences(root: XmlElement, diags: Diagnostics): Map<string, XmlElement> {
  const resources = new Map<string, XmlElement>();
  const targets = new Set<string>();
  for (const el of walk(root)) {
    const id = attr(el, 'identifier')?.value;
    if (id === undefined || el.ns !== IMSCP_NS) continue;
    if (el.local === 'resource' && !resources.has(id)) resources.set(id, el);
    // IMS CP 1.1.2: an item may also reference a sub-manifest.
    if (el.local === 'resource' || el.local === 'manifest') targets.add(id);
  }

  const organizations = firstChild(root, IMSCP_NS, 'organizations');
  if (organizations) {
    const orgs = childrenNamed(organizations, IMSCP_NS, 'organization');
    const def = attr(organizations, 'default');
    const ids = orgs.map((o) => attr(o, 'identifier')?.value).filter((v): v is string => v !== undefined);
    if (def && !ids.includes(def.value)) {
      diags.report(
        'IR606',
        at(def),
        `organizations default="${def.value}" names no organization`,
        ids.length ? `The organizations are: ${ids.join(', ')}.` : 'Add the organization, or remove the default attribute.',
      );
    }
  }
  for (const el of walk(root)) {
    if (el.ns !== IMSCP_NS || (el.local !== 'item' && el.local !== 'dependency')) continue;
    const ref = attr(el, 'identifierref');
    if (ref && !targets.has(ref.value)) {
      diags.report('IR606', at(ref), `${el.local} identifierref="${ref.value}" names no resource`, 'Every identifierref must be the identifier of a <resource> in <resources>.');
    }
  }
  return resources;
}

/** The xml:base in force on an element: IMS CP applies manifest, resources and resource bases in turn. */
function baseOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) {
    const b = attr(e, 'base', XML_NS)?.value.trim();
    if (b) parts.unshift(b.endsWith('/') ? b : `${b}/`);
  }
  return parts.join('');
}

/** IR605: resource hrefs and file hrefs must be files of the zip. */
function checkFiles(zip: PackageZip, root: XmlElement, diags: Diagnostics): void {
  for (const el of walk(root)) {
    if (el.ns !== IMSCP_NS || (el.local !== 'resource' && el.local !== 'file')) continue;
    const href = attr(el, 'href');
    if (!href || href.value.trim() === '') continue;
    const base = baseOf(el.local === 'file' && el.parent ? el.parent : el);
    const target = resolveHref(base, href.value);
    const what = el.local === 'file' ? 'file' : 'resource href';
    if (target.kind === 'external') continue;
    if (target.kind === 'outside') {
      diags.report('IR605', at(href), `${what} \`${href.value}\` points outside the package`);
      continue;
    }
    const raw = (base + href.value.trim()).replace(/[?#].*$/, '');
    const found = findFile(zip, target.path, raw);
    if (!found.found) diags.report('IR605', at(href), missingFileMessage(what, href.value, target.path, found.caseVariant));
  }
}

/** IR610: an item that launches nothing, or a package with nothing to launch. */
function checkLaunch(root: XmlElement, resources: Map<string, XmlElement>, diags: Diagnostics): void {
  let launchable = 0;
  let reported = false;
  const organizations = firstChild(root, IMSCP_NS, 'organizations');
  const items = organizations ? [...walk(organizations)].filter((e) => e.ns === IMSCP_NS && e.local === 'item') : [];
  for (const item of items) {
    const ref = attr(item, 'identifierref');
    if (!ref) continue;
    const res = resources.get(ref.value);
    if (!res) {
      reported = true; // IR606 says why
      continue;
    }
    if (attr(res, 'href')?.value.trim()) launchable++;
    else {
      reported = true;
      diags.report('IR610', at(ref), `item ${attr(item, 'identifier')?.value ?? ''} launches resource ${ref.value}, which has no href`, 'A resource an item launches needs href="its launch file".');
    }
  }
  // Without items, LMSs (Moodle included) launch the resources that have an href.
  if (!items.length) launchable = [...resources.values()].filter((r) => attr(r, 'href')?.value.trim()).length;
  if (launchable === 0 && !reported) {
    diags.report('IR610', at(organizations ?? root), 'nothing in this manifest can be launched: no item refers to a resource with an href', 'Add an <item identifierref="…"> for a <resource href="index.html">.');
  }
}

/** IR607: what Moodle's literal-name reader gets wrong. */
function checkMoodleReading(root: XmlElement, resources: Map<string, XmlElement>, diags: Diagnostics): void {
  const all = [...walk(root)];
  const prefixedCp = all.find((e) => e.ns === IMSCP_NS && e.prefix !== '');
  if (prefixedCp) {
    diags.report(
      'IR607',
      at(prefixedCp),
      `manifest elements are written with the prefix \`${prefixedCp.prefix}:\`; Moodle looks for the unprefixed names (manifest, item, resource) and would find nothing`,
      'Declare the IMS CP namespace as the default namespace (xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2") and write the elements without a prefix.',
    );
  }

  const misprefixed: (XmlElement | XmlAttr)[] = [];
  for (const e of all) {
    if (e.ns === ADLCP_NS && e.prefix !== 'adlcp') misprefixed.push(e);
    for (const a of e.attrs) if (a.ns === ADLCP_NS && a.prefix !== 'adlcp') misprefixed.push(a);
  }
  if (misprefixed.length) {
    const first = misprefixed[0]!;
    const more = misprefixed.length > 1 ? ` (and ${misprefixed.length - 1} more)` : '';
    diags.report(
      'IR607',
      at(first),
      `\`${first.qname}\` uses the ADL namespace with ${first.prefix ? `the prefix \`${first.prefix}:\`` : 'no prefix'}${more}; Moodle only recognises the literal \`adlcp:\` prefix, so it would treat SCOs as assets and ignore masteryscore`,
      'Declare xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" and write adlcp:scormtype, adlcp:masteryscore.',
    );
  }

  const launched = new Set<string>();
  for (const e of all) {
    if (e.ns === IMSCP_NS && e.local === 'item') {
      const ref = attr(e, 'identifierref')?.value;
      if (ref) launched.add(ref);
    }
  }
  for (const [id, res] of resources) {
    // What Moodle reads: the attribute literally named adlcp:scormtype (PHP folds the case of names, not of values).
    const type = res.attrs.find((a) => a.qname.toUpperCase() === 'ADLCP:SCORMTYPE');
    if (type) {
      if (type.value !== 'sco' && type.value !== 'asset' && /^(sco|asset)$/i.test(type.value.trim())) {
        diags.report('IR607', at(type), `scormtype="${type.value}": Moodle compares it with \`sco\` case-sensitively, so this resource would be launched as an asset and record nothing`, 'Write adlcp:scormtype="sco" (or "asset") in lowercase.');
      }
      continue;
    }
    if (!launched.has(id) || res.attrs.some((a) => a.ns === ADLCP_NS && a.local === 'scormtype')) continue; // misprefixed: reported above
    const bare = res.attrs.find((a) => a.local.toLowerCase() === 'scormtype');
    diags.report(
      'IR607',
      at(bare ?? res),
      bare
        ? `\`${bare.qname}\` is not adlcp:scormtype; Moodle treats resource ${id} as an asset, so nothing the learner does in it is recorded`
        : `resource ${id} has no adlcp:scormtype; Moodle treats it as an asset, so nothing the learner does in it is recorded`,
      'Write adlcp:scormtype="sco" on a resource that talks to the LMS.',
    );
  }

  const resourcesEl = firstChild(root, IMSCP_NS, 'resources');
  for (const el of [root, resourcesEl]) {
    const b = el && attr(el, 'base', XML_NS);
    if (b && b.value.trim()) {
      diags.report('IR607', at(b), `Moodle ignores xml:base on <${el!.local}>; it only prefixes a resource's own xml:base to its href, so launches would miss \`${b.value}\``, 'Put the folder into each resource href (or the resource\'s own xml:base).');
    }
  }
}
