/** Helpers the SCORM and Tin Can checks share: reading the manifest with its schema errors, and hrefs inside the zip. */
import type { Diagnostics } from '../core/diagnostics.js';
import { decodeXml, parseXml, walk, XML_NS, XmlSyntaxError, type XmlElement } from './xml.js';
import type { XsdResult } from './xsd.js';
import type { PackageZip } from './zip.js';

export const IMSCP_NS = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
export const ADLCP_NS = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
export const IMSMD_NS = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
export const TINCAN_NS = 'http://projecttincan.com/tincan.xsd';
/** IMS CP 1.1.4, the package namespace of SCORM 2004, and the ADL and IMS extensions its manifests use. */
export const IMSCP_2004_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';
export const ADLCP_2004_NS = 'http://www.adlnet.org/xsd/adlcp_v1p3';
export const ADLSEQ_NS = 'http://www.adlnet.org/xsd/adlseq_v1p3';
export const ADLNAV_NS = 'http://www.adlnet.org/xsd/adlnav_v1p3';
export const IMSSS_NS = 'http://www.imsglobal.org/xsd/imsss';

const SHORT: Record<string, string> = {
  [IMSCP_NS]: '',
  [IMSCP_2004_NS]: '',
  [TINCAN_NS]: '',
  [ADLCP_NS]: 'adlcp:',
  [ADLCP_2004_NS]: 'adlcp:',
  [ADLSEQ_NS]: 'adlseq:',
  [ADLNAV_NS]: 'adlnav:',
  [IMSSS_NS]: 'imsss:',
  [IMSMD_NS]: 'imsmd:',
  [XML_NS]: 'xml:',
};

/** libxml2's `{namespace}local` names, written the way the manifest's author writes them. */
function shortNames(message: string): string {
  return message.replace(/\{([^}]*)\}([\w.-]+)/g, (m, ns: string, local: string) => (ns in SHORT ? `${SHORT[ns]}${local}` : m));
}

/**
 * The column of a schema error: libxml2 gives only the line (of the end of
 * the start tag). The element it names on that line, or the attribute it
 * names on that element, gives the column.
 */
function columnOf(root: XmlElement | null, line: number, message: string): number {
  if (!root) return 1;
  const el = /Element '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
  const at = /[Aa]ttribute '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
  if (!el) return 1;
  for (const e of walk(root)) {
    if (e.local === el && e.line <= line && line <= e.endLine) {
      const a = at ? e.attrs.find((x) => x.local === at) : undefined;
      return (a ?? e).line === line ? (a ?? e).column : 1;
    }
  }
  return 1;
}

/** A broken generator can produce thousands of schema errors; the first ones say what is wrong. */
const MAX_SCHEMA_ISSUES = 100;

/**
 * The root element of a manifest already validated against its schema, or
 * null when the document is not well-formed or its root is not `expected`:
 * then the schema errors (with `wrongRoot`'s hint) say all there is to say.
 * Reports every schema error, and the syntax error too when libxml2 gave no
 * reason of its own.
 */
export function manifestRoot(
  file: string,
  bytes: Uint8Array,
  xsd: XsdResult,
  diags: Diagnostics,
  expected: { ns: string; local: string },
  wrongRoot: (root: XmlElement) => string,
): XmlElement | null {
  let root: XmlElement;
  try {
    root = parseXml(decodeXml(bytes));
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    reportSchemaIssues(file, xsd, null, diags);
    if (xsd.valid || xsd.issues.length === 0) diags.report('IR604', { file, line: e.line, column: e.column }, e.message);
    return null;
  }
  const foreign = root.ns !== expected.ns || root.local !== expected.local;
  reportSchemaIssues(file, xsd, root, diags, foreign ? wrongRoot(root) : undefined);
  return foreign ? null : root;
}

/** IR604 for each schema error, at its line and (where known) column. */
function reportSchemaIssues(file: string, xsd: XsdResult, root: XmlElement | null, diags: Diagnostics, hint?: string): void {
  for (const issue of xsd.issues.slice(0, MAX_SCHEMA_ISSUES)) {
    diags.report('IR604', { file, line: issue.line, column: columnOf(root, issue.line, issue.message) }, shortNames(issue.message), hint);
  }
  const more = xsd.issues.length - MAX_SCHEMA_ISSUES;
  if (more > 0) {
    const last = xsd.issues[MAX_SCHEMA_ISSUES]!;
    diags.report('IR604', { file, line: last.line, column: 1 }, `${more} more schema error${more === 1 ? '' : 's'} not shown`);
  }
}

export type Href = { kind: 'external' } | { kind: 'outside' } | { kind: 'file'; path: string };

/**
 * Where a manifest href points inside the zip: relative to `base` (the
 * xml:base in force, '' or ending in '/'), without query or fragment,
 * percent-decoded, `.` and `..` resolved.
 */
export function resolveHref(base: string, href: string): Href {
  const raw = href.trim();
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw) || raw.startsWith('//')) return { kind: 'external' };
  const joined = (raw.startsWith('/') ? raw : base + raw).replace(/[?#].*$/, '');
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(joined) || joined.startsWith('//')) return { kind: 'external' };
  if (joined.startsWith('/')) return { kind: 'outside' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(joined);
  } catch {
    decoded = joined;
  }
  const out: string[] = [];
  for (const seg of decoded.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..') {
      if (!out.length) return { kind: 'outside' };
      out.pop();
    } else out.push(seg);
  }
  return { kind: 'file', path: out.join('/') };
}

/** Is `path` in the zip? If not, a zip name that differs only in case, for the message. */
export function findFile(zip: PackageZip, path: string, raw: string): { found: boolean; caseVariant?: string } {
  if (zip.files.has(path) || zip.files.has(raw)) return { found: true };
  const lower = path.toLowerCase();
  for (const f of zip.files) if (f.toLowerCase() === lower) return { found: false, caseVariant: f };
  return { found: false };
}

export function missingFileMessage(what: string, href: string, path: string, caseVariant: string | undefined): string {
  const shown = href === path ? `\`${href}\`` : `\`${href}\` (${path})`;
  return caseVariant
    ? `${what} ${shown} is not in the package; it has \`${caseVariant}\`, and file names on an LMS server are case-sensitive`
    : `${what} ${shown} is not in the package`;
}
