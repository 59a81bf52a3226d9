/**
 * A small namespace-aware XML reader for package manifests that keeps the
 * line and column of every element and attribute, so a problem the schemas
 * cannot see (a dangling identifierref, a missing file) is reported where it
 * is written. It is not a validating parser: well-formedness and schema
 * validity are libxml2's job (xsd.ts); this only has to read what libxml2
 * accepts, and fail cleanly on what it does not.
 *
 * Line endings are normalised as XML 1.0 §2.11 says (CRLF and lone CR become
 * LF), so line numbers agree with libxml2's even for old-Mac CR files.
 */
import { LineMap } from '../core/source.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface XmlName {
  /** As written, with its prefix. */
  qname: string;
  prefix: string;
  local: string;
  /** Resolved namespace URI; '' when none. */
  ns: string;
}

export interface XmlAttr extends XmlName {
  value: string;
  line: number;
  column: number;
}

export interface XmlElement extends XmlName {
  attrs: XmlAttr[];
  children: XmlElement[];
  parent: XmlElement | null;
  /** The element's own character data (not its descendants'), entities decoded. */
  text: string;
  /** Position of the `<` of the start tag. */
  line: number;
  column: number;
  /** Line of the `>` that ends the start tag (libxml2 reports this line for the element). */
  endLine: number;
}

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** Elements nested deeper than this are refused: no manifest needs it, and it bounds the work. */
const MAX_DEPTH = 256;

