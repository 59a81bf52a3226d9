import type { Target } from '../target.js';
import { stateSizeProblems } from '../target.js';
import { SCORM12_SCHEMA_FILES, scorm12Manifest } from './manifest.js';

/** SCORM 1.2 RTE 3.4.2.3: cmi.suspend_data is CMIString4096. */
export const SCORM12_SUSPEND_DATA_LIMIT = 4096;

export const scorm12: Target = {
  id: 'scorm12',
  label: 'SCORM 1.2',
  summary: 'Moodle and most LMSs',
  playerEntry: 'src/player/entry-scorm12.ts',
  shipped: { from: 'schemas/scorm12', names: SCORM12_SCHEMA_FILES },
  check: (course, sound) => (sound ? stateSizeProblems(course, SCORM12_SUSPEND_DATA_LIMIT, 'IR502', 'SCORM 1.2') : []),
  manifests: (course, files) => new Map([['imsmanifest.xml', scorm12Manifest(course, files)]]),
};
