import { Marked, type Tokens, type Token } from 'marked';
import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Markdown } from '../core/model.js';
import { LineMap, type Position } from '../core/source.js';
import { findDeepNesting } from './nesting.js';
import { resolveContentPath } from './paths.js';
import { isMediaPath, MEDIA_URL, VIDEO_HOSTS, type EmbedRequest } from './media.js';
import { posix } from 'node:path';

/** What a Markdown file may point at, answered by the course being compiled. */
export interface LinkTargets {
  /** A content path of a lesson/scenario file → its unit id. */
  unitFor(path: string): string | null;
  /** Registers a content path as an asset to pack; says whether it can be. */
  useAsset(path: string, at: At): 'ok' | 'missing' | 'outside' | 'too-large';
  /** Renders an embedded video or audio file (src/render/media.ts); absent where media cannot be embedded. */
  embed?(req: EmbedRequest): string;
  /** A lesson or scenario file the outline leaves out: `broken` when the outline also names a file that does not exist. */
  leftOut(path: string): 'left-out' | 'broken' | null;
  /** The existing content path an author most likely meant by a path that does not exist, or null. */
  nearest(path: string, kind: 'asset' | 'unit'): string | null;
}

/** The Markdown piece being rendered: walkTokens reports at positions inside it. */
interface Ctx {
  source: Markdown;
  lines: LineMap;
  /** Where to search for the next token's text, so repeated text maps to its own place. */
  cursor: number;
}

type Checked = { irBlocked?: boolean; irUnit?: string; irAnchor?: string; irExternal?: boolean; irFile?: boolean };
/** A media file in image syntax: where it is, and whether it stands alone in its paragraph (with its `{…}`). */
type MediaChecked = Checked & { irMedia?: string; irAt?: At; irStandalone?: boolean; irAttrs?: string };
type MediaParagraph = Tokens.Paragraph & { irMedia?: Tokens.Image & MediaChecked };

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Markdown → HTML that is safe inside an LMS: raw HTML is escaped, links and
 * images are checked (scheme, target, alt text) at the author's position, and
 * relative links become in-course navigation or packed assets.
 */
export class MarkdownRenderer {
  private ctx: Ctx | null = null;
  private readonly marked: Marked;

  constructor(private readonly diags: Diagnostics, private readonly targets: LinkTargets) {
    const self = this;
    this.marked = new Marked({
      gfm: true,
      async: false,
      walkTokens(token: Token) {
        if (token.type === 'link' || token.type === 'image') self.check(token as Tokens.Link | Tokens.Image);
        else if (token.type === 'table') self.table(token as Tokens.Table);
        else if (token.type === 'html') self.rawHtml(token as Tokens.HTML);
        else if (token.type === 'paragraph') standaloneMedia(token as MediaParagraph);
      },
      renderer: {
        html({ text }: Tokens.HTML | Tokens.Tag) {
          // HTML comments are the author's notes: neither shown nor warned about.
          return escapeHtml(withoutComments(text));
        },
        heading({ tokens, depth }: Tokens.Heading) {
          // The page title is the h2; content headings sit below it.
          const level = Math.min(6, Math.max(3, depth));
          return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
        },
        link(token: Tokens.Link) {
          const t = token as Tokens.Link & Checked;
          const inner = this.parser.parseInline(token.tokens);
          if (t.irBlocked) return inner;
          const title = token.title ? ` title="${escapeAttr(token.title)}"` : '';
          if (t.irUnit) {
            const anchor = t.irAnchor ? ` data-ir-anchor="${escapeAttr(t.irAnchor)}"` : '';
            return `<a href="#${escapeAttr(t.irUnit)}" data-ir-unit="${escapeAttr(t.irUnit)}"${anchor}${title}>${inner}</a>`;
          }
          // Another site, or a file of the package (a PDF, a form): a new tab, so the SCO's frame never navigates
          // away (the player would take that as the learner leaving and finish the LMS session).
          const ext = t.irExternal ? ' target="_blank" rel="noopener noreferrer"' : t.irFile ? ' target="_blank" rel="noopener"' : '';
          return `<a href="${escapeAttr(token.href)}"${title}${ext}>${inner}</a>`;
        },
        paragraph(token: Tokens.Paragraph) {
          const m = (token as MediaParagraph).irMedia;
          return m && m.irMedia && !m.irBlocked ? self.media(m) : false;
        },
        image(token: Tokens.Image) {
          const t = token as Tokens.Image & MediaChecked;
          if (t.irMedia && !t.irBlocked) {
            // Inside a sentence, a heading, a link or a choice there is no room for a player.
            self.diags.report('IR415', t.irAt!, `${t.irMedia} is embedded inside other text`, 'Put the media on a line of its own, with a blank line before and after: `![name](../assets/film.mp4)`.');
            return escapeHtml(token.text);
          }
          if (t.irBlocked) return escapeHtml(token.text);
          const title = token.title ? ` title="${escapeAttr(token.title)}"` : '';
          return `<img src="${escapeAttr(token.href)}" alt="${escapeAttr(token.text)}"${title} loading="lazy">`;
        },
        table(token: Tokens.Table) {
          const head = token.header.map((c) => `<th scope="col"${align(c.align)}>${this.parser.parseInline(c.tokens)}</th>`).join('');
          const rows = token.rows
            .map((r) => `<tr>${r.map((c) => `<td${align(c.align)}>${this.parser.parseInline(c.tokens)}</td>`).join('')}</tr>`)
            .join('\n');
          // A focusable wrapper lets keyboard users scroll a wide table on a phone (WCAG 2.1.1).
          return `<div class="ir-table" tabindex="0"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>\n`;
        },
      },
    });
  }

