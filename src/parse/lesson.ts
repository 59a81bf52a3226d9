import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Block, CalloutVariant, Lesson, Page } from '../core/model.js';
import { parseAttributes, splitTrailingAttributes } from './attributes.js';
import { joinLines, splitBlocks, splitSections, toLines, type Segment } from './blocks.js';
import { openDocument } from './front-matter.js';
import { parseQuestion } from './question.js';
import { parseSurvey } from './survey.js';
import { lessonSchema, validateYaml } from './schemas.js';
import { SLUG, slugify } from './text.js';
import { parseYaml } from './yaml.js';

export const CALLOUTS: readonly CalloutVariant[] = ['note', 'tip', 'warning', 'info', 'important'];

/** Parses `lessons/*.md`. Returns null only when nothing usable could be read. */
export function parseLesson(file: string, text: string, diags: Diagnostics): Lesson | null {
  const at: At = { file, line: 1, column: 1 };
  const split = openDocument(file, text, diags);
  if (!split) return null;
  const meta = readMeta(split.yaml, split.yamlLine, file, diags);

  const id = meta.id ?? split.fileId;
  const sections = splitSections(toLines(split.body, split.bodyLine));
  const pages: Page[] = [];
  const pageIds = new Map<string, number>();
  let questionNo = 0;
  let surveyNo = 0;

  for (const section of sections) {
    const segments = splitBlocks(section.lines, file, diags);
    if (!section.heading && segments.length === 0) continue;
    const pageAt: At = { file, line: section.heading?.line ?? section.lines.find((l) => l.text.trim())?.line ?? 1, column: 1 };
    let title = meta.title ?? id;
    let pageId = 'intro';
    if (section.heading) {
      const h = splitTrailingAttributes(section.heading.text);
      title = h.text;
      if (!title) diags.report('IR220', pageAt, 'this `##` heading has no text');
      const attrs = h.attrs === null ? null : parseAttributes(h.attrs, { ...pageAt, column: section.heading.column + h.column - 1 }, [], [], diags);
      pageId = attrs?.id ?? (slugify(title) || `page-${pages.length + 1}`);
    }
    pageId = unique(pageId, pageIds);
    const blocks: Block[] = [];
    for (const seg of segments) {
      const block = toBlock(seg, file, { question: () => `${id}-q${++questionNo}`, survey: () => `${id}-s${++surveyNo}` }, diags);
      if (block) blocks.push(block);
    }
    pages.push({ id: pageId, title, at: pageAt, blocks });
  }

  if (pages.length === 0) diags.report('IR201', at, `${file} has a title but no pages`, 'Write text below the front matter, or `## headings` for pages.');
  return {
    kind: 'lesson',
    id,
    title: meta.title ?? id,
    file,
    at,
    duration: meta.duration ?? null,
    objectives: meta.objectives ?? [],
    pages,
  };
}

interface LessonMeta {
  id?: string;
  title?: string;
  duration?: number;
  objectives?: string[];
}

function readMeta(yaml: string | null, line: number, file: string, diags: Diagnostics): LessonMeta {
  if (yaml === null) {
    diags.report('IR102', { file, line: 1, column: 1 }, 'lesson needs front matter with a `title`', 'Start the file with `---`, `title: …`, `---`.');
    return {};
  }
  const parsed = parseYaml(yaml, file, line, diags);
  if (!parsed) return {};
  if (parsed.value === null || parsed.value === undefined) {
    diags.report('IR102', { file, line: 1, column: 1 }, 'lesson front matter needs `title`');
    return {};
  }
  if (!validateYaml(lessonSchema, parsed, 'lesson front matter', diags)) {
    const v = parsed.value as Record<string, unknown>;
    // An invalid id is already reported where it is written; the file name's slug stands in for it.
    return typeof v === 'object' && v ? { title: typeof v['title'] === 'string' ? v['title'] : undefined, id: typeof v['id'] === 'string' && SLUG.test(v['id']) ? v['id'] : undefined } as LessonMeta : {};
  }
  return parsed.value as LessonMeta;
}

/** The ids a block gets when the author gives none, counted per lesson. */
interface FallbackIds {
  question: () => string;
  survey: () => string;
}

function toBlock(seg: Segment, file: string, nextId: FallbackIds, diags: Diagnostics): Block | null {
  if (seg.kind === 'markdown') {
    return { kind: 'markdown', source: { text: joinLines(seg.lines), at: { file, line: seg.lines[0]!.line, column: 1 } } };
  }
  if (seg.name === 'question') {
    const q = parseQuestion(seg, file, nextId.question(), diags);
    return q ? { kind: 'question', question: q } : null;
  }
  if (seg.name === 'survey') {
    const s = parseSurvey(seg, file, nextId.survey(), diags);
    return s ? { kind: 'survey', survey: s } : null;
  }
  if ((CALLOUTS as readonly string[]).includes(seg.name)) {
    if (seg.attrs !== null) parseAttributes(seg.attrs, { file, line: seg.open.line, column: seg.attrsColumn }, [], [], diags);
    return {
      kind: 'callout',
      variant: seg.name as CalloutVariant,
      source: { text: joinLines(seg.lines), at: { file, line: seg.lines[0]?.line ?? seg.open.line, column: 1 } },
    };
  }
  diags.report('IR203', { file, line: seg.open.line, column: 5 }, `unknown block \`::: ${seg.name}\``);
  return null;
}

export function unique(id: string, seen: Map<string, number>): string {
  const n = seen.get(id) ?? 0;
  seen.set(id, n + 1);
  return n === 0 ? id : `${id}-${n + 1}`;
}
