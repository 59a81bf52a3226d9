/**
 * The player's own words, one table per UI language. The compiler embeds the
 * course's table (`RuntimeCourse.strings`, chosen by `uiLanguage`) in the
 * course data, so the player bundles no string tables and a new language
 * needs no player change: add a table here and a `UiLanguage`.
 *
 * Templates take positional arguments `{0}`, `{1}`, filled by `format`.
 * Every control's accessible name comes from here: changing a label changes
 * what screen readers announce and what the browser tests look for.
 */
import type { UiLanguage } from './runtime-types.js';

export interface UiStrings {
  skip: string;
  toc: string;
  /** {0}: percent complete. */
  progress: string;
  prev: string;
  next: string;
  pager: string;
  results: string;
  /** {0}: stop number, {1}: number of stops. */
  stopOf: string;
  /** {0}: lesson number. */
  lesson: string;
  scenario: string;
  done: string;
  objectives: string;
  /** {0}: minutes. */
  minutes: string;
  check: string;
  retry: string;
  /** A unit's content is on its way (it loads from the package when first needed). */
  loadingUnit: string;
  /** A unit's content file did not load. */
  loadFailed: string;
  pickFirst: string;
  pickOne: string;
  pickAll: string;
  correct: string;
  incorrect: string;
  firstCounts: string;
  /** Before the list of right choices a multiple-answer question's wrong answer left out. */
  missed: string;
  youChose: string;
  whatDoYouDo: string;
  continue: string;
  playAgain: string;
  endingPass: string;
  endingFail: string;
  /** {0}: the ending's score. */
  endingScore: string;
  /** {0}: points earned, {1}: points possible. */
  earned: string;
  /** {0}: points earned by the first play, {1}: points possible. */
  replayNote: string;
  score: string;
  of100: string;
  status: string;
  /** Course and dimension statuses, keyed by `CourseStatus`. */
  incomplete: string;
  completed: string;
  passed: string;
  failed: string;
  /** {0}: passing score. */
  passing: string;
  byDimension: string;
  dimension: string;
  remaining: string;
  readPages: string;
  answerQuestions: string;
  playScenarios: string;
  /** {0}: page title. */
  inPage: string;
  finished: string;
  /** A completed course below the passing score: heading, what it means, what to review, how to try again. */
  failedHead: string;
  failedWhy: string;
  /** {0}: the weakest dimensions, weakest first. */
  revisit: string;
  tryAgain: string;
  notSaved: string;
  /** What records progress, the object of `notSaved` and `failing`: the LMS (SCORM, cmi5) or the LRS (Tin Can). */
  scorm12: string;
  xapi: string;
  /** {0}: what records progress (`scorm12` / `xapi` above), {1}: how many items wait to be sent. */
  failing: string;
  /** Leaves the course for the LMS page it was launched from (cmi5 `returnURL`). */
  exit: string;
  /** {0}: title of the stop the learner resumes at. */
  resumed: string;
  /** `resumed` when the course was updated since the progress was saved and what still applies was kept; {0} as there. */
  updated: string;
  /** The course was updated and none of the saved progress could be read: it starts afresh. */
  lost: string;
  /** Decimal separator for fractional points. */
  decimal: string;
}

