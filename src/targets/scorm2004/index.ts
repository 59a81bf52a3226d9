import type { Target } from '../target.js';
import { stateSizeProblems } from '../target.js';
import { SCORM2004_SCHEMA_FILES, scorm2004Manifest } from './manifest.js';

/** SCORM 2004 4th Edition RTE 4.2.23 cmi.suspend_data: characterstring, SPM 64000. */
export const SCORM2004_SUSPEND_DATA_LIMIT = 64000;

export const scorm2004: Target = {
  id: 'scorm2004',
  label: 'SCORM 2004 4th Edition',
  summary: 'for LMSs that ask for 2004',
  playerEntry: 'src/player/entry-scorm2004.ts',
  shipped: { from: 'schemas/scorm2004', names: SCORM2004_SCHEMA_FILES },
  check: (course, sound) => (sound ? stateSizeProblems(course, SCORM2004_SUSPEND_DATA_LIMIT, 'IR507', 'SCORM 2004') : []),
  manifests: (course, files) => new Map([['imsmanifest.xml', scorm2004Manifest(course, files)]]),
};
