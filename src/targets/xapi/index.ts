import type { Target } from '../target.js';
import { tincanXml } from './tincan.js';

export const xapi: Target = {
  id: 'xapi',
  label: 'Tin Can (xAPI)',
  summary: 'an LMS with an LRS; needs `iri` in course.yml',
  playerEntry: 'src/player/entry-xapi.ts',
  shipped: null,
  // The State API has no size limit: only the activity ids' base is needed.
  check: (course) => (course.iri ? [] : [{ code: 'IR503', message: 'the xapi target needs `iri` in course.yml' }]),
  manifests: (course) => new Map([['tincan.xml', tincanXml(course)]]),
};
