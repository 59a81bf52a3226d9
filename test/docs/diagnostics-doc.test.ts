/**
 * docs/diagnostics.md is the catalogue as authors read it. It is generated
 * from src/core/catalogue.ts; this test fails when the two drift apart
 * (`UPDATE_GOLDEN=1 npx vitest run test/docs` rewrites it).
 */
import { expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogue } from '../../src/core/catalogue.js';

function render(): string {
  const groups: Record<string, string> = {
    IR1: 'Files and YAML',
    IR2: 'Lessons, Markdown and questions',
    IR3: 'Scenarios',
    IR4: 'Assets and paths',
    IR5: 'Course and package',
    IR6: 'Checking built packages (`check ZIP`)',
    IR7: 'Reports from learning records (`report`)',
  };
  const out = [
    '# Diagnostics',
    '',
    'Every problem is printed as `FILE:LINE:COL: severity CODE: message`, with a `hint:` line where one helps.',
    'Codes are stable. This page is generated from `src/core/catalogue.ts`.',
    '',
  ];
  const codes = Object.keys(catalogue).sort();
  for (const [prefix, title] of Object.entries(groups)) {
    out.push(`## ${title}`, '', '| code | severity | what | why | what to do |', '|---|---|---|---|---|');
    for (const code of codes.filter((c) => c.startsWith(prefix))) {
      const e = catalogue[code as keyof typeof catalogue] as { severity: string; title: string; why: string; hint?: string };
      const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');
      out.push(`| ${code} | ${e.severity} | ${cell(e.title)} | ${cell(e.why)} | ${cell(e.hint)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

it('docs/diagnostics.md lists every code of the catalogue as it is', () => {
  const text = render();
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync('docs/diagnostics.md', text);
  expect(readFileSync('docs/diagnostics.md', 'utf8')).toBe(text);
});