const id: UiStrings = {
  skip: 'Langsung ke konten',
  toc: 'Daftar isi',
  progress: '{0}% selesai',
  prev: 'Sebelumnya',
  next: 'Berikutnya',
  pager: 'Navigasi halaman',
  results: 'Hasil',
  stopOf: '{0} dari {1}',
  lesson: 'Pelajaran {0}',
  scenario: 'Skenario',
  done: 'selesai',
  objectives: 'Tujuan pembelajaran',
  minutes: '± {0} menit',
  check: 'Periksa jawaban',
  retry: 'Coba lagi',
  loadingUnit: 'Memuat…',
  loadFailed: 'Bagian ini belum dapat dimuat. Periksa sambungan Anda, lalu coba lagi.',
  pickFirst: 'Pilih jawaban terlebih dahulu.',
  pickOne: 'Pilih satu jawaban.',
  pickAll: 'Pilih semua jawaban yang benar.',
  correct: 'Benar.',
  incorrect: 'Belum tepat.',
  firstCounts: 'Nilai dihitung dari jawaban pertama Anda. Silakan mencoba lagi untuk berlatih.',
  missed: 'Jawaban benar yang belum Anda pilih:',
  youChose: 'Pilihan Anda:',
  whatDoYouDo: 'Apa yang Anda lakukan?',
  continue: 'Lanjutkan',
  playAgain: 'Main lagi',
  endingPass: 'Skenario selesai: keputusan yang baik',
  endingFail: 'Skenario selesai: keputusan kurang tepat',
  endingScore: 'Skor akhir skenario: {0} dari 100.',
  earned: 'Anda memperoleh {0} dari {1} poin.',
  replayNote: 'Ini permainan ulang. Nilai tetap dari permainan pertama: {0} dari {1} poin.',
  score: 'Nilai',
  of100: 'dari 100',
  status: 'Status',
  incomplete: 'Belum selesai',
  completed: 'Selesai',
  passed: 'Lulus',
  failed: 'Belum lulus',
  passing: 'Nilai minimum kelulusan: {0}',
  byDimension: 'Nilai per dimensi',
  dimension: 'Dimensi',
  remaining: 'Yang masih perlu diselesaikan',
  readPages: 'Halaman yang belum dibaca',
  answerQuestions: 'Pertanyaan yang belum dijawab',
  playScenarios: 'Skenario yang belum dimainkan sampai akhir',
  inPage: 'di halaman “{0}”',
  finished: 'Anda telah menyelesaikan seluruh kursus. Terima kasih!',
  failedHead: 'Apa artinya, dan apa langkah Anda berikutnya',
  failedWhy: 'Anda sudah menyelesaikan seluruh kursus, tetapi nilai Anda belum mencapai nilai minimum kelulusan. Nilai ini sudah tercatat dan tidak berubah jika Anda menjawab ulang di sini: yang dihitung adalah jawaban pertama.',
  revisit: 'Pelajari kembali pelajaran dan skenario tentang dimensi dengan nilai terendah: {0}.',
  tryAgain: 'Untuk memperbaiki nilai, mulailah percobaan baru di LMS: tutup kursus ini, lalu buka lagi dari halaman kegiatannya; jika LMS menawarkan untuk memulai percobaan baru, pilihlah itu. Jika tidak ada kesempatan lagi, hubungi pengelola kursus Anda.',
  notSaved: 'Kursus ini dibuka tanpa terhubung ke {0}, sehingga progres Anda tidak disimpan.',
  scorm12: 'LMS',
  xapi: 'server pencatatan (LRS)',
  failing: 'Progres Anda belum tersimpan di {0}. Kami akan mencoba lagi secara otomatis. Menunggu dikirim: {1}.',
  exit: 'Keluar',
  resumed: 'Melanjutkan dari “{0}”.',
  updated: 'Kursus ini telah diperbarui. Progres Anda yang masih berlaku tetap tersimpan; melanjutkan dari “{0}”.',
  lost: 'Kursus ini telah diperbarui, dan progres Anda sebelumnya tidak dapat dipakai pada versi ini.',
  decimal: ',',
};

