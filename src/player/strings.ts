/** The player's own words, per `course.uiLanguage`. Indonesian first. */
import type { UiLanguage } from '../shared/runtime-types';
import type { CourseStatus } from '../shared/scoring';

export interface Strings {
  skip: string;
  toc: string;
  progress: (pct: number) => string;
  prev: string;
  next: string;
  pager: string;
  results: string;
  stopOf: (i: number, n: number) => string;
  lesson: (n: number) => string;
  scenario: string;
  done: string;
  objectives: string;
  minutes: (n: number) => string;
  check: string;
  retry: string;
  pickFirst: string;
  pickOne: string;
  pickAll: string;
  correct: string;
  incorrect: string;
  firstCounts: string;
  youChose: string;
  whatDoYouDo: string;
  continue: string;
  playAgain: string;
  endingPass: string;
  endingFail: string;
  endingScore: (score: number) => string;
  earned: (earned: string, points: string) => string;
  replayNote: (earned: string, points: string) => string;
  score: string;
  of100: string;
  status: string;
  statuses: Record<CourseStatus, string>;
  passing: (p: number) => string;
  byDimension: string;
  dimension: string;
  remaining: string;
  readPages: string;
  answerQuestions: string;
  playScenarios: string;
  inPage: (title: string) => string;
  finished: string;
  notSaved: string;
  failing: string;
  resumed: (where: string) => string;
  decimal: string;
}

const id: Strings = {
  skip: 'Langsung ke konten',
  toc: 'Daftar isi',
  progress: (p) => `${p}% selesai`,
  prev: 'Sebelumnya',
  next: 'Berikutnya',
  pager: 'Navigasi halaman',
  results: 'Hasil',
  stopOf: (i, n) => `${i} dari ${n}`,
  lesson: (n) => `Pelajaran ${n}`,
  scenario: 'Skenario',
  done: 'selesai',
  objectives: 'Tujuan pembelajaran',
  minutes: (n) => `± ${n} menit`,
  check: 'Periksa jawaban',
  retry: 'Coba lagi',
  pickFirst: 'Pilih jawaban terlebih dahulu.',
  pickOne: 'Pilih satu jawaban.',
  pickAll: 'Pilih semua jawaban yang benar.',
  correct: 'Benar.',
  incorrect: 'Belum tepat.',
  firstCounts: 'Nilai dihitung dari jawaban pertama Anda. Silakan mencoba lagi untuk berlatih.',
  youChose: 'Pilihan Anda:',
  whatDoYouDo: 'Apa yang Anda lakukan?',
  continue: 'Lanjutkan',
  playAgain: 'Main lagi',
  endingPass: 'Skenario selesai: keputusan yang baik',
  endingFail: 'Skenario selesai: keputusan kurang tepat',
  endingScore: (s) => `Skor akhir skenario: ${s} dari 100.`,
  earned: (e, p) => `Anda memperoleh ${e} dari ${p} poin.`,
  replayNote: (e, p) => `Ini permainan ulang. Nilai tetap dari permainan pertama: ${e} dari ${p} poin.`,
  score: 'Nilai',
  of100: 'dari 100',
  status: 'Status',
  statuses: { incomplete: 'Belum selesai', completed: 'Selesai', passed: 'Lulus', failed: 'Belum lulus' },
  passing: (p) => `Nilai minimum kelulusan: ${p}`,
  byDimension: 'Nilai per dimensi',
  dimension: 'Dimensi',
  remaining: 'Yang masih perlu diselesaikan',
  readPages: 'Halaman yang belum dibaca',
  answerQuestions: 'Pertanyaan yang belum dijawab',
  playScenarios: 'Skenario yang belum dimainkan sampai akhir',
  inPage: (t) => `di halaman “${t}”`,
  finished: 'Anda telah menyelesaikan seluruh kursus. Terima kasih!',
  notSaved: 'Kursus ini dibuka tanpa LMS, sehingga progres Anda tidak disimpan.',
  failing: 'Progres Anda belum tersimpan di LMS. Kami akan mencoba lagi secara otomatis.',
  resumed: (w) => `Melanjutkan dari “${w}”.`,
  decimal: ',',
};

const en: Strings = {
  skip: 'Skip to content',
  toc: 'Contents',
  progress: (p) => `${p}% complete`,
  prev: 'Previous',
  next: 'Next',
  pager: 'Page navigation',
  results: 'Results',
  stopOf: (i, n) => `${i} of ${n}`,
  lesson: (n) => `Lesson ${n}`,
  scenario: 'Scenario',
  done: 'done',
  objectives: 'Learning objectives',
  minutes: (n) => `about ${n} min`,
  check: 'Check answer',
  retry: 'Try again',
  pickFirst: 'Choose an answer first.',
  pickOne: 'Choose one answer.',
  pickAll: 'Choose every correct answer.',
  correct: 'Correct.',
  incorrect: 'Not quite.',
  firstCounts: 'Your first answer is the one that counts for your score. Feel free to try again to practise.',
  youChose: 'You chose:',
  whatDoYouDo: 'What do you do?',
  continue: 'Continue',
  playAgain: 'Play again',
  endingPass: 'Scenario complete: a good outcome',
  endingFail: 'Scenario complete: a poor outcome',
  endingScore: (s) => `Scenario score: ${s} out of 100.`,
  earned: (e, p) => `You earned ${e} of ${p} points.`,
  replayNote: (e, p) => `This is a replay. Your score stays from the first play: ${e} of ${p} points.`,
  score: 'Score',
  of100: 'out of 100',
  status: 'Status',
  statuses: { incomplete: 'Not complete', completed: 'Completed', passed: 'Passed', failed: 'Not passed' },
  passing: (p) => `Passing score: ${p}`,
  byDimension: 'Score by dimension',
  dimension: 'Dimension',
  remaining: 'Still to do',
  readPages: 'Pages not read yet',
  answerQuestions: 'Questions not answered yet',
  playScenarios: 'Scenarios not played to an end yet',
  inPage: (t) => `on the page “${t}”`,
  finished: 'You have completed the whole course. Thank you!',
  notSaved: 'This course is open without an LMS, so your progress is not being saved.',
  failing: 'Your progress has not reached the LMS yet. It will be retried automatically.',
  resumed: (w) => `Continuing from “${w}”.`,
  decimal: '.',
};

export function stringsFor(lang: UiLanguage): Strings {
  return lang === 'en' ? en : id;
}
