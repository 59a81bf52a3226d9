import type { Target } from '../target.js';
import { CMI5_FILE, cmi5Xml } from './course-structure.js';

export const cmi5: Target = {
  id: 'cmi5',
  label: 'cmi5',
  summary: 'an LMS that launches xAPI content with its own LRS; needs `iri` in course.yml',
  playerEntry: 'src/player/entry-cmi5.ts',
  // cmi5 §14 names its schema by URL and asks the package to carry none.
  shipped: null,
  // Progress lives in the State API (no size limit), like the xapi target's; every activity id is built on `iri`.
  check: (course) => (course.iri ? [] : [{ code: 'IR520', message: 'the cmi5 target needs `iri` in course.yml' }]),
  manifests: (course) => new Map([[CMI5_FILE, cmi5Xml(course)]]),
};
