import type { ContentSource } from '../core/content-source.js';
import type { Diagnostics } from '../core/diagnostics.js';
import type { Block, Course, Markdown, Unit } from '../core/model.js';
import type {
  RuntimeBlock,
  RuntimeCourse,
  RuntimeDimension,
  RuntimeLesson,
  RuntimePage,
  RuntimeUnit,
  UiLanguage,
} from '../shared/runtime-types.js';
import { uiStrings } from '../shared/ui-strings.js';
import { MarkdownRenderer, escapeHtml, type LinkTargets } from './markdown.js';
import { MediaEmbedder, type MediaFile } from './media.js';
import { closest } from '../parse/text.js';
import { renderPool, renderQuestion, renderSurvey, renderTest } from './questions.js';
import { blocksNeedAssess } from '../shared/assess-files.js';

const CALLOUT_TITLES: Record<UiLanguage, Record<string, string>> = {
  id: { note: 'Catatan', tip: 'Tips', warning: 'Perhatian', info: 'Info', important: 'Penting' },
  en: { note: 'Note', tip: 'Tip', warning: 'Warning', info: 'Info', important: 'Important' },
};

export interface RenderedCourse {
  /** The target is set per package. */
  runtime: Omit<RuntimeCourse, 'target'>;
  /** Content path → bytes of every asset the course references. */
  assets: Map<string, Uint8Array>;
  /** Every embedded video and audio file with its size, in first-use order. */
  media: MediaFile[];
}

/** How many missing paths per build get a "did you mean". */
const MAX_SUGGESTIONS = 50;
const UNIT_PATH = /^(lessons|scenarios|tests)\/[^/]+\.md$/i;

/** Same path but for letter case; else the one file with that name; else one close to it. */
function nearestPath(path: string, paths: string[]): string | null {
  const lower = path.toLowerCase();
  const cased = paths.find((p) => p.toLowerCase() === lower);
  if (cased) return cased;
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1).toLowerCase();
  const named = paths.filter((p) => base(p) === base(path));
  if (named.length === 1) return named[0]!;
  return paths.length <= 1000 ? closest(path, paths) : null;
}

