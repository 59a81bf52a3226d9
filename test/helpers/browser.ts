/**
 * Headless Chromium for the end-to-end tests: Debian's own browser
 * (`/usr/bin/chromium`) driven through playwright-core, so no browser download
 * is ever needed. Override the binary with `IR_CHROMIUM=/path/to/chrome`.
 */
import { existsSync, rmSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

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

/** A fresh browser context at the tests' viewport (1280×800), and a page in it. */
export async function newContextPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

/**
 * What goes wrong on the page from now on: page errors, console errors (but
 * those `ignoreConsole` matches) and dialogs (dismissed). A test ends with the
 * list empty.
 */
export function watchProblems(page: Page, ignoreConsole?: RegExp): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !ignoreConsole?.test(m.text())) problems.push(`console.error: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

/** Pagehide: the page goes away (navigation), as when the learner closes the LMS window. */
export async function leave(page: Page): Promise<void> {
  await page.goto('about:blank');
}

/** For afterAll: closes the browser, the server and the LRS (those that were started), then removes the work folder. */
export async function tearDown(started: { browser?: Browser; server?: { close(): Promise<void> }; lrs?: { stop(): Promise<void> }; work?: string }): Promise<void> {
  await started.browser?.close();
  await started.server?.close();
  await started.lrs?.stop();
  if (started.work) rmSync(started.work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------
// Auto-waiting assertions on playwright-core locators (the `expect` of
// @playwright/test is not available here): each polls until it holds or
// WAIT_MS passes, then fails with vitest's usual message.
// ---------------------------------------------------------------------------

/** Generous: two cores run two browser test files at once. */
export const WAIT_MS = 15_000;

const poll = <T>(fn: () => Promise<T>, message?: string) =>
  expect.poll(fn, { timeout: WAIT_MS, interval: 50, message });

async function safe<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn();
  } catch {
    return fallback;
  }
}

/** Exactly one element matches and it is visible. */
export async function expectVisible(loc: Locator, message?: string): Promise<void> {
  await poll(() => safe(async () => ((await loc.count()) === 1 ? loc.isVisible() : `${await loc.count()} matches`), false), message ?? `${loc} visible`).toBe(true);
}

export async function expectFocused(loc: Locator, message?: string): Promise<void> {
  await poll(() => safe(() => loc.evaluate((el) => el === el.ownerDocument.activeElement, undefined, { timeout: 1000 }), false), message ?? `${loc} focused`).toBe(true);
}

export async function expectCount(loc: Locator, n: number, message?: string): Promise<void> {
  await poll(() => loc.count(), message ?? `${loc} count`).toBe(n);
}

export async function expectChecked(loc: Locator, checked: boolean, message?: string): Promise<void> {
  await poll(() => safe(() => loc.isChecked({ timeout: 1000 }), !checked), message ?? `${loc} ${checked ? '' : 'not '}checked`).toBe(checked);
}

export async function expectEnabled(loc: Locator, message?: string): Promise<void> {
  await poll(() => safe(() => loc.isEnabled({ timeout: 1000 }), false), message ?? `${loc} enabled`).toBe(true);
}

/** The element's rendered text, whitespace collapsed, contains `text`. */
export async function expectText(loc: Locator, text: string, message?: string): Promise<void> {
  await poll(() => safe(async () => (await loc.innerText({ timeout: 1000 })).replace(/\s+/g, ' '), ''), message ?? `${loc} text`).toContain(text.replace(/\s+/g, ' '));
}

/** At least one element matches. */
export async function expectSome(loc: Locator, message?: string): Promise<void> {
  await poll(() => loc.count(), message ?? `${loc} matches`).toBeGreaterThan(0);
}
