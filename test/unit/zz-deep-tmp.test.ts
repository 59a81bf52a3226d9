import { it } from 'vitest';
import { compileFiles, codes } from '/work/main/test/helpers/compile.js';
const L = (b: string) => `---\ntitle: A\n---\n${b}\n`;
for (const [name, body] of [
  ['quote', '>'.repeat(5000) + ' x'],
  ['quote-spaced', '> '.repeat(3000) + 'x'],
  ['list', Array.from({length: 2000}, (_, i) => ' '.repeat(i*2) + '- x').join('\n')],
  ['brackets', '['.repeat(5000) + 'x' + ']'.repeat(5000)],
  ['emph', '*'.repeat(5000) + 'x' + '*'.repeat(5000)],
  ['links', '[a]('.repeat(3000)],
  ['quotes-lines', Array.from({length: 3000}, (_, i) => '>'.repeat(i+1) + ' x').join('\n')],
] as const) {
  it(name, () => {
    const t = Date.now();
    let r: any; let err: any;
    try { r = compileFiles({ 'lessons/a.md': L(body) }); } catch (e) { err = e; }
    console.log(name, Date.now() - t, 'ms', err ? String(err).slice(0, 200) : codes(r).slice(0, 5));
  }, 120000);
}
