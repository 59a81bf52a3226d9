/**
 * `integrity-ranger preview`: a local server (127.0.0.1 only) that builds the
 * course in memory and serves it inside a page playing the LMS, beside a live
 * panel of what would be recorded.
 *
 * - `/`                 the host page (templates/preview/): the course in a frame,
 *                       the panel, the build status and the diagnostics.
 * - `/course/…`         the files of the last good build, straight from
 *                       `compile()`'s artifact (nothing is written to disk).
 * - `/xAPI/…`           an in-memory LRS (lrs.ts) for the xapi and cmi5 targets.
 * - `/__ir/events`      server-sent events: `snapshot` on connect, then `build`
 *                       after every rebuild (ok or with diagnostics), `statements`
 *                       as they arrive, `state` when a State document changes, `reset`.
 * - `/__ir/…`           the host page's script (src/preview/host/, bundled into
 *                       player-dist/preview-host.js), stylesheet, the target's
 *                       run-time (`runtime.js`: scorm-again's SCORM 1.2 or 2004
 *                       one), `reset` (POST), `download` (the package zip) and,
 *                       for cmi5, the LMS's `cmi5/launch` and `cmi5/fetch/…` (POST).
 *
 * For SCORM the run-time is scorm-again's `Scorm12API` or `Scorm2004API`,
 * created by the host page as `window.API` / `window.API_1484_11` of the
 * frame's parent, where the player's API search finds it. The learner's data
 * lives in the host page's sessionStorage, so a rebuild relaunches the course
 * with entry `resume`. For cmi5 the server is the LMS (cmi5-lms.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile, type Artifact, type PackageTarget } from '../compile.js';
import type { ContentSource } from '../core/content-source.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { localizeDiagnostic } from '../core/messages-id.js';
import { TOOL_ROOT, ToolNotBuiltError } from '../node/tool-assets.js';
import { DEFAULT_EPOCH } from '../package/zip.js';
import { ContentReader, rebuildOnChange } from '../node/watch.js';
import { courseActivity } from '../shared/activity-ids.js';
import type { RuntimeCourse, UiLanguage } from '../shared/runtime-types.js';
import { CMI5_FETCH_PATH, PreviewCmi5Lms } from './cmi5-lms.js';
import { MemoryLrs, readBody, type StateDocument, type StoredStatement } from './lrs.js';
import type { Cmi5LaunchRequest, HostConfig, LiveBuild, PreviewBuild, PreviewDiagnostic } from './protocol.js';
import { PREVIEW_STRINGS } from './strings.js';

export type { LiveBuild, PreviewBuild, PreviewDiagnostic } from './protocol.js';

/** 1980-01-01, as `build` uses by default; the preview never writes the zip. */
export const DEFAULT_PREVIEW_PORT = 4173;

/** The targets the preview page has a stand-in LMS or LRS for: all four. */
export const PREVIEW_TARGETS: readonly PackageTarget[] = ['scorm12', 'scorm2004', 'cmi5', 'xapi'];

export interface PreviewOptions {
  /** The content folder (default `content`). */
  dir?: string;
  /** 0 picks a free port. Default 4173. */
  port?: number;
  /** Which package the course frame plays: scorm12 (default), scorm2004, cmi5 or xapi. */
  target?: PackageTarget;
  /** Quiet time after the last file event before rebuilding (default 100 ms). */
  debounceMs?: number;
  /** Called after every build that compiled something. */
  onBuild?: (build: PreviewBuild) => void;
  /** The language of the diagnostics the page and onBuild get (default English), as the command line's `--lang`. */
  lang?: 'en' | 'id';
}

export interface PreviewHandle {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  /** The first build's result (the server is already listening). */
  ready: Promise<PreviewBuild>;
  /** Rebuilds now; resolves with that build (or the current one when nothing changed). */
  rebuild(): Promise<PreviewBuild>;
  /** The current build. */
  build(): PreviewBuild | null;
  close(): Promise<void>;
}

