// Takes docs/screenshots/preview.png: the preview of the default course at
// 1280 px, a few pages in, with two questions answered (one right, one wrong)
// so the panel shows interactions and objectives.
//   npm run build && node scripts/preview-screenshot.mjs [out.png]
// Needs Chromium at /usr/bin/chromium (or IR_CHROMIUM).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startPreview } from '../lib/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] || join(root, 'docs/screenshots/preview.png');
const preview = await startPreview({ dir: join(root, 'content'), port: 0, target: 'scorm12' });
const browser = await chromium.launch({
  executablePath: process.env.IR_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  if (!(await preview.ready).ok) throw new Error('the default course does not build');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(preview.url);
  const course = page.frameLocator('#course');
  const next = course.getByRole('button', { name: 'Berikutnya' }).first();
  for (let i = 0; i < 3; i++) await next.click();
  await course.getByRole('heading', { name: 'Latihan: kenali kelompoknya' }).waitFor();
  const questions = course.locator('fieldset');
  await questions.nth(0).getByRole('radio', { name: 'Penggelapan dalam jabatan' }).check();
  await course.getByRole('button', { name: 'Periksa jawaban' }).first().click();
  await questions.nth(1).getByRole('radio', { name: 'Gratifikasi' }).check();
  await course.getByRole('button', { name: 'Periksa jawaban' }).first().click(); // the first one is `Coba lagi` now
  await page.locator('#interactions li').nth(1).waitFor();
  await course.getByRole('heading', { name: 'Latihan: kenali kelompoknya' }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(out);
} finally {
  await browser.close();
  await preview.close();
}
