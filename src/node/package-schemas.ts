import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCORM12_WRAPPER, SCORM2004_WRAPPER, type PackageSchemas } from '../check-package/xsd.js';
import { SCORM12_SCHEMA_FILES } from '../targets/scorm12/manifest.js';
import { SCORM2004_SCHEMA_FILES } from '../targets/scorm2004/manifest.js';
import { TOOL_ROOT } from './tool-assets.js';

let cached: Promise<PackageSchemas> | null = null;

/** The schemas bundled with the tool (schemas/scorm12/, schemas/scorm2004/, schemas/xapi/), read once per process. */
export function loadPackageSchemas(): Promise<PackageSchemas> {
  cached ??= (async () => {
    const scorm12 = new Map<string, string>();
    for (const name of [SCORM12_WRAPPER, ...SCORM12_SCHEMA_FILES]) {
      scorm12.set(name, await readFile(join(TOOL_ROOT, 'schemas', 'scorm12', name), 'utf8'));
    }
    const scorm2004 = new Map<string, string>();
    for (const name of [SCORM2004_WRAPPER, ...SCORM2004_SCHEMA_FILES]) {
      scorm2004.set(name, await readFile(join(TOOL_ROOT, 'schemas', 'scorm2004', name), 'utf8'));
    }
    const tincan = await readFile(join(TOOL_ROOT, 'schemas', 'xapi', 'tincan.xsd'), 'utf8');
    return { scorm12, scorm2004, tincan };
  })();
  return cached;
}
