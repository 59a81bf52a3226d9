/**
 * The Indonesian messages and hints of the question types, surveys, pools and
 * tests (issue 12), merged into src/core/messages-id.ts: kept apart so that
 * file stays one screen per concern.
 */
import type { DiagnosticCode } from './catalogue.js';

export type Rule = [RegExp, (...m: string[]) => string];

const TYPE_WORDS: Record<string, string> = {
  'choice': 'pilihan ganda',
  'true-false': 'benar-salah',
  'fill-in': 'isian',
  'numeric': 'angka',
  'matching': 'menjodohkan',
  'sequencing': 'mengurutkan',
};
const type = (t: string) => TYPE_WORDS[t] ?? t;
const ITEM_WORDS: Record<string, string> = { choice: 'pilihan', answer: 'jawaban', source: 'sumber', step: 'langkah' };
const ID_WORDS: Record<string, string> = { question: 'pertanyaan', survey: 'survei', 'survey item': 'butir survei', pool: 'bank soal' };

export const ASSESS_MESSAGES: Partial<Record<DiagnosticCode, Rule[]>> = {
  IR102: [
    [/^test needs front matter with `title`, `role` and `pool`$/, () => 'tes memerlukan front matter dengan `title`, `role`, dan `pool`'],
    [/^test front matter needs `draw` \(questions per attempt\) or `per_dimension` \(questions per dimension\)$/, () => 'front matter tes memerlukan `draw` (jumlah soal per percobaan) atau `per_dimension` (jumlah soal per dimensi)'],
  ],
  IR103: [
    [/^give `draw` or `per_dimension`, not both$/, () => 'tulis `draw` atau `per_dimension`, bukan keduanya'],
    [/^`(.*)` must be one of (.*)$/, (f, list) => `\`${f}\` harus salah satu dari ${list.replace(/, /g, ', ')}`],
    [/^`(.*)` must be a whole number$/, (f) => `\`${f}\` harus berupa bilangan bulat`],
    [/^`(.*)` must be (>=|<=) (\d+)$/, (f, op, n) => `\`${f}\` harus ${op} ${n}`],
  ],
  IR213: [
    [/^(question|survey) id #(.*) is also used at (.*)$/, (k, i, at) => `id ${ID_WORDS[k]} #${i} juga dipakai di ${at}`],
    [/^survey item id #(.*) is used twice in this survey \(first at line (\d+)\)$/, (i, l) => `id butir survei #${i} dipakai dua kali dalam survei ini (pertama di baris ${l})`],
    [/^pool id `(.*)` is also used by (.*)$/, (i, f) => `id bank soal \`${i}\` juga dipakai oleh ${f}`],
  ],
  IR214: [
    [/^(survey|survey item) id `(.*)` is not a slug$/, (k, i) => `id ${ID_WORDS[k]} \`${i}\` bukan slug`],
    [/^pool id `(.*)` \(from the file name\) is not a slug$/, (i) => `id bank soal \`${i}\` (dari nama berkas) bukan slug`],
  ],
  IR218: [
    [/^(answer|source|step) `(.*)` appears twice in this question \(also line (\d+)\)$/s, (w, c, l) => `${ITEM_WORDS[w]} \`${c}\` muncul dua kali dalam pertanyaan ini (juga di baris ${l})`],
  ],
  IR219: [[/^this (\S+) question has no feedback$/, (t) => `pertanyaan ${type(t)} ini tidak punya umpan balik`]],
  IR240: [[/^unknown question type `(.*)`$/, (t) => `jenis pertanyaan \`${t}\` tidak dikenal`]],
  IR241: [
    [/^a true-false question has exactly 2 items \(true, then false\), not (\d+)$/, (n) => `pertanyaan benar-salah punya tepat 2 butir (benar, lalu salah), bukan ${n}`],
    [/^exactly one of the two items is marked `\[x\]`, not (\d+)$/, (n) => `tepat satu dari kedua butir ditandai \`[x]\`, bukan ${n}`],
  ],
  IR242: [
    [/^this (\S+) question has no accepted answer `- \[x\] …`$/, (t) => `pertanyaan ${type(t)} ini tidak punya jawaban yang diterima \`- [x] …\``],
    [/^this (\S+) question lists no answers: write accepted ones as `- \[x\] …`$/, (t) => `pertanyaan ${type(t)} ini tidak mencantumkan jawaban: tulis jawaban yang diterima sebagai \`- [x] …\``],
  ],
  IR243: [[/^this answer is (\d+) characters; a fill-in answer may be at most (\d+)$/, (n, max) => `jawaban ini ${n} karakter; jawaban isian paling panjang ${max}`]],
  IR244: [
    [/^cannot read `(.*)` as a number or a range$/, (v) => `\`${v}\` tidak terbaca sebagai angka atau rentang`],
    [/^the range `(.*)` starts above its end$/, (v) => `rentang \`${v}\` berawal di atas akhirnya`],
  ],
  IR245: [
    [/^`\*` \(any other answer\) is marked correct$/, () => '`*` (jawaban lain apa pun) ditandai benar'],
    [/^a second `\*` item \(the first is line (\d+)\)$/, (l) => `butir \`*\` kedua (yang pertama di baris ${l})`],
  ],
  IR246: [
    [/^this pair has no `->` between its source and its target$/, () => 'pasangan ini tidak punya `->` di antara sumber dan sasarannya'],
    [/^this pair has no target after `->`$/, () => 'pasangan ini tidak punya sasaran sesudah `->`'],
  ],
  IR247: [
    [/^this matching question has (\d+) pairs?; it needs (\d+) to (\d+)$/, (n, a, b) => `pertanyaan menjodohkan ini punya ${n} pasangan; perlu ${a} sampai ${b}`],
    [/^this matching question has (\d+) targets; at most (\d+)$/, (n, max) => `pertanyaan menjodohkan ini punya ${n} sasaran; paling banyak ${max}`],
  ],
  IR248: [[/^this sequencing question has (\d+) steps?; it needs (\d+) to (\d+)$/, (n, a, b) => `pertanyaan mengurutkan ini punya ${n} langkah; perlu ${a} sampai ${b}`]],
  IR249: [
    [/^this outcome feedback has no text$/, () => 'umpan balik hasil ini tidak bertulisan'],
    [/^a second `> \[(x| )\]` outcome feedback \(the first is line (\d+)\)$/, (m, l) => `umpan balik hasil \`> [${m}]\` kedua (yang pertama di baris ${l})`],
    [/^`\[(.*)\]` is not an outcome marker$/s, (m) => `\`[${m}]\` bukan penanda umpan balik hasil`],
    [/^text after the outcome feedback$/, () => 'ada teks sesudah umpan balik hasil'],
  ],
  IR250: [
    [/^this line is not a pair of the matching question$/, () => 'baris ini bukan pasangan pertanyaan menjodohkan'],
    [/^a matching pair takes no `\[ \]` marker$/, () => 'pasangan menjodohkan tidak memakai penanda `[ ]`'],
    [/^this step has no text$/, () => 'langkah ini tidak bertulisan'],
    [/^this line is not a step of the sequencing question$/, () => 'baris ini bukan langkah pertanyaan mengurutkan'],
  ],
  IR252: [
    [/^this line is not an item of the survey$/, () => 'baris ini bukan butir survei'],
    [/^this survey item has no text$/, () => 'butir survei ini tidak bertulisan'],
    [/^this survey has no items$/, () => 'survei ini tidak punya butir'],
  ],
  IR253: [[/^this survey item has no dimension$/, () => 'butir survei ini tidak punya dimensi']],
  IR254: [[/^scale must be a whole number from (\d+) to (\d+), not `(.*)`$/, (a, b, v) => `scale harus bilangan bulat ${a} sampai ${b}, bukan \`${v}\``]],
  IR255: [[/^phase must be `pre` or `post`, not `(.*)`$/, (v) => `phase harus \`pre\` atau \`post\`, bukan \`${v}\``]],
  IR256: [
    [/^a pool holds only `::: question` blocks; this text is outside any$/, () => 'bank soal hanya berisi blok `::: question`; teks ini di luar blok mana pun'],
    [/^`::: (.*)` cannot be used in a pool$/, (n) => `\`::: ${n}\` tidak dapat dipakai dalam bank soal`],
    [/^(.*) has no questions$/, (f) => `${f} tidak punya soal`],
  ],
  IR257: [[/^a pool question needs its own `#id`$/, () => 'soal dalam bank soal memerlukan `#id` sendiri']],
  IR258: [
    [/^`(.*)` applies only to a final test; a pre-test is taken once, ungraded$/, (k) => `\`${k}\` hanya berlaku untuk tes akhir; pra-tes dikerjakan sekali, tanpa nilai lulus`],
    [/^`::: (.*)` cannot be used in a test$/, (n) => `\`::: ${n}\` tidak dapat dipakai dalam tes`],
  ],
  IR259: [[/^pool `(.*)` does not exist$/, (p) => `bank soal \`${p}\` tidak ada`]],
  IR260: [
    [/^this test draws (\d+) questions per attempt, but pool `(.*)` has (\d+)$/, (n, p, m) => `tes ini mengundi ${n} soal per percobaan, tetapi bank soal \`${p}\` hanya berisi ${m}`],
    [/^this test draws (\d+) questions per dimension, but pool `(.*)` has (\d+) with dimension `(.*)`$/, (n, p, m, d) => `tes ini mengundi ${n} soal per dimensi, tetapi bank soal \`${p}\` hanya berisi ${m} soal berdimensi \`${d}\``],
    [/^this test draws (\d+) questions per dimension, but pool `(.*)` has (\d+) with no dimension$/, (n, p, m) => `tes ini mengundi ${n} soal per dimensi, tetapi bank soal \`${p}\` hanya berisi ${m} soal tanpa dimensi`],
  ],
  IR261: [
    [/^`scoring: final-test` needs exactly one final test; the course has (\d+): (.*)$/, (n, files) => `\`scoring: final-test\` memerlukan tepat satu tes akhir; kursus ini punya ${n}: ${files}`],
    [/^`scoring: final-test` needs a final test, and the course has none$/, () => '`scoring: final-test` memerlukan tes akhir, dan kursus ini tidak punya'],
  ],
  IR262: [[/^no test draws from pool `(.*)`$/, (p) => `tidak ada tes yang mengundi soal dari bank soal \`${p}\``]],
  IR263: [[/^this final test has no pass mark$/, () => 'tes akhir ini tidak punya nilai lulus']],
};

export const ASSESS_HINTS: Rule[] = [
  [/^Write a number \(`30`, `2,5` or `2\.5`, no thousands separator\) or an inclusive range `25\.\.35`\.$/, () => 'Tulis bilangan (`30`, `2,5`, atau `2.5`, tanpa pemisah ribuan) atau rentang inklusif `25..35`.'],
  [/^Write the smaller value first: `25\.\.35`\.$/, () => 'Tulis nilai yang lebih kecil lebih dulu: `25..35`.'],
  [/^Write the catch-all as `- \[ \] \*`: any answer not listed is wrong\.$/, () => 'Tulis butir "lainnya" sebagai `- [ ] *`: jawaban apa pun yang tidak tercantum salah.'],
  [/^Write `- source -> target`, or `- -> target` for a target that matches no source\.$/, () => 'Tulis `- sumber -> sasaran`, atau `- -> sasaran` untuk sasaran yang tidak berpasangan dengan sumber mana pun.'],
  [/^Write one `> \[x\]` \(shown when the answer is right\) and one `> \[ \]` \(shown when it is wrong\)\.$/, () => 'Tulis satu `> [x]` (tampil jika jawaban benar) dan satu `> [ ]` (tampil jika salah).'],
  [/^Write `> \[x\]` for the feedback shown when the answer is right, `> \[ \]` for when it is wrong\.$/, () => 'Tulis `> [x]` untuk umpan balik yang tampil jika jawaban benar, `> [ ]` jika salah.'],
  [/^Outcome feedback `> \[x\]` \/ `> \[ \]` comes last in the question, after the list\.$/, () => 'Umpan balik hasil `> [x]` / `> [ ]` ditulis paling akhir dalam pertanyaan, sesudah daftar.'],
  [/^A (matching|sequencing) question has outcome feedback only: `> \[x\] …` and `> \[ \] …` after the list\.$/, (t) => `Pertanyaan ${type(t)} hanya punya umpan balik hasil: \`> [x] …\` dan \`> [ ] …\` sesudah daftar.`],
  [/^Write each pair as `- source -> target`, and the prompt before the list\.$/, () => 'Tulis setiap pasangan sebagai `- sumber -> sasaran`, dan soalnya sebelum daftar.'],
  [/^Write `- source -> target`; the target given is the right one\.$/, () => 'Tulis `- sumber -> sasaran`; sasaran yang ditulis itulah yang benar.'],
  [/^Write the steps as an ordered list `1\. …`, `2\. …` in the correct order, and the prompt before it\.$/, () => 'Tulis langkah-langkahnya sebagai daftar bernomor `1. …`, `2. …` dalam urutan yang benar, dan soalnya sebelum daftar.'],
  [/^Add outcome feedback after the list: `> \[x\] …` \(right\) and `> \[ \] …` \(wrong\)\.$/, () => 'Tambahkan umpan balik hasil sesudah daftar: `> [x] …` (benar) dan `> [ ] …` (salah).'],
  [/^Write each statement as a list item `- statement \{#id dimension=…\}`, and the prompt before the list\.$/, () => 'Tulis setiap pernyataan sebagai butir daftar `- pernyataan {#id dimension=…}`, dan teks pengantarnya sebelum daftar.'],
  [/^List the statements as `- statement \{#id dimension=…\}` after the prompt\.$/, () => 'Daftarkan pernyataan sebagai `- pernyataan {#id dimension=…}` sesudah teks pengantar.'],
  [/^End the statement with `\{#id dimension=…\}`: the attitude shift is measured per dimension\.$/, () => 'Akhiri pernyataan dengan `{#id dimension=…}`: perubahan sikap diukur per dimensi.'],
  [/^Move explanations into the questions' prompts or feedback; a pool is never shown as a page\.$/, () => 'Pindahkan penjelasan ke soal atau umpan balik; bank soal tidak pernah ditampilkan sebagai halaman.'],
  [/^A pool holds only `::: question` blocks\.$/, () => 'Bank soal hanya berisi blok `::: question`.'],
  [/^Write `::: question \{#some-id dimension=…\}`: records name a drawn question by its id\.$/, () => 'Tulis `::: question {#suatu-id dimension=…}`: catatan menamai soal yang diundi dengan id-nya.'],
  [/^A test's questions come from its pool; its text is the introduction shown before the learner starts\.$/, () => 'Soal tes berasal dari bank soalnya; teks tes adalah pengantar yang tampil sebelum peserta mulai.'],
  [/^Pools here: (.*)\.$/, (p) => `Bank soal yang ada: ${p}.`],
  [/^Write the questions in a file pools\/<name>\.md with front matter `id: <name>`\.$/, () => 'Tulis soal-soalnya di berkas pools/<nama>.md dengan front matter `id: <nama>`.'],
  [/^Add a test with `role: final` to the outline, or write `scoring: all`\.$/, () => 'Tambahkan tes dengan `role: final` ke outline, atau tulis `scoring: all`.'],
  [/^Name it in a test's front matter \(`pool: (.*)`\), or remove the file\.$/, (p) => `Sebut bank soal ini di front matter sebuah tes (\`pool: ${p}\`), atau hapus berkasnya.`],
  [/^Give the test `passing_score: 80` in its front matter, or the course `passing_score` in course\.yml\.$/, () => 'Beri tes itu `passing_score: 80` di front matter-nya, atau beri kursus `passing_score` di course.yml.'],
  [/^Start the file with `---`, `title: …`, `role: final`, `pool: …`, `draw: …`, `---`\.$/, () => 'Awali berkas dengan `---`, `title: …`, `role: final`, `pool: …`, `draw: …`, `---`.'],
];

/** The names of the YAML documents messages mention. */
export const ASSESS_WHAT: Record<string, string> = { 'test front matter': 'front matter tes', 'pool front matter': 'front matter bank soal' };