const en: UiStrings = {
  skip: 'Skip to content',
  toc: 'Contents',
  progress: '{0}% complete',
  prev: 'Previous',
  next: 'Next',
  pager: 'Page navigation',
  results: 'Results',
  stopOf: '{0} of {1}',
  lesson: 'Lesson {0}',
  scenario: 'Scenario',
  done: 'done',
  objectives: 'Learning objectives',
  minutes: 'about {0} min',
  check: 'Check answer',
  retry: 'Try again',
  loadingUnit: 'Loading…',
  loadFailed: 'This part could not be loaded. Check your connection, then try again.',
  pickFirst: 'Choose an answer first.',
  pickOne: 'Choose one answer.',
  pickAll: 'Choose every correct answer.',
  correct: 'Correct.',
  incorrect: 'Not quite.',
  firstCounts: 'Your first answer is the one that counts for your score. Feel free to try again to practise.',
  missed: 'Right answers you did not choose:',
  youChose: 'You chose:',
  whatDoYouDo: 'What do you do?',
  continue: 'Continue',
  playAgain: 'Play again',
  endingPass: 'Scenario complete: a good outcome',
  endingFail: 'Scenario complete: a poor outcome',
  endingScore: 'Scenario score: {0} out of 100.',
  earned: 'You earned {0} of {1} points.',
  replayNote: 'This is a replay. Your score stays from the first play: {0} of {1} points.',
  score: 'Score',
  of100: 'out of 100',
  status: 'Status',
  incomplete: 'Not complete',
  completed: 'Completed',
  passed: 'Passed',
  failed: 'Not passed',
  passing: 'Passing score: {0}',
  byDimension: 'Score by dimension',
  dimension: 'Dimension',
  remaining: 'Still to do',
  readPages: 'Pages not read yet',
  answerQuestions: 'Questions not answered yet',
  playScenarios: 'Scenarios not played to an end yet',
  inPage: 'on the page “{0}”',
  finished: 'You have completed the whole course. Thank you!',
  failedHead: 'What this means, and what to do next',
  failedWhy: 'You have completed the whole course, but your score is below the passing score. It is recorded, and answering again here does not change it: your first answers are the ones that count.',
  revisit: 'Review the lessons and scenarios about your weakest dimensions: {0}.',
  tryAgain: 'To improve your score, start a new attempt in your LMS: close this course and open it again from its activity page; if the LMS offers to start a new attempt, choose it. If no attempts are left, contact your course administrator.',
  notSaved: 'This course is not connected to the {0}, so your progress is not being saved.',
  scorm12: 'LMS',
  xapi: 'learning record store (LRS)',
  failing: 'Your progress has not reached the {0} yet. It will be retried automatically. Waiting to be sent: {1}.',
  exit: 'Exit',
  resumed: 'Continuing from “{0}”.',
  updated: 'This course has been updated. Your progress that still applies is kept; continuing from “{0}”.',
  lost: 'This course has been updated, and your earlier progress cannot be used in this version.',
  decimal: '.',
};

export const UI_STRINGS: Record<UiLanguage, UiStrings> = { id, en };

export function uiStrings(lang: UiLanguage): UiStrings {
  return { ...(UI_STRINGS[lang] || id) };
}

/** Fills a template's `{0}`, `{1}` … with the arguments. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(args[+i]));
}

/** At most `max` characters, cut at a word boundary where there is one, with an ellipsis (activity names, the player's lists). */
export function shorten(text: string, max = 100): string {
  return text.length > max ? text.slice(0, max).replace(/\s+\S*$/, '') + '…' : text;
}

/**
 * Issue 12: the words of typed questions, surveys and tests, and of what the
 * results screen says of them. Tables of their own, bundled in
 * player-assess.js and player-results.js (both loaded only when needed), so
 * that no course.js carries them and the first page stays as light as it was.
 * Plain object literals (no spread): a bundle that does not use them drops them.
 */
export interface GainStrings {
  /** Test roles. */
  pre: string;
  final: string;
  /** Results screen: pre/post gain and attitude shift. */
  gainHead: string;
  gain: string;
  shiftHead: string;
  shiftNote: string;
  shift: string;
  /** Results screen, what is left to do. */
  takeTests: string;
  answerSurveys: string;
}

