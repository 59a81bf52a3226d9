/**
 * The package checker's XML reader (src/check-package/xml.ts): what it
 * decodes. Bug fixed: entity names were looked up in a plain object, so
 * `&constructor;` read as "function Object() { [native code] }".
 */
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/check-package/xml.js';

describe('parseXml', () => {
  it('decodes the predefined and numeric entities in text and attributes', () => {
    const root = parseXml('<a t="&lt;&amp;&#65;&#x42;&quot;">x &gt; &apos;y&apos; &#x1F600;</a>');
    expect(root.attrs[0]!.value).toBe('<&AB"');
    expect(root.text).toBe("x > 'y' \u{1F600}");
  });

  it('leaves names that are not XML entities as written, Object.prototype members included', () => {
    const root = parseXml('<a t="&constructor;&toString;">&constructor; &__proto__; &hasOwnProperty; &nbsp;</a>');
    expect(root.attrs[0]!.value).toBe('&constructor;&toString;');
    expect(root.text).toBe('&constructor; &__proto__; &hasOwnProperty; &nbsp;');
  });
});