export function uiLanguageOf(language: string): UiLanguage {
  return language.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** Renders every Markdown piece and gathers the assets it references. */
export function renderCourse(course: Course, source: ContentSource, diags: Diagnostics): RenderedCourse {
  const uiLanguage = uiLanguageOf(course.meta.language);
  const unitByFile = new Map(course.units.map((u) => [u.file, u.id]));
  const assets = new Map<string, Uint8Array>();
  const leftOut = new Set(course.outline.leftOut);
  let suggestions = MAX_SUGGESTIONS;
  const candidates: Partial<Record<'asset' | 'unit', string[]>> = {};
  const links: LinkTargets = {
    unitFor: (path) => unitByFile.get(path) ?? null,
    leftOut: (path) => (leftOut.has(path) ? (course.outline.broken ? 'broken' : 'left-out') : null),
    nearest(path, kind) {
      // Suggestions cost a scan of the folder each: a course with hundreds of broken paths gets the first ones.
      if (suggestions-- <= 0) return null;
      const paths = (candidates[kind] ??= [...source.entries.keys()].filter((p) => (kind === 'unit' ? UNIT_PATH.test(p) : !UNIT_PATH.test(p) && p !== 'course.yml')));
      return nearestPath(path, paths);
    },
    useAsset(path) {
      const entry = source.entries.get(path);
      if (!entry) {
        // Under a folder symlinked outside the content folder: never read, and the author should hear why.
        for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
          if (source.entries.get(path.slice(0, i))?.kind === 'outside') return 'outside';
        }
        return 'missing';
      }
      if (entry.kind === 'outside') return 'outside';
      if (entry.kind === 'too-large') return 'too-large';
      assets.set(path, entry.bytes);
      return 'ok';
    },
  };
  // Transcripts are Markdown too, rendered by a second renderer (one cannot re-enter itself) that embeds no media.
  const transcripts = new MarkdownRenderer(diags, links);
  const media = new MediaEmbedder(source, diags, (path) => {
    const entry = source.entries.get(path);
    if (entry?.kind !== 'file') return null;
    assets.set(path, entry.bytes);
    return entry.bytes;
  }, { language: course.meta.language, uiLanguage, budgetMb: course.meta.mediaBudgetMb }, (m) => transcripts.block(m));
  const md = new MarkdownRenderer(diags, { ...links, embed: (req) => media.embed(req) });

  const renderBlocks = (blocks: Block[]): RuntimeBlock[] =>
    blocks.map((b): RuntimeBlock => {
      switch (b.kind) {
        case 'markdown':
          return { kind: 'html', html: md.block(b.source) };
        case 'callout': {
          const title = CALLOUT_TITLES[uiLanguage][b.variant];
          return {
            kind: 'html',
            html: `<div class="ir-callout ir-callout--${b.variant}" role="note"><p class="ir-callout__title">${escapeHtml(title ?? b.variant)}</p>${md.block(b.source)}</div>`,
          };
        }
        case 'question':
          return { kind: 'question', question: renderQuestion(b.question, md) };
        case 'survey':
          return { kind: 'survey', survey: renderSurvey(b.survey, md) };
      }
    });

  const feedback = (m: Markdown | null) => (m ? md.block(m) : null);
  // Every pool, used or not, so that its Markdown is checked; in file order, before the units that draw from them.
  const pools = new Map(course.pools.map((p) => [p.id, renderPool(p, md)]));
  const notInPage = (where: string) => {
    for (const at of media.takeRequired()) {
      diags.report('IR416', at, 'only media in a lesson page can be required', `${where} has no pages to hold back: remove \`{required}\`, or move the media into a lesson.`);
    }
  };
  notInPage('A pool');

  const renderUnit = (u: Unit): RuntimeUnit => {
    if (u.kind === 'lesson') {
      const lesson: RuntimeLesson = {
        kind: 'lesson',
        id: u.id,
        title: u.title,
        duration: u.duration,
        objectives: u.objectives,
        pages: u.pages.map((p) => {
          media.takeRequired();
          const page: RuntimePage = { id: p.id, title: p.title, blocks: renderBlocks(p.blocks) };
          // Only then is the page viewed when the media's end was reached (the player's engine).
          if (media.takeRequired().length) page.required = true;
          return page;
        }),
      };
      if (lesson.pages.some((p) => blocksNeedAssess(p.blocks))) lesson.assess = 1;
      return lesson;
    }
    if (u.kind === 'test') {
      media.takeRequired();
      const test = renderTest(u, pools.get(u.pool), md);
      notInPage('A test');
      return test;
    }
    media.takeRequired();
    const scenario: RuntimeUnit = {
      kind: 'scenario',
      id: u.id,
      title: u.title,
      introHtml: u.intro ? md.block(u.intro) : '',
      points: u.points,
      dimension: u.dimension,
      start: u.start,
      scenes: u.scenes.map((s) => ({
        id: s.id,
        title: s.title,
        html: renderBlocks(s.body)
          .map((b) => (b.kind === 'html' ? b.html : ''))
          .join(''),
        choices: s.choices.map((c) => {
          const label = md.inline(c.label);
          return { text: label.text, html: label.html, target: c.target, quality: c.quality, feedbackHtml: feedback(c.feedback) };
        }),
        ending: s.ending,
      })),
    };
    notInPage('A scenario');
    return scenario;
  };

  const units = course.units.map(renderUnit);
  const used = new Set<string>();
  for (const u of units) {
    if (u.kind === 'scenario') {
      if (u.dimension) used.add(u.dimension);
    } else if (u.kind === 'lesson') {
      for (const p of u.pages) {
        for (const b of p.blocks) {
          if (b.kind === 'question' && b.question.dimension) used.add(b.question.dimension);
          if (b.kind === 'survey') for (const item of b.survey.items) used.add(item.dimension);
        }
      }
    } else {
      for (const q of u.questions) if (q.dimension) used.add(q.dimension);
    }
  }
  const dimensions: RuntimeDimension[] = course.meta.dimensions.filter((d) => used.has(d.id));

  return {
    runtime: {
      schema: 1,
      id: course.meta.id,
      title: course.meta.title,
      version: course.meta.version,
      language: course.meta.language,
      uiLanguage,
      strings: uiStrings(uiLanguage),
      description: course.meta.description,
      iri: course.meta.iri,
      passingScore: course.meta.passingScore,
      dimensions,
      units,
      ...(course.meta.scoring === 'final-test' ? { scoring: 'final-test' as const } : {}),
    },
    assets,
    media: media.files,
  };
}
