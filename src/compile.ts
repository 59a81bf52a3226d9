import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { ContentSource } from './core/content-source.js';
import { Diagnostics, type At, type Diagnostic } from './core/diagnostics.js';
import { checkCourse } from './parse/check-course.js';
import { courseFileName, parseContent } from './parse/content.js';
import { renderCourse } from './render/runtime-course.js';
import { shippedFiles, targetById } from './targets/registry.js';
import { zipFiles } from './package/zip.js';
import type { PackageTarget, RuntimeCourse, TargetId } from './shared/runtime-types.js';
import { checkTheme } from './render/theme.js';
import type { MediaFile } from './render/media.js';
import { MEDIA_LOADER, MEDIA_SCRIPT } from './shared/media.js';
import { statePlans } from './render/state-layout.js';
import { questionPlaces, withRecords } from './render/apply-records.js';
import { firstPageHtml } from './render/first-page.js';
import { COURSE_FILE, courseScript, courseSkeleton, RESULTS_SCRIPT, unitFile, unitScript } from './shared/course-split.js';
import { ASSESS_SCRIPT, courseNeedsAssess } from './shared/assess-files.js';

/** The tool's own files that go into every package: read by the edge, passed in, so compile stays pure. */
export interface ToolAssets {
  version: string;
  indexTemplate: string;
  playerCss: Uint8Array;
  /** player-results.js: the results screen, which every player loads when it is needed. */
  playerResults: Uint8Array;
  /** player-assess.js: the screens of typed questions, surveys and tests, in the packages of the courses that have them. */
  playerAssess: Uint8Array;
  /** player.js per target, without issue 12's engine: for a course without typed questions, surveys and tests. */
  playerScripts: Partial<Record<TargetId, Uint8Array>>;
  /** player.js per target with it (src/shared/lite.d.ts): for a course with them. */
  fullPlayerScripts: Partial<Record<TargetId, Uint8Array>>;
  /** `player-media.js` of the targets that have one (Target.mediaEntry). */
  mediaScripts: Partial<Record<TargetId, Uint8Array>>;
  /** The files targets ship (Target.shipped), by their path under the tool's root, e.g. `schemas/scorm12/ims_xml.xsd`. */
  shipped: Map<string, Uint8Array>;
}

export type { PackageTarget } from './shared/runtime-types.js';
export { PACKAGE_TARGETS, DEFAULT_TARGETS } from './targets/registry.js';

export interface CompileOptions {
  targets: readonly PackageTarget[];
  tool: ToolAssets;
  /** Seconds since the epoch stamped on every zip entry (SOURCE_DATE_EPOCH). */
  epoch: number;
}

export interface Artifact {
  target: PackageTarget;
  fileName: string;
  files: Map<string, Uint8Array>;
  zip: Uint8Array;
  sha256: string;
}

export interface CompileResult {
  ok: boolean;
  course: { id: string; title: string; version: string } | null;
  runtime: Omit<RuntimeCourse, 'target'> | null;
  diagnostics: Diagnostic[];
  artifacts: Artifact[];
  /** Each embedded video and audio file with its size. */
  media: MediaFile[];
}

