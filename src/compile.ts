import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { ContentSource } from './core/content-source.js';
import { Diagnostics, type Diagnostic } from './core/diagnostics.js';
import { checkCourse } from './parse/check-course.js';
import { courseFileName, parseContent } from './parse/content.js';
import { renderCourse } from './render/runtime-course.js';
import { SCORM12_SCHEMA_FILES, scorm12Manifest } from './targets/scorm12/manifest.js';
import { tincanXml } from './targets/xapi/tincan.js';
import { zipFiles } from './package/zip.js';
import type { RuntimeCourse, TargetId } from './shared/runtime-types.js';
import { worstCaseStateLength } from './shared/state-codec.js';
import { checkTheme } from './render/theme.js';

/** The tool's own files that go into every package: read by the edge, passed in, so compile stays pure. */
export interface ToolAssets {
  version: string;
  indexTemplate: string;
  playerCss: Uint8Array;
  playerScripts: Partial<Record<TargetId, Uint8Array>>;
  /** The ADL/IMS XSDs, by file name. */
  scormSchemas: Map<string, Uint8Array>;
}

export type PackageTarget = Extract<TargetId, 'scorm12' | 'xapi'>;
export const PACKAGE_TARGETS: readonly PackageTarget[] = ['scorm12', 'xapi'];

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
}

/** SCORM 1.2 RTE 3.4.2.3: cmi.suspend_data is CMIString4096. */
export const SUSPEND_DATA_LIMIT = 4096;

/** Content in, packages out: no disk, no clock, no environment. */
export function compile(source: ContentSource, options: CompileOptions): CompileResult {
  const diags = new Diagnostics();
  const course = parseContent(source, diags);
  if (course) checkCourse(course, diags);
  const rendered = course ? renderCourse(course, source, diags) : null;
  if (course?.theme) checkTheme(course.theme, diags);
  if (rendered) {
    // An error can leave an asset unreferenced (an unreadable lesson, a mistyped or wrongly-cased path):
    // that error is the cause, so unused assets are reported only for a course without errors.
    if (!diags.hasErrors) reportUnusedAssets(source, rendered.assets, diags);
    if (options.targets.includes('scorm12') && !diags.hasErrors) {
      const worst = worstCaseStateLength({ ...rendered.runtime, target: 'scorm12' });
      if (worst > SUSPEND_DATA_LIMIT) {
        diags.report('IR502', { file: courseFileName(source), line: 1, column: 1 }, `progress data could reach ${worst} characters; SCORM 1.2 keeps at most ${SUSPEND_DATA_LIMIT}`);
      }
    }
    if (options.targets.includes('xapi') && !rendered.runtime.iri) {
      diags.report('IR503', { file: courseFileName(source), line: 1, column: 1 }, 'the xapi target needs `iri` in course.yml');
    }
  }

  const summary = course ? { id: course.meta.id, title: course.meta.title, version: course.meta.version } : null;
  if (!rendered || diags.hasErrors) {
    return { ok: false, course: summary, runtime: rendered?.runtime ?? null, diagnostics: diags.sorted(), artifacts: [] };
  }

  const template = Handlebars.compile(options.tool.indexTemplate, { strict: true });
  const artifacts = options.targets.map((target) => {
    const runtime: RuntimeCourse = { ...rendered.runtime, target };
    const files = new Map<string, Uint8Array>();
    for (const [path, bytes] of rendered.assets) files.set(path, bytes);
    if (course!.theme !== null) files.set('theme.css', encode(course!.theme));
    files.set('player.css', options.tool.playerCss);
    const script = options.tool.playerScripts[target];
    if (!script) throw new Error(`player for ${target} is missing: run \`npm run build\``);
    files.set('player.js', script);
    files.set('index.html', encode(indexHtml(template, runtime, course!.theme !== null, options.tool.version)));
    if (target === 'scorm12') {
      for (const name of SCORM12_SCHEMA_FILES) files.set(name, options.tool.scormSchemas.get(name)!);
      files.set('imsmanifest.xml', encode(scorm12Manifest(runtime, [...files.keys()])));
    } else {
      files.set('tincan.xml', encode(tincanXml(runtime)));
    }
    const zip = zipFiles(files, options.epoch);
    return {
      target,
      fileName: `${runtime.id}-${runtime.version}-${target}.zip`,
      files,
      zip,
      sha256: createHash('sha256').update(zip).digest('hex'),
    };
  });
  return { ok: true, course: summary, runtime: rendered.runtime, diagnostics: diags.sorted(), artifacts };
}

const LOADING = { id: 'Memuat kursus…', en: 'Loading the course…' };
const NOSCRIPT = {
  id: 'Kursus ini membutuhkan JavaScript. Aktifkan JavaScript di peramban Anda, lalu muat ulang halaman.',
  en: 'This course needs JavaScript. Turn JavaScript on in your browser and reload the page.',
};

function indexHtml(template: Handlebars.TemplateDelegate, course: RuntimeCourse, theme: boolean, toolVersion: string): string {
  // `<` escaped so no content can close the <script> element early.
  const courseJson = JSON.stringify(course).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return template({
    language: course.language,
    title: course.title,
    toolVersion,
    theme,
    loading: LOADING[course.uiLanguage],
    noscript: NOSCRIPT[course.uiLanguage],
    courseJson,
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
