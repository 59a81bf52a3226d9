import { readFileSync } from 'node:fs';
import type { ToolAssets } from '../../src/compile.js';
import { SCORM12_SCHEMA_FILES } from '../../src/targets/scorm12/manifest.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** The tool's real template and schemas with stand-in player bytes, so pure tests need no `npm run build`. */
export function testToolAssets(): ToolAssets {
  return {
    version: '0.0.0-test',
    indexTemplate: readFileSync('templates/index.html.hbs', 'utf8'),
    playerCss: enc('/* player css */'),
    playerScripts: { scorm12: enc('/* scorm12 player */'), xapi: enc('/* xapi player */'), web: enc('/* web player */') },
    scormSchemas: new Map(SCORM12_SCHEMA_FILES.map((n) => [n, new Uint8Array(readFileSync(`schemas/scorm12/${n}`))])),
  };
}
