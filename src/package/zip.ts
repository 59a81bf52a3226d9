import AdmZip from 'adm-zip';

/** 1980-01-01T00:00:00Z, the first instant a zip can record: the default stamp of reproducible builds. */
export const DEFAULT_EPOCH = 315532800;

/**
 * Writes a zip whose bytes depend only on the files given: entries sorted by
 * path, one fixed timestamp, fixed permissions and "made by" field, so two
 * builds on any machine produce the same archive (SPEC §2).
 */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>, epochSeconds: number): Uint8Array {
  const zip = new AdmZip();
  const timeval = dosDateTime(epochSeconds);
  for (const path of [...files.keys()].sort(byteOrder)) {
    // Readable by all, the same on every OS. adm-zip takes the permission bits
    // alone and adds the regular-file type itself (giving it the shifted
    // external attribute left the mode 000: files unzip unreadable).
    zip.addFile(path, Buffer.from(files.get(path)!), '', 0o644);
    const entry = zip.getEntry(path)!;
    entry.header.timeval = timeval;
    // APPNOTE 4.4.2: high byte 3 = UNIX, low byte 20 = spec 2.0; adm-zip would pick by host OS.
    entry.header.made = 0x0314;
    // APPNOTE 4.4.5: method 0 (stored). Deflating a file that is already compressed saves
    // nothing and costs the build most of its time on a course with media.
    if (STORED.test(path)) entry.header.method = 0;
  }
  return new Uint8Array(zip.toBuffer());
}

/** Formats that are compressed already: images, audio, video, PDF, archives, web fonts. */
const STORED = /\.(png|jpe?g|gif|webp|avif|mp3|m4a|aac|ogg|oga|opus|mp4|m4v|webm|pdf|zip|gz|woff2?)$/i;

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * MS-DOS date/time (APPNOTE 4.4.6) of a UTC instant. DOS time has no zone;
 * using UTC keeps the value independent of the building machine's TZ.
 * DOS dates start in 1980, so earlier instants are clamped to it.
 */
export function dosDateTime(epochSeconds: number): number {
  const d = new Date(Math.max(epochSeconds, DEFAULT_EPOCH) * 1000);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  return ((date << 16) | time) >>> 0;
}
