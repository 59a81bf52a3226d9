import { posix } from 'node:path';

/**
 * Resolves a relative reference from a content file to a content path, or
 * null when it would leave the content folder (absolute, drive letter, `..`).
 */
export function resolveContentPath(fromFile: string, ref: string): string | null {
  if (ref.startsWith('/') || ref.startsWith('\\') || /^[a-zA-Z]:/.test(ref)) return null;
  const joined = posix.normalize(posix.join(posix.dirname(fromFile), ref.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return null;
  return joined;
}