  block(source: Markdown): string {
    return this.run(source, () => this.marked.parse(source.text) as string);
  }

  inline(source: Markdown): { html: string; text: string } {
    const html = this.run(source, () => this.marked.parseInline(source.text) as string).trim();
    return { html, text: plainText(html) };
  }

  private run(source: Markdown, f: () => string): string {
    const deep = findDeepNesting(source.text);
    if (deep) {
      const what = deep.kind === 'block' ? 'lists and blockquotes' : 'emphasis (`*`, `_`)';
      const at = authorAt(source, { line: deep.lineIndex + 1, column: deep.column });
      const hint = deep.kind === 'block'
        ? 'Use fewer levels of lists and blockquotes: split them into separate lists or paragraphs.'
        : 'Close each `*` or `_` you open; write a literal one as `\\*` or `\\_`.';
      this.diags.report('IR506', at, `${what} nested more than ${deep.limit} levels deep`, hint);
      return '';
    }
    this.ctx = { source, lines: new LineMap(source.text), cursor: 0 };
    try {
      return f();
    } catch (e) {
      // Last line of defence: a stack overflow in the Markdown parser is the author's text, not a crash.
      if (!(e instanceof RangeError)) throw e;
      this.diags.report('IR506', source.at, 'this text is too deeply nested for the Markdown renderer', 'Flatten lists, blockquotes and emphasis.');
      return '';
    } finally {
      this.ctx = null;
    }
  }

  private didYouMean(resolved: string, kind: 'asset' | 'unit'): string | undefined {
    const near = this.targets.nearest(resolved, kind);
    if (!near) return undefined;
    const from = posix.dirname(this.ctx!.source.at.file);
    const write = posix.relative(from, near);
    const cased = near.toLowerCase() === resolved.toLowerCase() ? ' File names are case-sensitive in the package, even where Windows is not.' : '';
    return `Did you mean \`${write}\`? (${near})${cased}`;
  }

  /** Finds a token's text in the source to report at the author's line and column; `offsets` are characters into it (one place each). */
  private at(raw: string): At;
  private at(raw: string, offsets: number[]): At[];
  private at(raw: string, offsets?: number[]): At | At[] {
    const ctx = this.ctx!;
    const i = ctx.source.text.indexOf(raw, ctx.cursor);
    if (i >= 0) ctx.cursor = i + 1;
    const place = (o: number) => (i < 0 ? ctx.source.at : authorAt(ctx.source, ctx.lines.position(i + o)));
    return offsets ? offsets.map(place) : place(0);
  }