export interface AssessStrings {
  /** Visible label of a fill-in or numeric answer box. */
  yourAnswer: string;
  /** Under a numeric box: how to write a number. */
  numberHint: string;
  notNumber: string;
  answerFirst: string;
  /** Matching: the first, empty option of each list. */
  choose: string;
  matchHint: string;
  sequenceHint: string;
  /** Sequencing buttons: visible labels; their names add the step, `{0}`. */
  up: string;
  down: string;
  upName: string;
  downName: string;
  /** Live message after a move: {0} step, {1} new position, {2} number of steps. */
  moved: string;
  /** Likert labels per scale length, low to high; a scale without its own list uses `likertLow`…`likertHigh` with numbers. */
  likert: Record<string, string[]>;
  likertLow: string;
  likertHigh: string;
  send: string;
  surveyThanks: string;
  surveyAll: string;
  /** {0}: questions per attempt. */
  questions: string;
  /** {0}: attempts allowed. */
  attemptsAllowed: string;
  preNote: string;
  start: string;
  /** {0}: question number, {1}: number of questions. */
  questionOf: string;
  submit: string;
  /** {0}: unanswered questions. */
  unanswered: string;
  submitAnyway: string;
  keepAnswering: string;
  /** {0}: attempt number, {1}: attempts allowed. */
  attemptOf: string;
  preDone: string;
  retake: string;
  /** {0}: attempts left. */
  attemptsLeft: string;
  noAttempts: string;
  review: string;
  noAnswer: string;
  otherAnswer: string;
  /** The dimension column of a test's questions that have none. */
  untagged: string;
}

const gainId: GainStrings = {
  pre: 'Tes awal',
  final: 'Tes akhir',
  gainHead: 'Kemajuan Anda: tes awal dan tes akhir',
  gain: 'Peningkatan',
  shiftHead: 'Perubahan sikap Anda',
  shiftNote: 'Selisih rata-rata jawaban survei akhir dan survei awal, pada skala setuju–tidak setuju.',
  shift: 'Perubahan',
  takeTests: 'Tes yang belum selesai',
  answerSurveys: 'Survei yang belum diisi',
};

const assessId: AssessStrings = {
  yourAnswer: 'Jawaban Anda',
  numberHint: 'Tulis sebuah angka, misalnya 2,5.',
  notNumber: 'Tulis jawaban berupa angka, misalnya 2,5.',
  answerFirst: 'Jawab terlebih dahulu.',
  choose: '— Pilih —',
  matchHint: 'Pasangkan setiap pernyataan dengan pilihan yang sesuai.',
  sequenceHint: 'Susun langkah-langkah ke urutan yang benar dengan tombol Naik dan Turun.',
  up: 'Naik',
  down: 'Turun',
  upName: 'Naik: {0}',
  downName: 'Turun: {0}',
  moved: '“{0}” sekarang di urutan {1} dari {2}.',
  likert: {
    4: ['Sangat tidak setuju', 'Tidak setuju', 'Setuju', 'Sangat setuju'],
    5: ['Sangat tidak setuju', 'Tidak setuju', 'Netral', 'Setuju', 'Sangat setuju'],
    6: ['Sangat tidak setuju', 'Tidak setuju', 'Agak tidak setuju', 'Agak setuju', 'Setuju', 'Sangat setuju'],
    7: ['Sangat tidak setuju', 'Tidak setuju', 'Agak tidak setuju', 'Netral', 'Agak setuju', 'Setuju', 'Sangat setuju'],
  },
  likertLow: 'sangat tidak setuju',
  likertHigh: 'sangat setuju',
  send: 'Kirim jawaban',
  surveyThanks: 'Terima kasih. Jawaban Anda sudah tercatat; tidak ada jawaban benar atau salah.',
  surveyAll: 'Pilih satu jawaban untuk setiap pernyataan.',
  questions: '{0} soal, diambil acak dari bank soal.',
  attemptsAllowed: 'Kesempatan mengerjakan: {0} kali.',
  preNote: 'Tes awal tidak dinilai: hasilnya menjadi titik awal untuk melihat kemajuan Anda.',
  start: 'Mulai tes',
  questionOf: 'Soal {0} dari {1}',
  submit: 'Kumpulkan jawaban',
  unanswered: 'Masih ada {0} soal yang belum dijawab. Soal yang tidak dijawab dihitung salah.',
  submitAnyway: 'Tetap kumpulkan',
  keepAnswering: 'Kembali menjawab',
  attemptOf: 'Percobaan {0} dari {1}',
  preDone: 'Tes awal selesai. Hasil ini menjadi titik awal Anda.',
  retake: 'Ulangi tes',
  attemptsLeft: 'Sisa kesempatan: {0}.',
  noAttempts: 'Kesempatan mengerjakan tes ini sudah habis.',
  review: 'Pembahasan',
  noAnswer: 'Tidak dijawab',
  otherAnswer: 'Jawaban lain',
  untagged: 'Tanpa dimensi',
};

