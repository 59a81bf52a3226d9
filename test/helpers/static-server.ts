/**
 * A tiny static file server for the browser tests, bound to 127.0.0.1 on a
 * free port. It serves an unzipped package under `/pkg/`, extra in-memory
 * files (the LMS host page) at their own paths, and records every request so
 * a test can prove the package asked for nothing outside itself.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Every request path seen, in order. */
  requests: string[];
  /** Paths that were answered 404. */
  missing: string[];
  /** Bodies of POST requests (e.g. the LMS host's beacons), in order of arrival. */
  posts: Array<{ path: string; body: string }>;
  /** Adds or replaces an in-memory file (e.g. a host page). */
  put(path: string, body: string | Uint8Array, type?: string): void;
  close(): Promise<void>;
}

/**
 * @param mounts URL prefix (e.g. `/pkg/`) → folder on disk.
 */
export async function startStaticServer(mounts: Record<string, string>): Promise<StaticServer> {
  const memory = new Map<string, { body: string | Uint8Array; type: string }>();
  const requests: string[] = [];
  const missing: string[] = [];
  const posts: Array<{ path: string; body: string }> = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    requests.push(path);
    const send = (status: number, body: string | Uint8Array, type: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      posts.push({ path, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204);
      return res.end();
    }
    const mem = memory.get(path);
    if (mem) return send(200, mem.body, mem.type);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const rel = normalize(path.slice(prefix.length) || 'index.html');
      const file = join(dir, rel);
      if (rel.startsWith('..') || !(file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep))) break;
      try {
        const body = await readFile(file);
        const type = TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
        // Byte ranges, as any web server answers them: browsers seek in media with them.
        const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range || '');
        if (range && (range[1] || range[2])) {
          const start = range[1] ? Number(range[1]) : Math.max(0, body.length - Number(range[2]));
          const end = range[1] && range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
          if (start > end || start >= body.length) {
            res.writeHead(416, { 'content-range': `bytes */${body.length}` });
            return res.end();
          }
          res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${start}-${end}/${body.length}`, 'accept-ranges': 'bytes', 'cache-control': 'no-store' });
          return res.end(body.subarray(start, end + 1));
        }
        return send(200, body, type);
      } catch {
        break;
      }
    }
    missing.push(path);
    send(404, 'not found', 'text/plain; charset=utf-8');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    missing,
    posts,
    put(path, body, type) {
      memory.set(path, { body, type: type || TYPES[extname(path).toLowerCase()] || 'text/plain; charset=utf-8' });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
