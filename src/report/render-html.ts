/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no
 * request), readable in a browser from a file and printable on A4. Every
 * chart is an inline SVG with a text name and its numbers written beside the
 * bars, and every number is also in a table. Words are in the course's
 * language first (Indonesian for the default course), the other language
 * after them in a smaller face, each marked with its `lang`.
 */
import type { DimensionStats, ReportData } from './types.js';

type Pair = readonly [id: string, en: string];

const L = {
  title: ['Laporan hasil belajar', 'Learning records report'],
  summary: ['Ringkasan', 'Summary'],
  learners: ['Peserta', 'Learners'],
  attempts: ['Percobaan', 'Attempts'],
  completed: ['Selesai', 'Completed'],
  passed: ['Lulus', 'Passed'],
  courseScore: ['Nilai kursus', 'Course score'],
  mean: ['Rata-rata', 'Mean'],
  median: ['Median', 'Median'],
  passRate: ['Tingkat lulus', 'Pass rate'],
  dimensions: ['Dimensi integritas', 'Integrity dimensions'],
  dimension: ['Dimensi', 'Dimension'],
  distribution: ['Sebaran nilai', 'Score distribution'],
  items: ['Analisis butir soal', 'Item analysis'],
  item: ['Soal', 'Question'],
  difficulty: ['Tingkat kesukaran p', 'Difficulty p'],
  discrimination: ['Daya beda', 'Discrimination'],
  flags: ['Catatan', 'Flags'],
  choices: ['Pilihan dipilih', 'Choices picked'],
  scenarios: ['Skenario', 'Scenarios'],
  endings: ['Akhir cerita', 'Endings'],
  paths: ['Jalur paling sering', 'Most frequent paths'],
  failChoices: ['Pilihan yang paling sering berujung gagal', 'Choices that most often lead to a fail'],
  choice: ['Pilihan', 'Choice'],
  plays: ['Dimainkan', 'Plays'],
  fails: ['Gagal', 'Fails'],
  count: ['Jumlah', 'Count'],
  prePost: ['Perubahan pre-test ke post-test', 'Pre-test to post-test gain'],
  prePostNone: [
    'Kursus ini tidak memiliki pre-test dan post-test, sehingga perubahan pengetahuan dan sikap tidak dapat dihitung.',
    'This course has no pre-test and post-test, so no gain in knowledge or attitude can be computed.',
  ],
  groups: ['Per kelompok', 'By group'],
  group: ['Kelompok', 'Group'],
  privacy: ['Perlindungan peserta', 'Protecting learners'],
  notes: ['Catatan tentang data', 'Notes on the data'],
  definitions: ['Cara membaca angka', 'How to read the numbers'],
  none: ['(tidak ada)', '(none)'],
  noValue: ['(tanpa nilai)', '(no value)'],
  path: ['Jalur', 'Path'],
  outcome: ['Hasil', 'Outcome'],
  pass: ['lulus', 'pass'],
  fail: ['gagal', 'fail'],
  'too-easy': ['terlalu mudah', 'too easy'],
  'too-hard': ['terlalu sulit', 'too hard'],
  'negative-discrimination': ['daya beda negatif', 'negative discrimination'],
  records: ['Catatan dibaca', 'Records read'],
} as const satisfies Record<string, Pair>;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);
const num = (x: number | null): string => (x === null ? '–' : String(x));