  /** An empty header cell leaves its column without a name for screen readers: warned at the `|` that opens it. */
  private table(token: Tokens.Table): void {
    const empty = token.header.map((c, n) => (c.text.trim() ? -1 : n)).filter((n) => n >= 0);
    if (!empty.length) return;
    const line = token.raw.split('\n')[0]!;
    // Where each header cell starts: its opening `|` (or the line's first character), escaped `\|` skipped.
    const starts = [Math.max(0, /^\s*\|?/.exec(line)![0].length - 1)];
    for (let k = starts[0]! + 1; k < line.trimEnd().length - 1; k++) {
      if (line[k] === '\\') k++;
      else if (line[k] === '|') starts.push(k);
    }
    this.at(token.raw, empty.map((n) => starts[n] ?? 0)).forEach((at, k) =>
      this.diags.report('IR230', at, `table header cell ${empty[k]! + 1} is empty`));
  }

  private rawHtml(token: Tokens.HTML): void {
    const at = this.at(token.raw);
    const rest = withoutComments(token.text).trim();
    if (!rest) return;
    this.diags.report('IR209', at, `raw HTML \`${rest.slice(0, 40)}\` is shown as text`);
  }

  /** The player for a media file standing alone in its paragraph. */
  private media(t: Tokens.Image & MediaChecked): string {
    const at = t.irAt!;
    let required = false;
    if (t.irAttrs !== undefined) {
      // `{required}` is the only attribute; each other word is reported at its column.
      const re = /\S+/g;
      for (let m = re.exec(t.irAttrs); m; m = re.exec(t.irAttrs)) {
        if (m[0] === 'required') required = true;
        else this.diags.report('IR206', { ...at, column: at.column + t.raw.length + 1 + m.index }, `unknown media attribute \`${m[0]}\``, 'Media take one attribute: `{required}` (the page counts as viewed once the media\'s end is reached).');
      }
    }
    return this.targets.embed!({ path: t.irMedia!, at, name: t.text.trim(), required });
  }

