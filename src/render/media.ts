/**
 * Video and audio embedded with the image syntax (`![name](../assets/film.mp4){required}`),
 * and what the compiler finds beside the file by convention:
 *
 *   film.mp4               the media (.mp4 .webm video; .mp3 .m4a .ogg audio)
 *   film.<lang>.vtt        captions, one per language (`film.id.vtt`, `film.en.vtt`), as <track>s
 *   film.transcript.md     the transcript (or .txt), shown under the player in a <details>
 *   film.poster.jpg        the video's poster (.jpg .jpeg .png .webp)
 *
 * The player is the browser's own: `controls`, `preload="metadata"` (a page
 * does not download a film the learner never plays), never autoplay, the
 * course language's captions on by default.
 */
import type { ContentSource } from '../core/content-source.js';
import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Markdown } from '../core/model.js';
import { decodeText } from '../parse/text.js';
import { escapeAttr, escapeHtml } from './markdown.js';
import { parseVtt } from './webvtt.js';
import { DEFAULT_MEDIA_BUDGET_MB, VIDEO_EXT, isMediaPath, sizeText } from '../shared/media.js';

export { DEFAULT_MEDIA_BUDGET_MB, isMediaPath };

/** Any media file, by extension (with an optional query or anchor after it, for URLs). */
export const MEDIA_URL = /\.(mp4|webm|mp3|m4a|ogg)(?:[?#].*)?$/i;
/** Video sites an author may paste a page address from. */
export const VIDEO_HOSTS = /^(?:[a-z]+:)?\/\/(?:[^/]*\.)?(?:youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|dailymotion\.com|facebook\.com|instagram\.com|tiktok\.com|drive\.google\.com)(?:[/:?#]|$)/i;

const MB = 1024 * 1024;

export interface MediaFile {
  path: string;
  bytes: number;
}

export interface EmbedRequest {
  /** Content path of the media file (already known to exist and be packable). */
  path: string;
  at: At;
  /** The alt text: the player's accessible name. */
  name: string;
  required: boolean;
}

const LANG_NAMES: Record<string, string> = { id: 'Bahasa Indonesia', en: 'English' };
const TRANSCRIPT: Record<string, string> = { id: 'Transkrip', en: 'Transcript' };
const FALLBACK: Record<string, string> = { id: 'Unduh', en: 'Download' };

/**
 * Finds, checks and packs the files beside each embedded media file, and
 * renders the player's HTML. One per compile; each side file is checked once,
 * however often its media is embedded.
 */
export class MediaEmbedder {
  /** Every media file embedded, in first-use order, with its size. */
  readonly files: MediaFile[] = [];
  /** Positions of `{required}` media since `takeRequired()`. */
  private required: At[] = [];
  private readonly seen = new Map<string, { captions: boolean; transcript: string | null }>();

  constructor(
    private readonly source: ContentSource,
    private readonly diags: Diagnostics,
    private readonly pack: (path: string) => Uint8Array | null,
    private readonly course: { language: string; uiLanguage: 'id' | 'en'; budgetMb: number },
    private readonly renderTranscript: (md: Markdown) => string,
  ) {}

  /** The `{required}` media met since the last call, and forgets them. */
  takeRequired(): At[] {
    const r = this.required;
    this.required = [];
    return r;
  }

  embed(req: EmbedRequest): string {
    const { path, at } = req;
    const video = VIDEO_EXT.test(path);
    const dot = path.lastIndexOf('.');
    const stem = path.slice(0, dot);
    const bytes = this.pack(path);
    if (req.required) this.required.push(at);
    const beside = [...this.source.entries.keys()].filter((p) => p.startsWith(stem + '.') && p !== path).sort();
    let first = this.seen.get(path);
    if (!first) {
      first = { captions: false, transcript: null };
      this.seen.set(path, first);
      if (bytes) {
        this.files.push({ path, bytes: bytes.length });
        if (bytes.length > this.course.budgetMb * MB) {
          this.diags.report('IR414', at, `${path} is ${sizeText(bytes.length)}, over the ${this.course.budgetMb} MB a media file may be`,
            'Make a lighter file (docs/authoring.md shows a 480p ffmpeg command), or raise `media_budget_mb` in course.yml.');
        }
      }
    }
    // Captions: `<stem>.<lang>.vtt`.
    const tracks: { path: string; lang: string }[] = [];
    for (const p of beside) {
      const m = /^\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\.vtt$/.exec(p.slice(stem.length));
      if (m && this.checkVtt(p, !this.seen.has(p))) tracks.push({ path: p, lang: m[1]! });
      this.seen.set(p, first);
    }
    const primary = (tag: string) => tag.toLowerCase().split('-')[0];
    const defaultTrack = Math.max(0, tracks.findIndex((t) => primary(t.lang) === primary(this.course.language)));
    if (video && !tracks.length && !first.captions) {
      first.captions = true;
      this.diags.report('IR411', at, `video ${path} has no captions`,
        `Write the captions as WebVTT in ${stem}.${primary(this.course.language)}.vtt beside the video; they are attached to the player and shown by default.`);
    }
    // Transcript: `<stem>.transcript.md` or `.txt`, rendered once.
    if (first.transcript === null) {
      const t = beside.find((p) => /^\.transcript\.(md|txt)$/i.test(p.slice(stem.length)));
      if (t) {
        const entry = this.source.entries.get(t)!;
        const text = decodeText(t, entry, this.diags);
        if (text !== null && this.pack(t)) {
          first.transcript = /\.md$/i.test(t)
            ? this.renderTranscript({ text, at: { file: t, line: 1, column: 1 } })
            : text.split(/\r?\n[ \t]*\r?\n/).filter((x) => x.trim()).map((x) => `<p>${escapeHtml(x.trim())}</p>`).join('\n');
        }
      } else if (!video) {
        this.diags.report('IR413', at, `audio ${path} has no transcript`,
          `Write what is said in ${stem}.transcript.md beside the audio; it is shown under the player, for learners who cannot hear it.`);
      }
      if (first.transcript === null) first.transcript = '';
    }
    const poster = video ? beside.find((p) => /^\.poster\.(jpe?g|png|webp)$/i.test(p.slice(stem.length))) : undefined;
    if (poster) this.pack(poster);

    const tag = video ? 'video' : 'audio';
    const url = (p: string) => escapeAttr(encodeURI(p));
    const attrs = [
      `controls`,
      `preload="metadata"`,
      `src="${url(path)}"`,
      `aria-label="${escapeAttr(req.name)}"`,
      `data-ir-media="${escapeAttr(path)}"`,
      // The player watches `.ir-req` elements for their end (src/player/ui.ts).
      req.required ? 'class="ir-req"' : '',
      video ? 'playsinline' : '',
      poster ? `poster="${url(poster)}"` : '',
    ].filter(Boolean).join(' ');
    const trackHtml = tracks
      .map((t, i) => `<track kind="captions" src="${url(t.path)}" srclang="${escapeAttr(t.lang)}" label="${escapeAttr(LANG_NAMES[primary(t.lang)!] ?? t.lang)}"${i === defaultTrack ? ' default' : ''}>`)
      .join('');
    const ui = this.course.uiLanguage;
    // Without media support the element shows its content: a link to the file.
    const fallback = `<a href="${url(path)}">${escapeHtml(FALLBACK[ui]!)}: ${escapeHtml(req.name)}</a>`;
    const transcript = first.transcript
      ? `<details class="ir-transcript"><summary>${TRANSCRIPT[ui]}</summary>${first.transcript}</details>`
      : '';
    return `<div class="ir-media">\n<${tag} ${attrs}>${trackHtml}${fallback}</${tag}>${transcript}</div>\n`;
  }

  /** Parses a caption file, reporting at its own lines the first time; says whether it can be attached. */
  private checkVtt(path: string, report: boolean): boolean {
    const entry = this.source.entries.get(path)!;
    const diags = report ? this.diags : null;
    const text = diags ? decodeText(path, entry, diags) : entry.kind === 'file' ? new TextDecoder().decode(entry.bytes) : null;
    // Packed even when broken: the error stops the build, and the file is not also "unused" (IR405).
    const packed = this.pack(path) !== null;
    if (text === null) return false;
    const { problems } = parseVtt(text);
    for (const p of problems) diags?.report('IR412', { file: path, line: p.line, column: p.column }, p.message);
    return packed && !problems.length;
  }
}
