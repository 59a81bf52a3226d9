import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes each file to a temporary name beside its final one and renames it
 * into place, so an interrupted build never leaves a half-written zip and a
 * failed one leaves the previous package where it was.
 */
export async function writeAtomically(outDir: string, files: { name: string; bytes: Uint8Array }[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const temps: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const final = join(outDir, f.name);
      const tmp = join(outDir, `.${f.name}.${process.pid}.tmp`);
      await writeFile(tmp, f.bytes);
      temps.push({ tmp, final });
    }
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t.tmp, { force: true })));
    throw e;
  }
  for (const t of temps) await rename(t.tmp, t.final);
  return temps.map((t) => t.final);
}