export function reportHtml(d: ReportData): string {
  const en = d.course.language.toLowerCase().startsWith('en');
  const primary = en ? 'en' : 'id';
  const secondary = en ? 'id' : 'en';
  /** A label in the course language, then the other one. */
  const t = (k: keyof typeof L): string => {
    const [idText, enText] = L[k];
    const a = en ? enText : idText;
    const b = en ? idText : enText;
    return a === b ? esc(a) : `${esc(a)} <span class="alt" lang="${secondary}">${esc(b)}</span>`;
  };
  /** Plain text of a label (for SVG titles and attributes), both languages. */
  const plain = (k: keyof typeof L): string => (en ? `${L[k][1]} / ${L[k][0]}` : `${L[k][0]} / ${L[k][1]}`);
  let ids = 0;
  const uid = (p: string) => `${p}-${++ids}`;

  /** Horizontal bars 0–max with the value written beside each bar. */
  const bars = (name: string, rows: { label: string; value: number | null; text: string; tone?: 'pass' | 'fail' }[], max: number, mark?: number | null): string => {
    const id = uid('chart');
    const rowH = 26;
    // Room for the longest label at about 6.8 px a character (12 px sans), within limits; longer ones are shortened (the table has them whole).
    const longest = Math.max(...rows.map((r) => r.label.length), 4);
    const labelW = Math.round(Math.min(300, Math.max(120, longest * 6.8 + 14)));
    const fit = (label: string) => (label.length * 6.8 + 14 > labelW ? label.slice(0, Math.floor((labelW - 14) / 6.8) - 1) + '…' : label);
    const barW = 300;
    const h = rows.length * rowH + 10;
    const parts = rows.map((r, i) => {
      const y = 5 + i * rowH;
      const w = r.value === null || max <= 0 ? 0 : Math.max(0, Math.min(1, r.value / max)) * barW;
      const cls = r.tone ? `bar ${r.tone}` : 'bar';
      return (
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" class="lbl">${esc(fit(r.label))}</text>` +
        `<rect x="${labelW}" y="${y + 4}" width="${barW}" height="${rowH - 8}" class="track"/>` +
        `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" class="${cls}"/>` +
        `<text x="${labelW + barW + 8}" y="${y + 17}" class="val">${esc(r.text)}</text>`
      );
    });
    const markLine =
      mark === null || mark === undefined ? '' : `<line x1="${labelW + (mark / max) * barW}" x2="${labelW + (mark / max) * barW}" y1="2" y2="${h - 2}" class="mark"/>`;
    return (
      `<svg role="img" aria-labelledby="${id}" viewBox="0 0 ${labelW + barW + 140} ${h}" width="100%" class="chart">` +
      `<title id="${id}">${esc(name)}</title>${parts.join('')}${markLine}</svg>`
    );
  };

  /** A small histogram of ten bands with each count above its bar. */
  const spark = (name: string, bands: number[]): string => {
    const id = uid('hist');
    const max = Math.max(1, ...bands);
    const cols = bands.map((c, i) => {
      const hgt = (c / max) * 40;
      return (
        `<rect x="${i * 22 + 2}" y="${56 - hgt}" width="18" height="${hgt.toFixed(1)}" class="bar"/>` +
        `<text x="${i * 22 + 11}" y="${52 - hgt}" text-anchor="middle" class="tiny">${c}</text>`
      );
    });
    const label = `${name}: ` + bands.map((c, i) => `${i * 10}–${i === 9 ? 100 : i * 10 + 9}: ${c}`).join(', ');
    return (
      `<svg role="img" aria-labelledby="${id}" viewBox="0 0 222 72" class="spark">` +
      `<title id="${id}">${esc(label)}</title>${cols.join('')}` +
      `<text x="2" y="70" class="tiny">0</text><text x="220" y="70" text-anchor="end" class="tiny">100</text></svg>`
    );
  };

  const dimTable = (dims: DimensionStats[], caption: string): string =>
    `<table><caption>${caption}</caption><thead><tr><th scope="col">${t('dimension')}</th><th scope="col" class="n">n</th>` +
    `<th scope="col" class="n">${t('mean')}</th><th scope="col" class="n">${t('median')}</th><th scope="col" class="n">${t('passRate')}</th>` +
    `<th scope="col">${t('distribution')}</th></tr></thead><tbody>` +
    dims
      .map(
        (x) =>
          `<tr><th scope="row">${esc(x.label)}<br><code>${esc(x.id)}</code></th><td class="n">${x.n}</td><td class="n">${num(x.mean)}</td>` +
          `<td class="n">${num(x.median)}</td><td class="n">${pct(x.passRate)}</td><td>${spark(`${plain('distribution')} ${x.label}`, x.histogram)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';

  const rate = (k: number) => (d.learners ? pct(k / d.learners) : '–');
  const dimLabel = new Map(d.dimensions.map((x) => [x.id, x.label]));
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="${esc(d.course.language)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(L.title[en ? 1 : 0])}: ${esc(d.course.title)} ${esc(d.course.version)}</title>`,
    `<style>${CSS}</style></head><body><main>`,
    `<header><h1>${t('title')}</h1><p class="course">${esc(d.course.title)} · ${esc(d.course.version)} · <code>${esc(d.course.id)}</code></p></header>`,
  );

  // Summary
  out.push(
    `<section aria-labelledby="s-summary"><h2 id="s-summary">${t('summary')}</h2><dl class="cards">`,
    `<div><dt>${t('learners')}</dt><dd>${d.learners}</dd></div>`,
    `<div><dt>${t('attempts')}</dt><dd>${d.attempts}</dd></div>`,
    `<div><dt>${t('completed')}</dt><dd>${d.completed} <small>(${rate(d.completed)})</small></dd></div>`,
    `<div><dt>${t('passed')}</dt><dd>${d.passed} <small>(${rate(d.passed)})</small></dd></div>`,
    `<div><dt>${t('courseScore')}</dt><dd>${num(d.score.mean)} <small>${t('median')} ${num(d.score.median)}, n = ${d.score.n}</small></dd></div>`,
    '</dl></section>',
  );

  // Dimensions
  out.push(`<section aria-labelledby="s-dims"><h2 id="s-dims">${t('dimensions')}</h2>`);
  out.push(
    `<figure>${bars(
      `${plain('dimensions')}: ${plain('mean')} (0–100)`,
      d.dimensions.map((x) => ({ label: x.label, value: x.mean, text: `${num(x.mean)} (n = ${x.n})` })),
      100,
      d.course.passingScore,
    )}<figcaption>${t('mean')} 0–100${d.course.passingScore === null ? '' : ` · | = ${esc(String(d.course.passingScore))}`}</figcaption></figure>`,
  );
  out.push(dimTable(d.dimensions, t('dimensions')), '</section>');

  // Items
  out.push(`<section aria-labelledby="s-items"><h2 id="s-items">${t('items')}</h2>`);
  out.push(
    `<figure>${bars(
      `${plain('difficulty')}`,
      d.items.map((i) => ({ label: i.id, value: i.p, text: i.p === null ? '–' : `${i.p.toFixed(2)} (n = ${i.n})`, tone: i.flags.length ? 'fail' : undefined })),
      1,
    )}<figcaption>${t('difficulty')} 0–1</figcaption></figure>`,
  );
  out.push(
    `<table><caption>${t('items')}</caption><thead><tr><th scope="col">${t('item')}</th><th scope="col">${t('dimension')}</th><th scope="col" class="n">n</th>` +
      `<th scope="col" class="n">p</th><th scope="col" class="n">${t('discrimination')}</th><th scope="col">${t('choices')}</th><th scope="col">${t('flags')}</th></tr></thead><tbody>`,
  );
  for (const i of d.items) {
    const choices = i.choices.map((c) => `<li${c.correct ? ' class="ok"' : ''}><b>${c.response}</b>${c.correct ? ' ✓' : ''}: ${c.count}</li>`).join('');
    out.push(
      `<tr><th scope="row"><code>${esc(i.id)}</code><br><span class="prompt">${esc(i.prompt)}</span></th><td>${esc(i.dimension ? dimLabel.get(i.dimension) ?? i.dimension : '–')}</td>` +
        `<td class="n">${i.n}</td><td class="n">${i.p === null ? '–' : i.p.toFixed(2)}</td><td class="n">${i.discrimination === null ? '–' : i.discrimination.toFixed(2)}</td>` +
        `<td><ul class="choices">${choices}</ul></td><td>${i.flags.map((f) => `<span class="flag">${t(f)}</span>`).join(' ') || ''}</td></tr>`,
    );
  }
  out.push('</tbody></table></section>');

  // Scenarios
  out.push(`<section aria-labelledby="s-scen"><h2 id="s-scen">${t('scenarios')}</h2>`);
  for (const s of d.scenarios) {
    const hid = uid('scen');
    out.push(`<article aria-labelledby="${hid}"><h3 id="${hid}">${esc(s.title)} <code>${esc(s.id)}</code> <small>n = ${s.n}${s.replays ? ` · ${en ? 'replays' : 'main ulang'} ${s.replays}` : ''}</small></h3>`);
    out.push(
      `<figure>${bars(
        `${s.title}: ${plain('endings')}`,
        s.endings.map((e) => ({ label: e.title, value: e.count, text: `${e.count} (${s.n ? Math.round((100 * e.count) / s.n) : 0}%) ${e.outcome === 'pass' ? L.pass[en ? 1 : 0] : L.fail[en ? 1 : 0]}`, tone: e.outcome })),
        Math.max(1, s.n),
      )}<figcaption>${t('endings')}</figcaption></figure>`,
    );
    if (s.paths.length) {
      out.push(
        `<table><caption>${t('paths')}</caption><thead><tr><th scope="col">${t('path')}</th><th scope="col" class="n">${t('count')}</th></tr></thead><tbody>` +
          s.paths.slice(0, 8).map((p) => `<tr><td><code>${esc(p.path)}</code></td><td class="n">${p.count}</td></tr>`).join('') +
          '</tbody></table>',
      );
    }
    if (s.failChoices.length) {
      out.push(
        `<table><caption>${t('failChoices')}</caption><thead><tr><th scope="col">${t('choice')}</th><th scope="col" class="n">${t('plays')}</th><th scope="col" class="n">${t('fails')}</th></tr></thead><tbody>` +
          s.failChoices.slice(0, 5).map((c) => `<tr><td><code>${esc(c.scene)}</code> <b>${c.choice}</b>: ${esc(c.text)}</td><td class="n">${c.plays}</td><td class="n">${c.fails}</td></tr>`).join('') +
          '</tbody></table>',
      );
    }
    out.push('</article>');
  }
  out.push('</section>');

  // Pre/post
  out.push(`<section aria-labelledby="s-prepost"><h2 id="s-prepost">${t('prePost')}</h2><p>${t('prePostNone')}</p></section>`);

  // Groups
  if (d.grouping) {
    const g = d.grouping;
    out.push(`<section aria-labelledby="s-groups"><h2 id="s-groups">${t('groups')}: <code>${esc(g.field)}</code></h2>`);
    out.push(
      `<p class="privacy">${
        en
          ? `Groups with fewer than ${g.minGroup} learners are not shown (${g.suppressed} suppressed), so that no learner can be singled out.`
          : `Kelompok dengan kurang dari ${g.minGroup} peserta tidak ditampilkan (${g.suppressed} disembunyikan), agar tidak ada peserta yang dapat dikenali.`
      } <span class="alt" lang="${secondary}">${
        en
          ? `Kelompok dengan kurang dari ${g.minGroup} peserta tidak ditampilkan (${g.suppressed} disembunyikan).`
          : `Groups with fewer than ${g.minGroup} learners are not shown (${g.suppressed} suppressed), so that no learner can be singled out.`
      }</span></p>`,
    );
    const groups = d.groups ?? [];
    if (groups.length) {
      const name = (x: (typeof groups)[number]) => (x.value ? esc(x.value) : t('noValue'));
      out.push(
        `<table><caption>${t('groups')}</caption><thead><tr><th scope="col">${t('group')}</th><th scope="col" class="n">${t('learners')}</th><th scope="col" class="n">${t('attempts')}</th>` +
          `<th scope="col" class="n">${t('completed')}</th><th scope="col" class="n">${t('passed')}</th><th scope="col" class="n">${t('courseScore')}</th></tr></thead><tbody>` +
          groups
            .map((x) => `<tr><th scope="row">${name(x)}</th><td class="n">${x.learners}</td><td class="n">${x.attempts}</td><td class="n">${x.completed}</td><td class="n">${x.passed}</td><td class="n">${num(x.score.mean)}</td></tr>`)
            .join('') +
          '</tbody></table>',
        `<table class="dims"><caption>${t('dimensions')}: ${t('mean')}</caption><thead><tr><th scope="col">${t('group')}</th>` +
          d.dimensions.map((x) => `<th scope="col" class="n">${esc(x.label)}</th>`).join('') +
          '</tr></thead><tbody>' +
          groups.map((x) => `<tr><th scope="row">${name(x)}</th>` + x.dimensions.map((y) => `<td class="n">${num(y.mean)}</td>`).join('') + '</tr>').join('') +
          '</tbody></table>',
      );
    } else {
      out.push(`<p>${t('none')}</p>`);
    }
    out.push('</section>');
  }

  // Definitions and notes
  out.push(
    `<section aria-labelledby="s-def"><h2 id="s-def">${t('definitions')}</h2><ul lang="${primary}">`,
    ...(en ? DEFINITIONS_EN : DEFINITIONS_ID).map((x) => `<li>${x}</li>`),
    `</ul><ul class="alt" lang="${secondary}">`,
    ...(en ? DEFINITIONS_ID : DEFINITIONS_EN).map((x) => `<li>${x}</li>`),
    '</ul></section>',
  );
  const r = d.records;
  out.push(
    `<section aria-labelledby="s-notes"><h2 id="s-notes">${t('notes')}</h2><p>${t('records')}: ${r.read} · ${en ? 'used' : 'dipakai'} ${r.used} · ${en ? 'unknown' : 'tidak dikenal'} ${r.unknown} · ${en ? 'skipped' : 'dilewati'} ${r.skipped}</p>`,
  );
  if (d.diagnostics.length) out.push('<ul>' + d.diagnostics.map((x) => `<li><code>${x.code}</code> ${esc(x.message)}</li>`).join('') + '</ul>');
  out.push('</section></main></body></html>\n');
  return out.join('\n');
}

