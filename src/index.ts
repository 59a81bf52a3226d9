/**
 * The library behind the CLI: everything a script or CI job needs, with no
 * process.exit and no printing. The CLI in cli.ts only parses flags and
 * formats what these functions return.
 */
import type { MediaFile } from './render/media.js';
import { compile, DEFAULT_TARGETS, type CompileResult, type PackageTarget, type ToolAssets } from './compile.js';
import type { ContentSource } from './core/content-source.js';
import type { Diagnostic } from './core/diagnostics.js';
import { DEFAULT_EPOCH } from './package/zip.js';
import { ContentFolderError, notAFolderDiagnostic, readContentFolder } from './node/read-content.js';
import { loadToolAssets } from './node/tool-assets.js';
import { writeAtomically } from './node/write-output.js';
import { join } from 'node:path';

export { compile, PACKAGE_TARGETS, DEFAULT_TARGETS } from './compile.js';
export { TARGETS, targetById } from './targets/registry.js';
export type { Target } from './targets/registry.js';
export type { CompileResult, CompileOptions, PackageTarget, ToolAssets, Artifact } from './compile.js';
export { memorySource } from './core/content-source.js';
export type { ContentSource } from './core/content-source.js';
export { formatDiagnostic } from './core/diagnostics.js';
export type { Diagnostic } from './core/diagnostics.js';
export { catalogue } from './core/catalogue.js';
export { catalogueId, localizeDiagnostic } from './core/messages-id.js';
export { readContentFolder, ReadCache } from './node/read-content.js';
export { loadToolAssets } from './node/tool-assets.js';
// `check PACKAGE.zip` and `new DIR`.
export { checkPackage } from './check-package/index.js';
export type { PackageCheck, PackageKind, PackageSchemas } from './check-package/index.js';
export { checkPackageFile, isPackagePath } from './node/check-package-file.js';
export type { PackageCheckReport } from './node/check-package-file.js';
export { loadPackageSchemas } from './node/package-schemas.js';
export { newCourseFiles, scaffoldCourse, ScaffoldError, SCAFFOLD_LANGUAGES } from './scaffold.js';
export type { ScaffoldLanguage, ScaffoldOptions, ScaffoldResult } from './scaffold.js';
export { watchBuild, watchFolder } from './node/watch.js';
export type { WatchBuildOptions, WatchBuildResult, WatchBuildHandle, FolderWatcher } from './node/watch.js';
export { startPreview, PreviewError, DEFAULT_PREVIEW_PORT } from './preview/server.js';
export type { PreviewOptions, PreviewHandle, PreviewBuild, PreviewDiagnostic, LiveBuild } from './preview/server.js';

export { readStateLayout } from './node/state-layout-file.js';
export type { LayoutReport } from './node/state-layout-file.js';
export { layoutOf, layoutYaml } from './render/state-layout.js';
export type { StateLayout } from './render/state-layout.js';

export { DEFAULT_EPOCH };

export interface BuildOptions {
  dir: string;
  outDir?: string;
  targets?: readonly PackageTarget[];
  /** Defaults to SOURCE_DATE_EPOCH when the caller passes it, else DEFAULT_EPOCH. */
  epoch?: number;
  /** Compile and report, but write nothing (the `check` command). */
  dryRun?: boolean;
  onProgress?: (step: string) => void;
  /** The folder already read (a watcher's cached read); `dir` then only names it. */
  source?: ContentSource;
  /** The tool's assets, when the caller keeps them loaded (a watcher). */
  tool?: ToolAssets;
}

export interface BuildReport {
  ok: boolean;
  course: { id: string; title: string; version: string } | null;
  artifacts: { target: PackageTarget; path: string; bytes: number; sha256: string; files: number }[];
  /** Each embedded video and audio file and its size in bytes (it is in every package). */
  media: MediaFile[];
  diagnostics: Diagnostic[];
}

/** Reads DIR, compiles it and (unless dryRun) writes the zips atomically into outDir. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const outDir = options.outDir ?? 'dist';
  options.onProgress?.(`reading ${options.dir}`);
  let source = options.source;
  if (!source) {
    try {
      source = await readContentFolder(options.dir);
    } catch (e) {
      if (e instanceof ContentFolderError) {
        if (e.code === 'IR108') return { ok: false, course: null, artifacts: [], media: [], diagnostics: [notAFolderDiagnostic(options.dir, e.message)] };
        return failure(e.code, e.message);
      }
      throw e;
    }
  }
  const tool = options.tool ?? (await loadToolAssets());
  options.onProgress?.(`compiling ${source.entries.size} files`);
  const result: CompileResult = compile(source, { targets, tool, epoch: options.epoch ?? DEFAULT_EPOCH });
  const report: BuildReport = {
    ok: result.ok,
    course: result.course,
    artifacts: [],
    media: result.media,
    diagnostics: result.diagnostics,
  };
  if (!result.ok) return report;
  if (!options.dryRun) {
    options.onProgress?.(`writing ${result.artifacts.length} package(s) to ${outDir}`);
    try {
      await writeAtomically(outDir, result.artifacts.map((a) => ({ name: a.fileName, bytes: a.zip })));
    } catch (e) {
      return { ...failure('IR505', `cannot write to ${outDir}: ${(e as Error).message}`), course: result.course };
    }
  }
  report.artifacts = result.artifacts.map((a) => ({
    target: a.target,
    path: options.dryRun ? a.fileName : join(outDir, a.fileName),
    bytes: a.zip.length,
    sha256: a.sha256,
    files: a.files.size,
  }));
  return report;
}

function failure(code: Diagnostic['code'], message: string): BuildReport {
  return { ok: false, course: null, artifacts: [], media: [], diagnostics: [{ severity: 'error', code, message, file: '', line: 0, column: 0 }] };
}

// `report`: learning records against a course.
export { runReport, loadReportCourse } from './report/node-report.js';
export type { ReportOptions, ReportResult } from './report/node-report.js';
export { Aggregator, courseMap, courseFromSource, sourceReader, readStatementPage, reportFiles, reportHtml, reportCsvs } from './report/index.js';
export type { ReportData, DimensionStats, ItemStats, ScenarioStats, GroupStats, RecordEvent } from './report/types.js';
export { lrsStatementPages, lrsAuth, XAPI_VERSION, ENV_AUTH, ENV_KEY, ENV_SECRET } from './report/node-lrs.js';
export { packageCourse } from './check-package/package-course.js';
