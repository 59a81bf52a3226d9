/**
 * The course a package built by integrity-ranger carries, read back for
 * `layout` and `report`: `course.js` and `units/<n>.js` since the light first
 * page, or, in a package of an earlier release (1.0.0 among them, still in
 * LMSs and still resumed from), index.html's inline `<script id="course-data">`.
 */
import { readPackageCourse } from '../shared/course-split.js';
import type { RuntimeCourse } from '../shared/runtime-types.js';
import type { PackageZip } from './zip.js';

/** Bytes read from one entry at most: a course file is far smaller; more is not ours. */
const MAX_ENTRY = 64 * 1024 * 1024;

/** Null when the package is not one of ours (or is damaged). */
export function packageCourse(zip: PackageZip): RuntimeCourse | null {
  const text = (name: string) => (zip.files.has(name) ? new TextDecoder().decode(zip.read(name, MAX_ENTRY)) : null);
  const course = legacyCourse(text('index.html')) ?? readPackageCourse(text);
  return course && course.schema === 1 && typeof course.id === 'string' && Array.isArray(course.units) ? course : null;
}

function legacyCourse(html: string | null): RuntimeCourse | null {
  const m = html ? /<script\b[^>]*\bid="course-data"[^>]*>([\s\S]*?)<\/script>/.exec(html) : null;
  if (!m) return null;
  try {
    return JSON.parse(m[1]!) as RuntimeCourse;
  } catch {
    return null;
  }
}
