/**
 * Reading a package zip someone else may have made, without trusting it:
 * names are checked before anything is unpacked, only the manifest is ever
 * decompressed, and its size is capped.
 */
import AdmZip from 'adm-zip';
import type { Diagnostics } from '../core/diagnostics.js';

export interface PackageEntry {
  /** The name as stored (UTF-8 decoded), including any trailing `/` of a folder. */
  name: string;
  isDirectory: boolean;
  /** Declared uncompressed size. */
  size: number;
  /** General purpose flag bit 11 (APPNOTE 4.4.4): the name is UTF-8. */
  utf8Flag: boolean;
  /** An Info-ZIP Unicode Path extra field (0x7075) carries a UTF-8 name. */
  unicodePathExtra: boolean;
  /** The raw name bytes are not valid UTF-8. */
  badUtf8: boolean;
  /** A Unix symbolic link (made by Unix, mode S_IFLNK). */
  symlink: boolean;
  encrypted: boolean;
}

export interface PackageZip {
  entries: PackageEntry[];
  /** Names of the files (not folders), for lookups. */
  files: Set<string>;
  /** Decompresses one entry, refusing one larger than `limit` bytes. */
  read(name: string, limit: number): Uint8Array;
}

export class ZipReadError extends Error {
  /** Set when the archive names the same entry twice (adm-zip refuses to read such an archive). */
  duplicate?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Opens the archive's central directory; throws ZipReadError when it is not a zip. */
export function openZip(bytes: Uint8Array): PackageZip {
  // Local file header or (empty archive) end of central directory signature.
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ZipReadError('it does not start like a zip archive');
  let zip: AdmZip;
  let raw: AdmZip.IZipEntry[];
  try {
    zip = new AdmZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    raw = zip.getEntries();
  } catch (e) {
    const message = (e as Error).message;
    const dup = /Duplicate entry name "(.*)"/.exec(message);
    const err = new ZipReadError(dup ? `zip entry \`${printable(dup[1]!)}\` appears twice; unzip tools disagree on which copy wins` : `its central directory cannot be read (${message})`);
    if (dup) err.duplicate = dup[1]!;
    throw err;
  }
  const entries: PackageEntry[] = [];
  const byName = new Map<string, AdmZip.IZipEntry>();
  for (const e of raw) {
    const header = e.header as unknown as { flags: number; made: number; attr: number; size: number; encrypted: boolean };
    let badUtf8 = false;
    try {
      utf8.decode(e.rawEntryName);
    } catch {
      badUtf8 = true;
    }
    const mode = (header.attr >>> 16) & 0o170000;
    entries.push({
      name: e.entryName,
      isDirectory: e.isDirectory,
      size: header.size,
      utf8Flag: (header.flags & 0x800) !== 0,
      unicodePathExtra: hasExtraField(e.extra, 0x7075),
      badUtf8,
      symlink: header.made >> 8 === 3 && mode === 0o120000,
      encrypted: header.encrypted,
    });
    if (!byName.has(e.entryName)) byName.set(e.entryName, e);
  }
  return {
    entries,
    files: new Set(entries.filter((e) => !e.isDirectory).map((e) => e.name)),
    read(name, limit) {
      const e = byName.get(name);
      if (!e) throw new ZipReadError(`${name} is not in the archive`);
      const size = (e.header as unknown as { size: number }).size;
      if (size > limit) throw new ZipReadError(`${name} is ${size} bytes; the limit is ${limit}`);
      try {
        return new Uint8Array(e.getData());
      } catch (err) {
        throw new ZipReadError(`${name} cannot be decompressed (${(err as Error).message})`);
      }
    },
  };
}

function hasExtraField(extra: Buffer, id: number): boolean {
  let p = 0;
  while (p + 4 <= extra.length) {
    const fieldId = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (fieldId === id) return true;
    p += 4 + len;
  }
  return false;
}

/**
 * Why an entry name could write outside the folder an LMS unpacks into, or
 * be read differently by different unzip tools; null when it is safe.
 * (APPNOTE 4.4.17.1: names are relative, with forward slashes, no drive letter.)
 */
export function unsafeEntryReason(entry: PackageEntry): string | null {
  const n = entry.name;
  if (n === '') return 'has an empty name';
  if (entry.badUtf8 && entry.utf8Flag) return 'is marked UTF-8 but its name is not valid UTF-8';
  if (n.includes('\\')) return 'contains a backslash, which Windows unzip tools read as a folder separator';
  if (/^[a-zA-Z]:/.test(n)) return 'starts with a drive letter';
  if (n.startsWith('/')) return 'is an absolute path';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(n)) return 'contains a control character';
  if (n.split('/').some((s) => s === '..')) return 'contains `..`, which leaves the folder it is unpacked into';
  if (entry.symlink) return 'is a symbolic link, which could point outside the folder it is unpacked into';
  return null;
}

/** IR602 for every unsafe entry (openZip already refused duplicate names); IR601 for encrypted ones. */
export function checkEntries(zip: PackageZip, diags: Diagnostics): void {
  for (const e of zip.entries) {
    const why = unsafeEntryReason(e);
    if (why) diags.report('IR602', { file: '', line: 0, column: 0 }, `zip entry \`${printable(e.name)}\` ${why}`, 'Rebuild the zip from the package folder with relative paths only.');
    if (e.encrypted) diags.report('IR601', { file: '', line: 0, column: 0 }, `zip entry \`${printable(e.name)}\` is encrypted; an LMS cannot unpack it`);
  }
}

/** A name safe to print on a terminal. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
