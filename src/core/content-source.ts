/**
 * The content folder as the pure compiler sees it: paths relative to the
 * folder, with forward slashes, mapped to what the reader found there.
 * Tests build one in memory; `src/node/read-content.ts` builds it from disk.
 */
export type ContentEntry =
  | { kind: 'file'; bytes: Uint8Array }
  /** A symlink or path that resolves outside the folder: never read, never packed. */
  | { kind: 'outside' }
  /** Larger than the reader accepts; not read. */
  | { kind: 'too-large'; size: number };

export interface ContentSource {
  /** For messages only. */
  root: string;
  entries: Map<string, ContentEntry>;
}

export function memorySource(files: Record<string, string | Uint8Array>, root = 'content'): ContentSource {
  const entries = new Map<string, ContentEntry>();
  for (const [path, value] of Object.entries(files)) {
    entries.set(path, { kind: 'file', bytes: typeof value === 'string' ? new TextEncoder().encode(value) : value });
  }
  return { root, entries };
}