const DEFINITIONS_ID = [
  'Setiap peserta dihitung sekali, dengan percobaan pertamanya yang selesai (atau percobaan pertamanya bila belum ada yang selesai).',
  'Nilai dimensi mengikuti aturan SPEC §3: jawaban pertama setiap soal dan akhir cerita pertama setiap skenario yang ditandai dengan dimensi itu; hanya peserta yang sudah menyelesaikan semua butir dimensi itu yang dihitung (n).',
  '<i>p</i>: bagian jawaban pertama yang benar. Daya beda: korelasi point-biserial antara benar/salah pada soal itu dan nilai peserta pada butir lainnya.',
  'Soal ditandai terlalu mudah bila <i>p</i> &gt; 0,9, terlalu sulit bila <i>p</i> &lt; 0,3, dan daya beda negatif bila korelasinya di bawah 0; tanda hanya diberikan bila n ≥ 5.',
  'Skenario: jalur dan akhir cerita dari permainan pertama yang selesai, yang dihitung untuk nilai.',
];
const DEFINITIONS_EN = [
  'Each learner counts once, with their first completed attempt (or their first attempt when none is complete).',
  'Dimension scores follow SPEC §3: the first answer to each question and the first ending of each scenario tagged with the dimension; only learners who have done every item of the dimension count (n).',
  '<i>p</i>: the share of first answers that are right. Discrimination: the point-biserial correlation between being right on the question and the learner’s score on the other items.',
  'A question is flagged too easy when <i>p</i> &gt; 0.9, too hard when <i>p</i> &lt; 0.3, and negatively discriminating when the correlation is below 0; flags need n ≥ 5.',
  'Scenarios: paths and endings of the first completed play, the one that counts for the score.',
];