/** Content in, packages out: no disk, no clock, no environment. */
export function compile(source: ContentSource, options: CompileOptions): CompileResult {
  const diags = new Diagnostics();
  const course = parseContent(source, diags);
  if (course) checkCourse(course, diags);
  const rendered = course ? renderCourse(course, source, diags) : null;
  if (course?.theme) checkTheme(course.theme, diags);
  const targets = options.targets.map(targetById);
  if (rendered) {
    // An error can leave an asset unreferenced (an unreadable lesson, a mistyped or wrongly-cased path):
    // that error is the cause, so unused assets are reported only for a course without errors.
    if (!diags.hasErrors) reportUnusedAssets(source, rendered.assets, diags);
    const previous = statePlans(source, rendered.runtime, diags);
    if (previous.length) rendered.runtime.previous = previous;
    const sound = !diags.hasErrors;
    for (const t of targets) {
      for (const p of t.check({ ...rendered.runtime, target: t.id }, sound)) {
        diags.report(p.code, { file: courseFileName(source), line: 1, column: 1 }, p.message);
      }
    }
  }

  // Each package's course with its target's records; what a target cannot record is reported once per question.
  const places = course ? questionPlaces(course) : new Map<string, At>();
  const told = new Set<string>();
  const runtimes = rendered && !diags.hasErrors ? targets.map((t) => withRecords({ ...rendered.runtime, target: t.id }, (q, p) => {
    const key = `${q.id}\n${p.code}\n${p.message}`;
    if (told.has(key)) return;
    told.add(key);
    diags.report(p.code, places.get(q.id) ?? { file: courseFileName(source), line: 1, column: 1 }, p.message);
  })) : [];

  const summary = course ? { id: course.meta.id, title: course.meta.title, version: course.meta.version } : null;
  if (!rendered || diags.hasErrors) {
    return { ok: false, course: summary, runtime: rendered?.runtime ?? null, diagnostics: diags.sorted(), artifacts: [], media: rendered?.media ?? [] };
  }

  const template = Handlebars.compile(options.tool.indexTemplate, { strict: true });
  const artifacts = targets.map((t, i) => {
    const target = t.id;
    const runtime: RuntimeCourse = runtimes[i]!;
    const files = new Map<string, Uint8Array>();
    for (const [path, bytes] of rendered.assets) files.set(path, bytes);
    if (course!.theme !== null) files.set('theme.css', encode(course!.theme));
    // A course without typed questions, surveys and tests gets the lighter player; one with them needs its engine
    // from the start (the saved state and the score cover them), and their screens later, in player-assess.js.
    const needsAssess = courseNeedsAssess(runtime);
    const script = (needsAssess ? options.tool.fullPlayerScripts : options.tool.playerScripts)[target];
    if (!script) throw new Error(`player for ${target} is missing: run \`npm run build\``);
    files.set('player.js', script);
    if (rendered.media.length && t.mediaEntry) {
      const media = options.tool.mediaScripts[target];
      if (!media) throw new Error(`media script for ${target} is missing: run \`npm run build\``);
      files.set(MEDIA_SCRIPT, media);
    }
    files.set(RESULTS_SCRIPT, options.tool.playerResults);
    if (needsAssess) files.set(ASSESS_SCRIPT, options.tool.playerAssess);
    files.set(COURSE_FILE, encode(courseScript(courseSkeleton(runtime))));
    // A unit with media, in a package with a media script, loads that script with itself: the player's own bundle has no loader.
    const loader = files.has(MEDIA_SCRIPT) ? MEDIA_LOADER : '';
    runtime.units.forEach((unit, n) => files.set(unitFile(n), encode(unitScript(n, unit) + (loader && JSON.stringify(unit).includes('data-ir-media') ? loader : ''))));
    files.set('index.html', encode(indexHtml(template, runtime, course!.theme !== null, options.tool)));
    for (const { name, toolPath } of shippedFiles(t)) {
      const bytes = options.tool.shipped.get(toolPath);
      if (!bytes) throw new Error(`${toolPath} is missing from the tool's assets`);
      files.set(name, bytes);
    }
    const names = [...files.keys()].sort();
    for (const [name, text] of t.manifests(runtime, names)) files.set(name, encode(text));
    const zip = zipFiles(files, options.epoch);
    return {
      target,
      fileName: `${runtime.id}-${runtime.version}-${target}.zip`,
      files,
      zip,
      sha256: createHash('sha256').update(zip).digest('hex'),
    };
  });
  return { ok: true, course: summary, runtime: rendered.runtime, diagnostics: diags.sorted(), artifacts, media: rendered.media };
}

const NOSCRIPT = {
  id: 'Kursus ini membutuhkan JavaScript. Aktifkan JavaScript di peramban Anda, lalu muat ulang halaman.',
  en: 'This course needs JavaScript. Turn JavaScript on in your browser and reload the page.',
};

/**
 * index.html: the player's stylesheet inline and the first page as HTML, so the first text needs
 * nothing but this file; then the course skeleton and the player (src/shared/course-split.ts).
 */
function indexHtml(template: Handlebars.TemplateDelegate, course: RuntimeCourse, theme: boolean, tool: ToolAssets): string {
  return template({
    language: course.language,
    title: course.title,
    toolVersion: tool.version,
    css: new TextDecoder().decode(tool.playerCss).trim(),
    theme,
    firstPage: firstPageHtml(course),
    noscript: NOSCRIPT[course.uiLanguage],
    courseScript: COURSE_FILE,
  });
}

function reportUnusedAssets(source: ContentSource, used: Map<string, Uint8Array>, diags: Diagnostics): void {
  for (const [path, entry] of source.entries) {
    if (path.startsWith('assets/') && entry.kind === 'file' && !used.has(path) && !/(^|\/)\./.test(path)) {
      diags.report('IR405', { file: path, line: 1, column: 1 }, `${path} is not referenced by any lesson or scenario and is not packed`);
    }
  }
}

function encode(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
