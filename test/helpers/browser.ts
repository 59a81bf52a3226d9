/**
 * Headless Chromium for the end-to-end tests: Debian's own browser
 * (`/usr/bin/chromium`) driven through playwright-core, so no browser download
 * is ever needed. Override the binary with `IR_CHROMIUM=/path/to/chrome`.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.IR_CHROMIUM || '/usr/bin/chromium';

/** Whether a Chromium binary is there at all (tests skip with a clear reason when not). */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Never reach for the network: the package is served from 127.0.0.1.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}