const CSS = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--line:#c9c9c9;--bar:#1f4e9c;--pass:#1b6b3a;--fail:#a3231b;--track:#eceff3}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:0 0 .25rem}h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--line);padding-bottom:.25rem;break-after:avoid}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem;break-after:avoid}
.alt{color:var(--muted);font-size:.85em;font-weight:normal}
ul.alt{margin-top:.5rem}
.course{color:var(--muted);margin:0}
code{font-size:.9em;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:0}
.cards div{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.cards dt{font-size:.85rem;color:var(--muted)}.cards dd{margin:0;font-size:1.5rem;font-weight:600}.cards small{font-size:.8rem;font-weight:normal;color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.75rem 0 1.25rem;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
svg.spark{width:100%;max-width:222px;min-width:120px;height:auto;display:block}
th[scope=row]{font-weight:normal}
.n{text-align:right;font-variant-numeric:tabular-nums;overflow-wrap:normal}
table.dims th[scope=col]{font-size:.8rem;font-weight:600}
.prompt{color:var(--muted);font-size:.85em}
ul.choices{list-style:none;margin:0;padding:0}
ul.choices li.ok{color:var(--pass)}
.flag{display:inline-block;border:1px solid var(--fail);color:var(--fail);border-radius:3px;padding:0 .3rem;margin:.1rem 0;font-size:.8rem}
figure{margin:.5rem 0}figcaption{font-size:.8rem;color:var(--muted)}
svg.chart{max-width:100%;height:auto}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;fill:var(--ink)}
svg .tiny{font-size:10px}
.bar{fill:var(--bar)}.bar.pass{fill:var(--pass)}.bar.fail{fill:var(--fail)}.track{fill:var(--track)}
.mark{stroke:var(--ink);stroke-width:1.5;stroke-dasharray:4 3}
.privacy{border-left:4px solid var(--bar);padding:.5rem .75rem;background:#f3f6fb}
@page{size:A4;margin:14mm 12mm}
@media print{body{font-size:10.5pt}main{max-width:none;padding:0}tr,figure,.cards div{break-inside:avoid}article{break-inside:avoid-page}.privacy{background:none}}
`;
