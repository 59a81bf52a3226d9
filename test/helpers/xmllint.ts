import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SCORM12_XSD = resolve('schemas/scorm12/scorm12.xsd');

/**
 * Validates XML with Debian's xmllint against an XSD: a string as UTF-8, bytes
 * as they are (a document in another encoding). libxml2 prints a harmless
 * namespace complaint about ims_xml.xsd on every load (see
 * schemas/scorm12/SOURCE.md); the exit code is what counts.
 */
export function xmllint(xml: string | Uint8Array, xsd: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ir-xmllint-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
    if (r.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${r.error.message}`);
    const output = (r.stderr + r.stdout)
      .split('\n')
      .filter((l) => l && !l.endsWith(' validates') && !l.includes('ims_xml.xsd:1: namespace error') && !l.includes('filename=ims_xml.xsd') && l.trim() !== '^')
      .join('\n');
    return { ok: r.status === 0, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
