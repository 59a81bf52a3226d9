/** Paths the report tests share. */
import { join } from 'node:path';

/** The real Moodle 4.3 exports (read-only, shared). */
export const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/moodle-4.3-reports');
/** Course 1.0.0, with which those exports were made. */
export const COURSE_100 = join(import.meta.dirname, '../courses/integrity-ranger-1.0.0');