/**
 * The text of an XML document's bytes: UTF-16 by its byte order mark, else
 * the encoding its declaration names (ISO-8859-1 in some old packages), else
 * UTF-8 (XML 1.0 §4.3.3, Appendix F).
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding TextDecoder does not know: read it as UTF-8, as libxml2 would fail anyway.
    }
  }
  return new TextDecoder().decode(bytes);
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Reads a document and returns its root element, or throws XmlSyntaxError. */
export function parseXml(input: string): XmlElement {
  const text = normaliseNewlines(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  const lines = new LineMap(text);
  const fail = (message: string, at: number): never => {
    const p = lines.position(Math.min(at, text.length));
    throw new XmlSyntaxError(message, p.line, p.column);
  };

  const stack: { el: XmlElement; ns: Map<string, string> }[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  const n = text.length;

  while (i < n) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) fail('comment not closed', i);
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) fail('processing instruction not closed', i);
      i = end + 2;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) fail('CDATA section not closed', i);
      if (!stack.length) fail('character data outside the root element', i);
      stack[stack.length - 1]!.el.text += text.slice(i + 9, end);
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      i = skipDoctype(text, i, fail);
    } else if (text.startsWith('</', i)) {
      const m = /^<\/([^\s>]+)\s*>/.exec(text.slice(i, i + 1024));
      if (!m) fail('malformed end tag', i);
      const top = stack.pop();
      if (!top || top.el.qname !== m![1]) fail(`end tag </${m![1]}> does not match <${top?.el.qname ?? ''}>`, i);
      i += m![0].length;
    } else if (text[i] === '<') {
      i = startTag(i);
    } else {
      const next = text.indexOf('<', i);
      const end = next < 0 ? n : next;
      const chunk = text.slice(i, end);
      if (stack.length) stack[stack.length - 1]!.el.text += decodeEntities(chunk);
      else if (chunk.trim()) fail('text outside the root element', i);
      i = end;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1]!.el.qname}> is not closed`, n);
  if (!root) fail('the document has no root element', 0);
  return root!;

  function startTag(at: number): number {
    const nameMatch = /^<([^\s/>]+)/.exec(text.slice(at, at + 1024));
    if (!nameMatch) fail('malformed start tag', at);
    let j = at + nameMatch![0].length;
    const raw: { name: string; value: string; at: number }[] = [];
    let selfClosing = false;
    for (;;) {
      while (j < n && /\s/.test(text[j]!)) j++;
      if (j >= n) fail(`start tag <${nameMatch![1]}> is not closed`, at);
      if (text.startsWith('/>', j)) {
        selfClosing = true;
        j += 2;
        break;
      }
      if (text[j] === '>') {
        j++;
        break;
      }
      const attr = /^([^\s=/>]+)\s*=\s*(["'])/.exec(text.slice(j, j + 1024));
      if (!attr) fail(`malformed attribute in <${nameMatch![1]}>`, j);
      const valueStart = j + attr![0].length;
      const valueEnd = text.indexOf(attr![2]!, valueStart);
      if (valueEnd < 0) fail(`attribute ${attr![1]} is not closed`, j);
      const value = text.slice(valueStart, valueEnd);
      if (value.includes('<')) fail(`attribute ${attr![1]} contains <`, valueStart);
      // XML 1.0 §3.3.3: whitespace characters in attribute values become spaces.
      raw.push({ name: attr![1]!, value: decodeEntities(value.replace(/[\t\n]/g, ' ')), at: j });
      j = valueEnd + 1;
    }

    const parentNs = stack.length ? stack[stack.length - 1]!.ns : new Map([['xml', XML_NS]]);
    let ns = parentNs;
    for (const a of raw) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
        if (ns === parentNs) ns = new Map(parentNs);
        ns.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
      }
    }
    const start = lines.position(at);
    const el: XmlElement = {
      ...resolve(nameMatch![1]!, ns, true, at),
      attrs: [],
      children: [],
      parent: stack.length ? stack[stack.length - 1]!.el : null,
      text: '',
      line: start.line,
      column: start.column,
      endLine: lines.position(j - 1).line,
    };
    const seen = new Set<string>();
    for (const a of raw) {
      if (seen.has(a.name)) fail(`attribute ${a.name} appears twice`, a.at);
      seen.add(a.name);
      const p = lines.position(a.at);
      el.attrs.push({ ...resolve(a.name, ns, false, a.at), value: a.value, line: p.line, column: p.column });
    }
    if (el.parent) el.parent.children.push(el);
    else if (root) fail('a second root element', at);
    else root = el;
    if (!selfClosing) {
      if (stack.length >= MAX_DEPTH) fail(`elements are nested more than ${MAX_DEPTH} deep`, at);
      stack.push({ el, ns });
    }
    return j;
  }

  function resolve(qname: string, ns: Map<string, string>, isElement: boolean, at: number): XmlName {
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    if (!isElement && prefix === '') return { qname, prefix, local, ns: qname === 'xmlns' ? XMLNS_NS : '' };
    if (prefix === 'xmlns') return { qname, prefix, local, ns: XMLNS_NS };
    const uri = ns.get(prefix);
    if (uri === undefined) {
      if (prefix !== '') fail(`namespace prefix ${prefix} is not declared`, at);
      return { qname, prefix, local, ns: '' };
    }
    return { qname, prefix, local, ns: uri };
  }
}

function skipDoctype(text: string, at: number, fail: (m: string, at: number) => never): number {
  let depth = 0;
  let quote = '';
  for (let j = at + 9; j < text.length; j++) {
    const c = text[j]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return j + 1;
  }
  return fail('DOCTYPE not closed', at);
}

// XML 1.0 §4.6, the predefined entities only. Null prototype: `&constructor;` must not find Object.prototype.constructor.
const NAMED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (m, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[body] ?? m;
  });
}

/** Child elements in the given namespace with the given local name. */
export function childrenNamed(el: XmlElement, ns: string, local: string): XmlElement[] {
  return el.children.filter((c) => c.ns === ns && c.local === local);
}

export function firstChild(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  return el.children.find((c) => c.ns === ns && c.local === local);
}

/** Every element of the tree, depth first, document order. */
export function* walk(el: XmlElement): Generator<XmlElement> {
  const todo: XmlElement[] = [el];
  while (todo.length) {
    const e = todo.pop()!;
    yield e;
    for (let k = e.children.length - 1; k >= 0; k--) todo.push(e.children[k]!);
  }
}

/** The attribute with no namespace (or in `ns`) named `local`. */
export function attr(el: XmlElement, local: string, ns = ''): XmlAttr | undefined {
  return el.attrs.find((a) => a.ns === ns && a.local === local);
}
