import { compile, type CompileResult, type PackageTarget } from '../../src/compile.js';
import { memorySource, type ContentSource } from '../../src/core/content-source.js';
import { readContentFolder } from '../../src/node/read-content.js';
import { testToolAssets } from './tool.js';

export const COURSE_YML = 'id: uji\ntitle: Kursus Uji\nversion: 1.0.0\niri: https://example.go.id/xapi/course/uji\n';

/** The tests' build time (1980-01-01, the zip format's earliest), so packages are byte-stable. */
export const EPOCH = 315532800;

function compileTest(source: ContentSource, targets: PackageTarget[]): CompileResult {
  return compile(source, { targets, tool: testToolAssets(), epoch: EPOCH });
}

/** Compiles an in-memory folder; `course.yml` defaults to a valid one. */
export function compileFiles(files: Record<string, string | Uint8Array>, targets: PackageTarget[] = ['scorm12', 'xapi']): CompileResult {
  return compileTest(memorySource({ 'course.yml': COURSE_YML, ...files }), targets);
}

/** Compiles a content folder on disk, in process, with the tool's real template and schemas and stand-in player bytes. */
export async function compileFolder(dir: string, targets: PackageTarget[] = ['scorm12', 'xapi']): Promise<CompileResult> {
  return compileTest(await readContentFolder(dir), targets);
}

/** `CODE file:line:col` for each diagnostic, the shape most assertions want. */
export function codes(r: CompileResult): string[] {
  return r.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);
}