  private check(token: (Tokens.Link | Tokens.Image) & MediaChecked): void {
    const ctx = this.ctx!;
    const at = this.at(token.raw);
    const isImage = token.type === 'image';
    if (isImage && !token.text.trim()) {
      this.diags.report('IR207', at, `image ${token.href} has no alt text`);
    }
    const href = decodeEntities(token.href).replace(/[\u0000-\u0020\u007f]/g, '');
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase();
    if (scheme !== undefined || href.startsWith('//')) {
      if (isImage && (MEDIA_URL.test(href) || VIDEO_HOSTS.test(href))) {
        this.diags.report('IR410', at, `media ${token.href.slice(0, 80)} is played from outside the package`,
          'The package must play offline inside the LMS: download the file (with the rights to use it), put it in assets/ with its captions (`film.id.vtt`) and transcript (`film.transcript.md`) beside it, and embed it as `![name](../assets/film.mp4)`.');
        token.irBlocked = true;
      } else if (isImage) {
        this.diags.report('IR212', at, `image ${token.href} is loaded from outside the package`);
        token.irBlocked = true;
      } else if (!scheme || !SAFE_SCHEMES.has(scheme)) {
        this.diags.report('IR208', at, `link \`${token.href.slice(0, 60)}\` uses a ${scheme ? `\`${scheme}:\`` : 'protocol-relative'} URL`);
        token.irBlocked = true;
      } else {
        token.irExternal = scheme === 'http' || scheme === 'https';
      }
      return;
    }
    if (href === '' || href.startsWith('#')) {
      if (isImage) {
        this.diags.report('IR401', at, 'image has no path');
        token.irBlocked = true;
      }
      return;
    }
    const [pathPart, anchor] = splitAnchor(href);
    const resolved = resolveContentPath(ctx.source.at.file, pathPart);
    if (resolved === null) {
      // One `..` too many is the usual cause: offer the file of that name inside the folder, if there is one.
      const name = pathPart.replace(/\\/g, '/').replace(/^.*\//, '');
      this.diags.report('IR402', at, `${token.href} points outside the content folder`, name ? this.didYouMean(name, isImage || !/\.md$/i.test(name) ? 'asset' : 'unit') : undefined);
      token.irBlocked = true;
      return;
    }
    const unit = !isImage ? this.targets.unitFor(resolved) : null;
    if (unit) {
      token.irUnit = unit;
      if (anchor) token.irAnchor = anchor;
      return;
    }
    if (!isImage && /\.md$/i.test(resolved)) {
      token.irBlocked = true;
      const left = this.targets.leftOut(resolved);
      // The outline's own error (IR403) is the cause: this link is right once the outline is.
      if (left === 'broken') return;
      if (left === 'left-out') this.diags.report('IR210', at, `${token.href} is not in the outline of course.yml, so it is not part of the course`, 'Add it to `outline` in course.yml, or remove the link.');
      else this.diags.report('IR210', at, `${token.href} is not a lesson or scenario of this course${relativeNote(ctx.source.at.file, resolved)}`, this.didYouMean(resolved, 'unit'));
      return;
    }
    const use = this.targets.useAsset(resolved, at);
    if (use === 'missing') {
      this.diags.report('IR401', at, `${token.href} does not exist${relativeNote(ctx.source.at.file, resolved)}`, this.didYouMean(resolved, 'asset'));
      token.irBlocked = true;
    } else if (use === 'too-large') {
      this.diags.report('IR110', at, `${token.href} is larger than the 100 MB an asset may be`, 'Compress the file, or link to it on an official site instead.');
      token.irBlocked = true;
    } else if (use === 'outside') {
      this.diags.report('IR402', at, `${token.href} is a link that points outside the content folder`);
      token.irBlocked = true;
    } else if (isImage && isMediaPath(resolved) && this.targets.embed) {
      token.irMedia = resolved;
      token.irAt = at;
    } else {
      token.href = encodeURI(resolved) + (anchor ? `#${anchor}` : '');
      token.irFile = true;
    }
  }
}

/**
 * Marks a paragraph that is one media image, optionally followed by `{…}`
 * attributes: it renders as a player instead of a paragraph.
 */
function standaloneMedia(par: MediaParagraph): void {
  const kids = par.tokens.filter((k) => !(k.type === 'text' && !k.raw.trim()));
  const img = kids[0];
  if (!img || img.type !== 'image' || !MEDIA_URL.test((img as Tokens.Image).href)) return;
  const rest = kids.slice(1).map((k) => k.raw).join('');
  const attrs = /^\s*\{([^{}]*)\}\s*$/.exec(rest);
  if (rest.trim() && !attrs) return;
  const m = img as Tokens.Image & MediaChecked;
  m.irStandalone = true;
  if (attrs) m.irAttrs = attrs[1]!;
  par.irMedia = m;
}

/** Paths are relative to the Markdown file: say which file, and where that made the path point. */
function relativeNote(file: string, resolved: string): string {
  return `: paths are relative to ${file}, so this names ${resolved}`;
}

/** A position inside a Markdown piece, in the author's file: only the piece's first line starts mid-line. */
function authorAt(source: Markdown, p: Position): At {
  return { file: source.at.file, line: source.at.line + p.line - 1, column: p.line === 1 ? source.at.column + p.column - 1 : p.column };
}

function splitAnchor(href: string): [string, string | null] {
  const noQuery = href.replace(/\?.*$/, '');
  const i = noQuery.indexOf('#');
  const path = i < 0 ? noQuery : noQuery.slice(0, i);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    /* a stray % stays literal */
  }
  return [decoded, i < 0 ? null : noQuery.slice(i + 1)];
}

function align(a: 'center' | 'left' | 'right' | null): string {
  return a ? ` style="text-align:${a}"` : '';
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Drops closed `<!-- … -->` comments; an unclosed one stays, and is shown (and warned about) as text. */
function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '');
}

export function escapeAttr(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Null prototype: `&constructor;` must not find Object.prototype.constructor.
const NAMED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', tab: '\t', newline: '\n' });

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** The text a screen reader would announce for inline HTML we produced. */
export function plainText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}