export class PreviewError extends Error {}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  xsd: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  vtt: 'text/vtt; charset=utf-8',
  pdf: 'application/pdf',
  woff2: 'font/woff2',
  woff: 'font/woff',
  zip: 'application/zip',
};

function typeOf(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}

/** The author's lines around a diagnostic, for the page to show. */
function withExcerpt(d: Diagnostic, source: ContentSource | null): PreviewDiagnostic {
  const entry = source?.entries.get(d.file);
  if (!entry || entry.kind !== 'file' || d.line < 1) return d;
  const lines = new TextDecoder().decode(entry.bytes).split(/\r\n|\n|\r/);
  if (d.line > lines.length) return d;
  const first = Math.max(1, d.line - 2);
  const last = Math.min(lines.length, d.line + 2);
  return { ...d, excerpt: { first, lines: lines.slice(first - 1, last).map((l) => (l.length > 240 ? l.slice(0, 240) + '…' : l)) } };
}

/** Old location → new, for pages and scenes whose id changed but whose place did not. */
export function relocations(prev: Omit<RuntimeCourse, 'target'>, next: Omit<RuntimeCourse, 'target'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const u of prev.units) {
    const v = next.units.find((x) => x.kind === u.kind && x.id === u.id);
    if (!v) continue;
    if (u.kind === 'lesson' && v.kind === 'lesson') {
      u.pages.forEach((p, i) => {
        const q = v.pages[Math.min(i, v.pages.length - 1)];
        if (q && q.id !== p.id) out[`l:${u.id}/${p.id}`] = `l:${v.id}/${q.id}`;
      });
    } else if (u.kind === 'scenario' && v.kind === 'scenario') {
      u.scenes.forEach((s, i) => {
        const t = v.scenes[Math.min(i, v.scenes.length - 1)];
        if (t && t.id !== s.id) out[`s:${u.id}/${s.id}`] = `s:${v.id}/${t.id}`;
      });
    }
  }
  return out;
}

/** scorm-again's browser bundle for the SCORM targets: a classic script setting `window.Scorm12API` or `Scorm2004API`. */
function scormAgainPath(target: 'scorm12' | 'scorm2004'): string {
  const require = createRequire(import.meta.url);
  for (const id of [`scorm-again/${target}/min`, `scorm-again/dist/${target}.min.js`, `scorm-again/${target}`]) {
    try {
      return require.resolve(id);
    } catch {
      /* try the next form */
    }
  }
  throw new PreviewError('scorm-again is not installed: run `npm ci` in the integrity-ranger folder');
}

