import { compile, type CompileResult, type PackageTarget } from '../../src/compile.js';
import { memorySource } from '../../src/core/content-source.js';
import { testToolAssets } from './tool.js';

export const COURSE_YML = 'id: uji\ntitle: Kursus Uji\nversion: 1.0.0\niri: https://example.go.id/xapi/course/uji\n';

/** Compiles an in-memory folder; `course.yml` defaults to a valid one. */
export function compileFiles(files: Record<string, string | Uint8Array>, targets: PackageTarget[] = ['scorm12', 'xapi']): CompileResult {
  return compile(memorySource({ 'course.yml': COURSE_YML, ...files }), { targets, tool: testToolAssets(), epoch: 315532800 });
}

/** `CODE file:line:col` for each diagnostic, the shape most assertions want. */
export function codes(r: CompileResult): string[] {
  return r.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);
}