const gainEn: GainStrings = {
  pre: 'Pre-test',
  final: 'Final test',
  gainHead: 'Your progress: pre-test and final test',
  gain: 'Gain',
  shiftHead: 'How your attitudes moved',
  shiftNote: 'The difference between the mean answers of the final and the first survey, on the disagree–agree scale.',
  shift: 'Change',
  takeTests: 'Tests not done yet',
  answerSurveys: 'Surveys not answered yet',
};

const assessEn: AssessStrings = {
  yourAnswer: 'Your answer',
  numberHint: 'Write a number, e.g. 2.5.',
  notNumber: 'Write your answer as a number, e.g. 2.5.',
  answerFirst: 'Answer first.',
  choose: '— Choose —',
  matchHint: 'Match each statement with the right option.',
  sequenceHint: 'Put the steps in the right order with the Up and Down buttons.',
  up: 'Up',
  down: 'Down',
  upName: 'Up: {0}',
  downName: 'Down: {0}',
  moved: '“{0}” is now in position {1} of {2}.',
  likert: {
    4: ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree'],
    5: ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'],
    6: ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Somewhat agree', 'Agree', 'Strongly agree'],
    7: ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neutral', 'Somewhat agree', 'Agree', 'Strongly agree'],
  },
  likertLow: 'strongly disagree',
  likertHigh: 'strongly agree',
  send: 'Send answers',
  surveyThanks: 'Thank you. Your answers are recorded; there are no right or wrong answers.',
  surveyAll: 'Choose one answer for every statement.',
  questions: '{0} questions, drawn at random from a question bank.',
  attemptsAllowed: 'Attempts allowed: {0}.',
  preNote: 'The pre-test is not graded: its result is the starting point against which your progress is measured.',
  start: 'Start the test',
  questionOf: 'Question {0} of {1}',
  submit: 'Submit answers',
  unanswered: '{0} questions are not answered yet. A question left unanswered counts as wrong.',
  submitAnyway: 'Submit anyway',
  keepAnswering: 'Keep answering',
  attemptOf: 'Attempt {0} of {1}',
  preDone: 'Pre-test done. This result is your starting point.',
  retake: 'Retake the test',
  attemptsLeft: 'Attempts left: {0}.',
  noAttempts: 'No attempts are left for this test.',
  review: 'Review',
  noAnswer: 'Not answered',
  otherAnswer: 'Another answer',
  untagged: 'No dimension',
};

export const ASSESS_STRINGS: Record<UiLanguage, AssessStrings> = { id: assessId, en: assessEn };

/** A Likert scale's labels, low to high: its own list, or numbers with the two ends named (the survey's radios, and its xAPI `scale`). */
export function likertLabels(a: AssessStrings, scale: number): string[] {
  return a.likert[scale] || Array.from({ length: scale }, (_, i) => String(i + 1) + (i === 0 ? ` (${a.likertLow})` : i === scale - 1 ? ` (${a.likertHigh})` : ''));
}
/** What the results screen needs of them, alone, so that player-results.js stays small. */
export const GAIN_STRINGS: Record<UiLanguage, GainStrings> = { id: gainId, en: gainEn };
