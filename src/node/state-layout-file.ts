/**
 * `integrity-ranger layout DIR|ZIP`: the state layout of a course, from its
 * content folder or from a package it was built into (ours), for the author
 * to keep in layouts/ of the next version (see src/render/state-layout.ts).
 */
import { readFile } from 'node:fs/promises';
import { openZip, ZipReadError } from '../check-package/zip.js';
import { compile } from '../compile.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { DEFAULT_EPOCH } from '../package/zip.js';
import { layoutOf, type StateLayout } from '../render/state-layout.js';
import { packageCourse } from '../check-package/package-course.js';
import { isPackagePath } from './check-package-file.js';
import { ContentFolderError, readContentFolder } from './read-content.js';
import { loadToolAssets } from './tool-assets.js';

export interface LayoutReport {
  ok: boolean;
  layout: StateLayout | null;
  diagnostics: Diagnostic[];
}

export async function readStateLayout(path: string): Promise<LayoutReport> {
  if (await isPackagePath(path)) {
    let course;
    try {
      course = packageCourse(openZip(await readFile(path)));
    } catch (e) {
      if (e instanceof ZipReadError) return failed('IR601', `${path} is not a readable zip: ${e.message}`);
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM') return failed('IR608', `${path} cannot be read (${code})`);
      throw e;
    }
    if (!course) return failed('IR535', `${path} has no integrity-ranger course data (course.js and units/, or index.html with <script id="course-data"> before 1.1)`);
    return { ok: true, layout: layoutOf(course), diagnostics: [] };
  }
  let source;
  try {
    source = await readContentFolder(path);
  } catch (e) {
    if (e instanceof ContentFolderError) return failed(e.code, e.message);
    throw e;
  }
  // No targets: only the course itself has to be right.
  const result = compile(source, { targets: [], tool: await loadToolAssets(), epoch: DEFAULT_EPOCH });
  return { ok: result.ok, layout: result.ok && result.runtime ? layoutOf(result.runtime) : null, diagnostics: result.diagnostics };
}

function failed(code: Diagnostic['code'], message: string): LayoutReport {
  return { ok: false, layout: null, diagnostics: [{ severity: 'error', code, message, file: '', line: 0, column: 0 }] };
}
