/**
 * An author's text (or a path or IRI built from it) as a text or attribute
 * value for imsmanifest.xml and tincan.xml.
 *
 * XML 1.0 (§2.2) forbids most control characters and U+FFFE/U+FFFF even when
 * escaped: they are dropped. And every `&` is escaped here, because
 * xmlbuilder2 leaves an `&name;` it is given unescaped, taking it for an
 * entity reference: a title such as `Q&A;` or `&nbsp;` would otherwise reach
 * the manifest as an undefined entity, and the LMS would refuse the package.
 */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;');
}
