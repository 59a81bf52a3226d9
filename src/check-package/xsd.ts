/**
 * Schema validation of package manifests with libxml2 compiled to
 * WebAssembly (npm `xmllint-wasm`), so `check` needs no system packages.
 *
 * The ADL/IMS SCORM 1.2 schemas are the official files in schemas/scorm12/,
 * shipped byte-for-byte in every package. Debian's libxml2 2.9.14 (the
 * `xmllint` our tests use) accepts them as they are; the newer libxml2 inside
 * xmllint-wasm 5.3.0 refuses two of them (schemas/scorm12/SOURCE.md). The
 * validator therefore compiles an in-memory copy with two adjustments, both
 * of which leave the set of valid manifests unchanged:
 *
 * 1. ims_xml.xsd declares `xmlns="http://www.w3.org/XML/1998/namespace"`,
 *    which Namespaces in XML §3 forbids; the new parser reports it as an
 *    error and gives up. The declaration is removed. Nothing in the file
 *    refers to an unprefixed QName (its types are all `xsd:`-prefixed), so
 *    the default namespace was never used and the schema is the same.
 *
 * 2. imsmd_rootv1p2p1.xsd ends twelve content models with optional element
 *    references followed by `grp.any`, an `xsd:any namespace="##any"
 *    processContents="strict"` wildcard repeated 0..n times, e.g. generalType
 *    = (identifier?, title?, catalogentry*, …, aggregationlevel?, any*).
 *    An imsmd element matches both its own particle and the wildcard, which
 *    breaks Unique Particle Attribution, so the new parser refuses the schema
 *    ("content model is not determinist"). But every one of those particles is
 *    a `ref` to a global element declaration, and a strict wildcard validates
 *    an element against exactly that global declaration. So `x?` (or `x*`)
 *    followed by `any*` accepts the same sequences, each element checked
 *    against the same declaration, as `any*` alone: the optional references
 *    before the wildcard are redundant and are dropped. Required references
 *    (contribute's `role`, catalogentry's `catalog` and `entry`) stay, so
 *    `role` is still demanded first. libxml2 2.9.14 already behaves this way
 *    on the original: it accepts `<imsmd:general>` children in any order and
 *    rejects a `<contribute>` without `role`.
 *
 * test/check-package/xsd-equivalence.test.ts runs Debian's xmllint on the
 * original schemas and this validator on the adjusted ones over the same
 * valid and broken manifests (those of SOURCE.md and imsmd-specific ones) and
 * requires the same verdicts and the same error lines.
 */
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

export interface PackageSchemas {
  /** The SCORM 1.2 wrapper (scorm12.xsd) and the four ADL/IMS files, by file name, unmodified. */
  scorm12: Map<string, string>;
  /** The SCORM 2004 wrapper (scorm2004.xsd) and the ADL/IMS files and DTDs it reads, by file name, unmodified. */
  scorm2004: Map<string, string>;
  /** schemas/xapi/tincan.xsd. */
  tincan: string;
}

export interface XsdIssue {
  line: number;
  message: string;
}

export interface XsdResult {
  valid: boolean;
  issues: XsdIssue[];
}

export const SCORM12_WRAPPER = 'scorm12.xsd';
export const SCORM2004_WRAPPER = 'scorm2004.xsd';

/** Drops the optional element references before `grp.any` (adjustment 2 above). */
export function adjustImsmd(xsd: string): string {
  let changed = 0;
  const out = xsd.replace(
    /(<xsd:complexType name="\w+"[^>]*>\s*<xsd:sequence>)((?:\s*<xsd:element ref="\w+"(?: minOccurs="[01]")?(?: maxOccurs="(?:1|unbounded)")?\/>)*)(\s*<xsd:group ref="grp\.any"\/>)/g,
    (_m, head: string, refs: string, tail: string) => {
      const particles = refs.match(/<xsd:element [^>]*\/>/g) ?? [];
      let keep = particles.length;
      while (keep > 0 && particles[keep - 1]!.includes('minOccurs="0"')) keep--;
      if (keep === particles.length) return head + refs + tail;
      changed++;
      return head + particles.slice(0, keep).map((p) => `\n         ${p}`).join('') + tail;
    },
  );
  if (changed !== 12) throw new Error(`adjustImsmd: expected to simplify 12 content models of imsmd_rootv1p2p1.xsd, simplified ${changed}`);
  return out;
}

/** Removes the forbidden default namespace declaration (adjustment 1 above). */
export function adjustImsXml(xsd: string): string {
  const out = xsd.replace(/\s+xmlns="http:\/\/www\.w3\.org\/XML\/1998\/namespace"/, '');
  if (out === xsd) throw new Error('adjustImsXml: ims_xml.xsd has no default xml namespace declaration to remove');
  return out;
}

const adjusted = new WeakMap<Map<string, string>, { fileName: string; contents: string }[]>();

