import { copyFile, link, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The file operations `writeAtomically` uses: node's by default; a test may
 * pass its own (e.g. one that fails on the second rename) to prove what a
 * failure leaves behind.
 */
export interface OutputFs {
  mkdir(dir: string): Promise<unknown>;
  /** Writes the whole file and flushes it to the disk before resolving. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; no error when it is not there. */
  rm(path: string): Promise<void>;
  /** A second name for an existing file (a hard link, or a copy where links are not possible). */
  keep(existing: string, copy: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
}

export const nodeOutputFs: OutputFs = {
  mkdir: (dir) => mkdir(dir, { recursive: true }),
  async writeFile(path, bytes) {
    const fh = await open(path, 'w');
    try {
      let at = 0;
      while (at < bytes.length) at += (await fh.write(bytes, at, bytes.length - at)).bytesWritten;
      // On the disk before the rename makes it the package: a power cut then leaves the old or the new file, not an empty one.
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
  rename: (from, to) => rename(from, to),
  rm: (path) => rm(path, { force: true }),
  async keep(existing, copy) {
    try {
      await link(existing, copy);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
      // No hard links on this file system: a copy. (A folder in the package's place fails here, EISDIR.)
      await copyFile(existing, copy);
    }
  },
  readdir: (dir) => readdir(dir),
};

/** `.NAME.PID-N.tmp` (the new bytes) and `.NAME.PID-N.bak` (a second name of the old package while it is replaced). */
const SIDE = /^\.(.+)\.(\d+)-\d+\.(tmp|bak)$/;
let calls = 0;

function alive(pid: number): boolean {
  if (pid === process.pid) return true; // another write of this process may be under way
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes the files into `outDir` so that a package there is always complete:
 * the old one or the new one, never a half-written one.
 *
 * 1. Every file is written (and flushed) under a temporary name beside its
 *    final one. A failure removes every temporary file, the partly written
 *    one included; nothing in `outDir` changed.
 * 2. Each existing package gets a second name (a hard link), then the new
 *    files are renamed into place (a rename is atomic). If a rename fails,
 *    the packages already replaced get their old bytes back (or are removed
 *    if there was none), so a failed write leaves `outDir` as it was.
 * 3. The second names are removed.
 *
 * A process killed on the way (SIGKILL, power cut) leaves every package
 * complete, old or new (between two renames, one target's may be new and the
 * other's old), plus hidden `.NAME.PID-N.tmp`/`.bak` files that the next
 * write into the folder removes.
 */
export async function writeAtomically(
  outDir: string,
  files: { name: string; bytes: Uint8Array }[],
  fs: OutputFs = nodeOutputFs,
): Promise<string[]> {
  await fs.mkdir(outDir);
  await removeStale(outDir, fs);
  const tag = `${process.pid}-${++calls}`;
  const items = files.map((f) => ({
    final: join(outDir, f.name),
    tmp: join(outDir, `.${f.name}.${tag}.tmp`),
    bak: join(outDir, `.${f.name}.${tag}.bak`),
    bytes: f.bytes,
    /** There was a package at `final`, now also at `bak`. */
    kept: false,
    /** `tmp` has been renamed to `final`. */
    placed: false,
  }));
  const cleanUp = () => Promise.all(items.flatMap((t) => [fs.rm(t.tmp), fs.rm(t.bak)])).then(() => undefined, () => undefined);
  try {
    for (const t of items) await fs.writeFile(t.tmp, t.bytes);
    for (const t of items) {
      try {
        await fs.keep(t.final, t.bak);
        t.kept = true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    for (const t of items) {
      await fs.rename(t.tmp, t.final);
      t.placed = true;
    }
  } catch (e) {
    // Put back what was replaced, newest first; a package that did not exist before goes again.
    for (const t of items.filter((x) => x.placed).reverse()) {
      try {
        if (t.kept) await fs.rename(t.bak, t.final);
        else await fs.rm(t.final);
      } catch {
        /* keep undoing the others */
      }
    }
    await cleanUp();
    throw e;
  }
  await cleanUp();
  return items.map((t) => t.final);
}

/** Removes the temporary files of writes into `outDir` whose process is gone (killed mid-write). */
async function removeStale(outDir: string, fs: OutputFs): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = SIDE.exec(name);
    if (m && !alive(Number(m[2]))) await fs.rm(join(outDir, name)).catch(() => undefined);
  }
}
