/**
 * The IMS Content Packaging checks that SCORM 1.2 (IMS CP 1.1.2) and SCORM
 * 2004 (IMS CP 1.1.4) manifests share, in the package namespace `cp`: the
 * references the schemas cannot resolve, the files, the launch, and what
 * Moodle's literal-name reader (mod/scorm/datamodels/scormlib.php) does.
 */
import type { Diagnostics } from '../core/diagnostics.js';
import { findFile, missingFileMessage, resolveHref } from './common.js';
import { attr, childrenNamed, firstChild, walk, XML_NS, type XmlAttr, type XmlElement } from './xml.js';
import type { PackageZip } from './zip.js';

export type At = (n: XmlElement | XmlAttr) => { file: string; line: number; column: number };

/** IR606: organizations/@default, item and dependency identifierrefs. Returns resources by identifier. */
export function checkReferences(root: XmlElement, cp: string, diags: Diagnostics, at: At): Map<string, XmlElement> {
  const resources = new Map<string, XmlElement>();
  const targets = new Set<string>();
  for (const el of walk(root)) {
    const id = attr(el, 'identifier')?.value;
    if (id === undefined || el.ns !== cp) continue;
    if (el.local === 'resource' && !resources.has(id)) resources.set(id, el);
    // IMS CP 1.1.2 and 1.1.4: an item may also reference a sub-manifest.
    if (el.local === 'resource' || el.local === 'manifest') targets.add(id);
  }

  const organizations = firstChild(root, cp, 'organizations');
  if (organizations) {
    const orgs = childrenNamed(organizations, cp, 'organization');
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
    if (el.ns !== cp || (el.local !== 'item' && el.local !== 'dependency')) continue;
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
export function checkFiles(zip: PackageZip, root: XmlElement, cp: string, diags: Diagnostics, at: At): void {
  for (const el of walk(root)) {
    if (el.ns !== cp || (el.local !== 'resource' && el.local !== 'file')) continue;
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
export function checkLaunch(root: XmlElement, cp: string, resources: Map<string, XmlElement>, diags: Diagnostics, at: At): void {
  let launchable = 0;
  let reported = false;
  const organizations = firstChild(root, cp, 'organizations');
  const items = organizations ? [...walk(organizations)].filter((e) => e.ns === cp && e.local === 'item') : [];
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

/** What Moodle's reader needs of one SCORM version's manifests. */
export interface MoodleNames {
  cp: string;
  /** The extension namespaces Moodle matches by a literal prefix, each with that prefix (the first is the ADL one that holds scormtype). */
  prefixed: readonly { ns: string; name: string; prefix: string; lost: string }[];
}

/** IR607: what Moodle's literal-name reader gets wrong. */
export function checkMoodleReading(root: XmlElement, resources: Map<string, XmlElement>, names: MoodleNames, diags: Diagnostics, at: At): void {
  const all = [...walk(root)];
  const prefixedCp = all.find((e) => e.ns === names.cp && e.prefix !== '');
  if (prefixedCp) {
    diags.report(
      'IR607',
      at(prefixedCp),
      `manifest elements are written with the prefix \`${prefixedCp.prefix}:\`; Moodle looks for the unprefixed names (manifest, item, resource) and would find nothing`,
      `Declare the IMS CP namespace as the default namespace (xmlns="${names.cp}") and write the elements without a prefix.`,
    );
  }

  for (const { ns, name, prefix, lost } of names.prefixed) {
    const misprefixed: (XmlElement | XmlAttr)[] = [];
    for (const e of all) {
      if (e.ns === ns && e.prefix !== prefix) misprefixed.push(e);
      for (const a of e.attrs) if (a.ns === ns && a.prefix !== prefix) misprefixed.push(a);
    }
    if (!misprefixed.length) continue;
    const first = misprefixed[0]!;
    const more = misprefixed.length > 1 ? ` (and ${misprefixed.length - 1} more)` : '';
    diags.report(
      'IR607',
      at(first),
      `\`${first.qname}\` uses the ${name} namespace with ${first.prefix ? `the prefix \`${first.prefix}:\`` : 'no prefix'}${more}; Moodle only recognises the literal \`${prefix}:\` prefix, so it would ${lost}`,
      `Declare xmlns:${prefix}="${ns}" and write its names with \`${prefix}:\`.`,
    );
  }

  const adl = names.prefixed[0]!.ns;
  const launched = new Set<string>();
  for (const e of all) {
    if (e.ns === names.cp && e.local === 'item') {
      const ref = attr(e, 'identifierref')?.value;
      if (ref) launched.add(ref);
    }
  }
  for (const [id, res] of resources) {
    // What Moodle reads: the attribute literally named adlcp:scormtype (PHP folds the case of names, not of values).
    const type = res.attrs.find((a) => a.qname.toUpperCase() === 'ADLCP:SCORMTYPE');
    if (type) {
      if (type.value !== 'sco' && type.value !== 'asset' && /^(sco|asset)$/i.test(type.value.trim())) {
        diags.report('IR607', at(type), `${type.qname}="${type.value}": Moodle compares it with \`sco\` case-sensitively, so this resource would be launched as an asset and record nothing`, `Write ${type.qname}="sco" (or "asset") in lowercase.`);
      }
      continue;
    }
    if (!launched.has(id) || res.attrs.some((a) => a.ns === adl && a.local.toLowerCase() === 'scormtype')) continue; // misprefixed: reported above
    const bare = res.attrs.find((a) => a.local.toLowerCase() === 'scormtype');
    diags.report(
      'IR607',
      at(bare ?? res),
      bare
        ? `\`${bare.qname}\` is not adlcp:scormtype; Moodle treats resource ${id} as an asset, so nothing the learner does in it is recorded`
        : `resource ${id} has no adlcp:scormtype; Moodle treats it as an asset, so nothing the learner does in it is recorded`,
      'Write the ADL scormtype attribute, with the adlcp: prefix and the value "sco", on a resource that talks to the LMS.',
    );
  }

  const resourcesEl = firstChild(root, names.cp, 'resources');
  for (const el of [root, resourcesEl]) {
    const b = el && attr(el, 'base', XML_NS);
    if (b && b.value.trim()) {
      diags.report('IR607', at(b), `Moodle ignores xml:base on <${el!.local}>; it only prefixes a resource's own xml:base to its href, so launches would miss \`${b.value}\``, 'Put the folder into each resource href (or the resource\'s own xml:base).');
    }
  }
}