function scorm12SchemaFiles(schemas: PackageSchemas): { fileName: string; contents: string }[] {
  let files = adjusted.get(schemas.scorm12);
  if (!files) {
    const get = (n: string): string => {
      const s = schemas.scorm12.get(n);
      if (s === undefined) throw new Error(`SCORM 1.2 schema ${n} is missing`);
      return s;
    };
    files = [
      { fileName: SCORM12_WRAPPER, contents: get(SCORM12_WRAPPER) },
      { fileName: 'imscp_rootv1p1p2.xsd', contents: get('imscp_rootv1p1p2.xsd') },
      { fileName: 'adlcp_rootv1p2.xsd', contents: get('adlcp_rootv1p2.xsd') },
      { fileName: 'imsmd_rootv1p2p1.xsd', contents: adjustImsmd(get('imsmd_rootv1p2p1.xsd')) },
      { fileName: 'ims_xml.xsd', contents: adjustImsXml(get('ims_xml.xsd')) },
    ];
    adjusted.set(schemas.scorm12, files);
  }
  return files;
}

/** Validates imsmanifest.xml against the SCORM 1.2 schemas. */
export function validateScorm12(manifest: Uint8Array, schemas: PackageSchemas): Promise<XsdResult> {
  const [wrapper, ...imports] = scorm12SchemaFiles(schemas);
  return run('imsmanifest.xml', manifest, wrapper!, imports);
}

/**
 * Validates imsmanifest.xml against the SCORM 2004 4th Edition schemas. The
 * libxml2 inside xmllint-wasm accepts them unchanged (xml.xsd reads its two
 * DTDs, preloaded with the rest); test/check-package/scorm2004.test.ts holds
 * its verdicts to Debian xmllint's.
 */
export function validateScorm2004(manifest: Uint8Array, schemas: PackageSchemas): Promise<XsdResult> {
  const wrapper = schemas.scorm2004.get(SCORM2004_WRAPPER);
  if (wrapper === undefined) throw new Error(`SCORM 2004 schema ${SCORM2004_WRAPPER} is missing`);
  const preload = [...schemas.scorm2004].filter(([n]) => n !== SCORM2004_WRAPPER).map(([fileName, contents]) => ({ fileName, contents }));
  return run('imsmanifest.xml', manifest, { fileName: SCORM2004_WRAPPER, contents: wrapper }, preload);
}

/** Validates tincan.xml against tincan.xsd. */
export function validateTincan(xml: Uint8Array, schemas: PackageSchemas): Promise<XsdResult> {
  return run('tincan.xml', xml, { fileName: 'tincan.xsd', contents: schemas.tincan }, []);
}

/** 64 MiB: a manifest of several megabytes plus the schemas fits easily. */
const MAX_MEMORY_PAGES = 1024;

async function run(
  fileName: string,
  contents: Uint8Array,
  schema: { fileName: string; contents: string },
  preload: { fileName: string; contents: string }[],
): Promise<XsdResult> {
  let result: XMLValidationResult;
  try {
    result = await validateXML({ xml: { fileName, contents: utf16ToUtf8(contents) }, schema, preload, maxMemoryPages: MAX_MEMORY_PAGES });
  } catch (e) {
    // xmllint exits with a code the library does not map (e.g. a document it
    // cannot parse at all): its message is still xmllint's stderr.
    const issues = parseOutput(fileName, (e as Error).message);
    if (!issues.length) throw e;
    return { valid: false, issues };
  }
  if (result.valid) return { valid: true, issues: [] };
  const issues = parseOutput(fileName, result.rawOutput);
  return { valid: false, issues: issues.length ? issues : [{ line: 1, message: `${fileName} does not validate` }] };
}

/**
 * The libxml2 build inside xmllint-wasm reads UTF-8 and 8-bit encodings but
 * not UTF-16, which Debian's libxml2 accepts. A UTF-16 document (known by
 * its byte order mark) is handed over as the same text in UTF-8, with the
 * declaration saying so; line numbers do not change.
 */
export function utf16ToUtf8(bytes: Uint8Array): Uint8Array {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return bytes;
  const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
  return new TextEncoder().encode(text.replace(/^(<\?xml[^>]*\sencoding\s*=\s*["'])utf-16(?:le|be)?(["'])/i, '$1UTF-8$2'));
}

/**
 * xmllint writes `file:LINE: <kind> error : message` and, for parser
 * errors, the offending line and a caret line; only the first kind counts.
 * A message about a schema file would mean the bundled schemas are broken,
 * which is the tool's fault, not the package's: that throws.
 */
export function parseOutput(fileName: string, output: string): XsdIssue[] {
  const issues: XsdIssue[] = [];
  for (const line of output.split('\n')) {
    const m = /^([^:\s]+):(\d+): (.*)$/.exec(line);
    if (!m) continue;
    if (m[1] !== fileName) {
      if (m[1]!.endsWith('.xsd')) throw new Error(`bundled schema problem: ${line}`);
      continue;
    }
    const message = m[3]!.replace(/^(?:element \S+: )?(?:Schemas validity|parser|namespace|validity) (?:error|warning) : /, '').trim();
    issues.push({ line: Number(m[2]), message });
  }
  return issues;
}
