/**
 * Text for imsmanifest.xml and tincan.xml. XML 1.0 (§2.2) forbids most control
 * characters and U+FFFE/U+FFFF even when escaped, and an author's title or
 * description may still hold one: dropped, the manifest stays well-formed.
 */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