/** Starts the preview server and the first build; resolves once it is listening. */
export async function startPreview(options: PreviewOptions = {}): Promise<PreviewHandle> {
  const dir = options.dir ?? 'content';
  const target: PackageTarget = options.target ?? 'scorm12';
  const reader = new ContentReader(dir);
  await reader.toolAssets(); // fails early with ToolNotBuiltError
  const templates = join(TOOL_ROOT, 'templates', 'preview');
  if (!PREVIEW_TARGETS.includes(target)) throw new PreviewError(`the preview plays ${PREVIEW_TARGETS.join(', ')}, not ${target}`);
  const [hostHtml, hostJs, hostCss, runtime] = await Promise.all([
    readFile(join(templates, 'host.html'), 'utf8'),
    readFile(join(TOOL_ROOT, 'player-dist', 'preview-host.js')).catch(() => {
      throw new ToolNotBuiltError('the preview page is not built: run `npm run build` in the integrity-ranger folder');
    }),
    readFile(join(templates, 'host.css')),
    target === 'scorm12' || target === 'scorm2004' ? readFile(scormAgainPath(target)) : Promise.resolve(Buffer.alloc(0)),
  ]);

  const clients = new Set<ServerResponse>();
  const send = (event: string, data: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const c of clients) c.write(frame);
  };
  const lrs = new MemoryLrs({
    statements: (list: StoredStatement[]) => send('statements', list),
    state: (doc: StateDocument, deleted: boolean) => send('state', { doc, deleted }),
  });
  const cmi5 = new PreviewCmi5Lms(lrs);

  let current: PreviewBuild | null = null;
  let live: { artifact: Artifact; info: LiveBuild; runtime: Omit<RuntimeCourse, 'target'> } | null = null;
  let n = 0;

  const once = async (): Promise<PreviewBuild> => {
    const t0 = performance.now();
    const tool = await reader.toolAssets();
    const read = await reader.read();
    let source: ContentSource | null = null;
    let diagnostics: Diagnostic[];
    let course: PreviewBuild['course'] = null;
    let moved: Record<string, string> = {};
    let ok = false;
    let changed: string[] = [];
    let reread = 0;
    let uiLanguage: UiLanguage = current?.uiLanguage ?? 'id';
    if ('error' in read) {
      if (current && !current.ok && current.diagnostics[0]?.message === localizeDiagnostic(read.error, options.lang ?? 'en').message) return current;
      diagnostics = [read.error];
    } else {
      if (current && !read.first && read.changed.length === 0) return current;
      source = read.source;
      changed = read.changed;
      reread = read.reread;
      const result = compile(source, { targets: [target], tool, epoch: DEFAULT_EPOCH });
      diagnostics = result.diagnostics;
      course = result.course;
      if (result.runtime) uiLanguage = result.runtime.uiLanguage;
      const artifact = result.artifacts[0];
      if (result.ok && artifact && result.runtime && result.course) {
        ok = true;
        if (live) moved = relocations(live.runtime, result.runtime);
        live = {
          artifact,
          runtime: result.runtime,
          info: {
            n: n + 1,
            course: result.course,
            language: result.runtime.language,
            activityId: result.runtime.iri ? courseActivity({ ...result.runtime, target }, result.runtime.iri).id : null,
            masteryScore: result.runtime.passingScore,
            fileName: artifact.fileName,
            files: artifact.files.size,
            bytes: artifact.zip.length,
          },
        };
      }
    }
    current = {
      n: ++n,
      ok,
      at: new Date().toISOString(),
      ms: Math.round(performance.now() - t0),
      target,
      changed,
      reread,
      course,
      uiLanguage,
      diagnostics: diagnostics.map((d) => withExcerpt(localizeDiagnostic(d, options.lang ?? 'en'), source)),
      live: live?.info ?? null,
      moved,
    };
    send('build', current);
    options.onBuild?.(current);
    return current;
  };

  const config = (port: number) => {
    const c: HostConfig = { target, lrs: `http://127.0.0.1:${port}/xAPI/`, lang: current?.uiLanguage ?? 'id', strings: PREVIEW_STRINGS };
    return JSON.stringify(c).replace(/</g, '\\u003c');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, port: number): Promise<void> => {
    // Only this machine, by name: a page elsewhere cannot reach it through DNS rebinding.
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(host)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('the preview answers on 127.0.0.1 only');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');

    if (path.startsWith('/xAPI/')) return lrs.handle(path.slice('/xAPI/'.length), url, req, res);

    const method = req.method ?? 'GET';
    if (path === '/__ir/reset' && method === 'POST') {
      lrs.clear();
      cmi5.clear();
      send('reset', {});
      res.writeHead(204).end();
      return;
    }
    if (target === 'cmi5' && method === 'POST' && path.startsWith(CMI5_FETCH_PATH)) {
      res.writeHead(200, { 'Content-Type': TYPES['json']!, 'Cache-Control': 'no-store' }).end(JSON.stringify(cmi5.fetch(path.slice(CMI5_FETCH_PATH.length))));
      return;
    }
    if (target === 'cmi5' && method === 'POST' && path === '/__ir/cmi5/launch') {
      const body = JSON.parse((await readBody(req)) || '{}') as Partial<Cmi5LaunchRequest>;
      const course = live?.runtime;
      if (!course?.iri || typeof body.registration !== 'string' || !/^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i.test(body.registration)) {
        res.writeHead(400, { 'Content-Type': TYPES['txt']! }).end(course ? 'a launch needs the registration (a UUID)' : 'the course has not built yet');
        return;
      }
      const answer = cmi5.launch({ id: course.id, title: course.title, iri: course.iri, passingScore: course.passingScore }, body.registration, `http://127.0.0.1:${port}`);
      res.writeHead(200, { 'Content-Type': TYPES['json']!, 'Cache-Control': 'no-store' }).end(JSON.stringify(answer));
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    if (path === '/' || path === '/index.html') {
      const html = hostHtml.replace('{{config}}', config(port));
      res.writeHead(200, { 'Content-Type': TYPES['html']! }).end(html);
      return;
    }
    if (path === '/__ir/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      res.write(`event: snapshot\ndata: ${JSON.stringify({ build: current, statements: lrs.statements, states: lrs.stateDocuments() })}\n\n`);
      return;
    }
    if (path === '/__ir/build') {
      res.writeHead(200, { 'Content-Type': TYPES['json']! }).end(JSON.stringify(current));
      return;
    }
    const own: Record<string, [Buffer, string]> = {
      '/__ir/host.js': [hostJs, TYPES['js']!],
      '/__ir/host.css': [hostCss, TYPES['css']!],
      '/__ir/runtime.js': [runtime, TYPES['js']!],
    };
    const asset = own[path];
    if (asset) {
      res.writeHead(200, { 'Content-Type': asset[1], 'Content-Length': asset[0].length }).end(method === 'HEAD' ? undefined : asset[0]);
      return;
    }
    if (path === '/__ir/download') {
      if (!live) {
        res.writeHead(404, { 'Content-Type': TYPES['txt']! }).end('no package yet: the course has not built');
        return;
      }
      const zip = live.artifact.zip;
      res.writeHead(200, {
        'Content-Type': TYPES['zip']!,
        'Content-Length': zip.length,
        'Content-Disposition': `attachment; filename="${live.artifact.fileName}"`,
      });
      res.end(method === 'HEAD' ? undefined : zip);
      return;
    }
    if (path.startsWith('/course/')) {
      const rel = path.slice('/course/'.length) || 'index.html';
      const bytes = live?.artifact.files.get(rel);
      if (!bytes) {
        const why = live ? `${rel} is not in the package` : 'the course has not built yet: see the diagnostics in the preview page';
        res.writeHead(404, { 'Content-Type': TYPES['txt']! }).end(why);
        return;
      }
      return sendBytes(req, res, bytes, typeOf(rel), method === 'HEAD');
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404, { 'Content-Type': TYPES['txt']! }).end('not found');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res, port).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': TYPES['txt']! });
      res.end(`preview server error: ${(e as Error).message}`);
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new PreviewError(`port ${options.port ?? DEFAULT_PREVIEW_PORT} is in use: choose another with --port`));
      else if (e.code === 'EACCES') reject(new PreviewError(`port ${options.port ?? DEFAULT_PREVIEW_PORT} is not allowed: choose one above 1023 with --port`));
      else reject(e);
    });
    server.listen(options.port ?? DEFAULT_PREVIEW_PORT, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });

  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': keep-alive\n\n');
  }, 15000);
  heartbeat.unref();

  const builds = rebuildOnChange(reader, once, options.debounceMs);

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    ready: builds.first,
    rebuild: builds.rebuild,
    build: () => current,
    close() {
      closing ??= (async () => {
        const idle = builds.close();
        clearInterval(heartbeat);
        for (const c of clients) c.end();
        clients.clear();
        await idle;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

/** Sends bytes, honouring a single `Range` (audio and video seek with it). */
function sendBytes(req: IncomingMessage, res: ServerResponse, bytes: Uint8Array, type: string, head: boolean): void {
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
  const size = bytes.length;
  if (range && (range[1] || range[2])) {
    let start = range[1] ? Number(range[1]) : size - Number(range[2]);
    let end = range[1] && range[2] ? Number(range[2]) : size - 1;
    start = Math.max(0, start);
    end = Math.min(size - 1, end);
    if (start > end || start >= size) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    res.writeHead(206, { 'Content-Type': type, 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Accept-Ranges': 'bytes' });
    res.end(head ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start + 1));
    return;
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes' });
  res.end(head ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, size));
}
