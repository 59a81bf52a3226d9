import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { checkPackage, type PackageKind } from '../check-package/index.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { loadPackageSchemas } from './package-schemas.js';

/** What `check PACKAGE.zip --json` prints. */
export interface PackageCheckReport {
  ok: boolean;
  /** `media`: each video and audio file in the zip and its size (uncompressed). */
  package: { path: string; kinds: PackageKind[]; bytes: number; sha256: string; files: number; media: { path: string; bytes: number }[] } | null;
  diagnostics: Diagnostic[];
}

/** `check` treats PATH as a package when it ends in .zip or is a file (not a folder). */
export async function isPackagePath(path: string): Promise<boolean> {
  if (/\.zip$/i.test(path)) return true;
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Reads a package zip from disk and checks it; writes nothing. */
export async function checkPackageFile(path: string): Promise<PackageCheckReport> {
  let bytes: Uint8Array;
  try {
    const s = await stat(path);
    if (!s.isFile()) return notFound(`${path} is not a file`);
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return notFound(`${path} does not exist`);
    if (code === 'EACCES' || code === 'EPERM') return notFound(`${path} cannot be read (permission denied)`);
    if (code === 'ERR_FS_FILE_TOO_LARGE' || e instanceof RangeError) return notFound(`${path} is too large to check`);
    throw e;
  }
  const result = await checkPackage(bytes, path, await loadPackageSchemas());
  return {
    ok: !result.diagnostics.some((d) => d.severity === 'error'),
    package: {
      path,
      kinds: result.kinds,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      files: result.files,
      media: result.media,
    },
    diagnostics: result.diagnostics,
  };
}

function notFound(message: string): PackageCheckReport {
  return { ok: false, package: null, diagnostics: [{ severity: 'error', code: 'IR608', message, file: '', line: 0, column: 0 }] };
}
