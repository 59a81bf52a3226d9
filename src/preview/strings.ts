/**
 * The preview page's own words (templates/preview/host.html, src/preview/host/), in the course's UI
 * language as the player uses it (`RuntimeCourse.uiLanguage`): an Indonesian
 * course is previewed in Indonesian, an English one in English. The server
 * hands both tables to the page in its config; every build says which one
 * applies, so a change of `language` in course.yml switches the page.
 *
 * Names of what an LMS or LRS stores (`cmi.core.*`, verbs, `registration`,
 * API calls, JSON) stay as the standards write them: they are what an author
 * looks up. Templates take `{0}`, `{1}`.
 */
import type { UiLanguage } from '../shared/runtime-types.js';

export interface PreviewStrings {
  docTitle: string;
  preview: string;
  building: string;
  starting: string;
  relaunch: string;
  relaunchTitle: string;
  reset: string;
  resetTitle: string;
  download: string;
  downloadTitle: string;
  course: string;
  frameNote: string;
  frameWidth: string;
  desktop: string;
  tablet: string;
  phone: string;
  buildingCourse: string;
  notBuilding: string;
  problemsFoot: string;
  recorded: string;
  noCourse: string;
  /** {0}: milliseconds, {1}: clock time. */
  builtIn: string;
  /** Counts, singular and plural ({0}: the number). */
  errorOne: string;
  errorMany: string;
  warningOne: string;
  warningMany: string;
  /** A diagnostic's severity label, keyed by severity. */
  error: string;
  warning: string;
  hint: string;
  lastGood: string;
  /** {0}: "N warnings". */
  warningsSummary: string;
  lmsHead: string;
  lmsNote: string;
  lmsNote2004: string;
  learner: string;
  /** {0}: min, {1}: max. */
  scoreRange: string;
  /** {0}: the limit of cmi.suspend_data. */
  ofSuspend: string;
  lastCommit: string;
  lastCommit2004: string;
  noResult: string;
  noInteractions: string;
  noObjectives: string;
  apiCalls: string;
  lrsHead: string;
  lrsNote: string;
  cmi5Note: string;
  newestFirst: string;
  launch: string;
  statements: string;
  noStatements: string;
  stateLocation: string;
  stateSaved: string;
  disconnected: string;
}

const id: PreviewStrings = {
  docTitle: 'Pratinjau · integrity-ranger',
  preview: 'pratinjau',
  building: 'Membangun…',
  starting: 'Memulai…',
  relaunch: 'Buka ulang',
  relaunchTitle: 'Tutup kursus (LMSFinish / terminated) lalu buka lagi, seperti peserta yang kembali',
  reset: 'Atur ulang peserta',
  resetTitle: 'Lupakan semua yang tercatat untuk peserta dan mulai kursus dari awal',
  download: 'Unduh',
  downloadTitle: 'Paket seperti yang dibangun saat ini',
  course: 'Kursus',
  frameNote: 'Kursus berjalan seperti di LMS nanti: berkas yang sama, pemutar yang sama.',
  frameWidth: 'Lebar bingkai',
  desktop: 'Desktop',
  tablet: 'Tablet',
  phone: 'Ponsel',
  buildingCourse: 'Membangun kursus…',
  notBuilding: 'Kursus tidak dapat dibangun',
  problemsFoot: 'Perbaiki berkasnya lalu simpan: pratinjau membangun ulang dan memuat ulang sendiri. Posisi peserta tetap disimpan.',
  recorded: 'Yang tercatat',
  noCourse: 'Belum ada kursus',
  builtIn: 'Dibangun dalam {0} ms · {1}',
  errorOne: '{0} kesalahan',
  errorMany: '{0} kesalahan',
  warningOne: '{0} peringatan',
  warningMany: '{0} peringatan',
  error: 'kesalahan',
  warning: 'peringatan',
  hint: 'saran',
  lastGood: 'kursus di bawah ini adalah versi terakhir yang berhasil dibangun',
  warningsSummary: '{0}: kursus tetap dibangun, tetapi periksalah',
  lmsHead: 'Dicatat oleh LMS',
  lmsNote: 'Run-time SCORM 1.2 (scorm-again) · disimpan di tab ini, pada LMSCommit dan LMSFinish',
  lmsNote2004: 'Run-time SCORM 2004 edisi ke-4 (scorm-again) · disimpan di tab ini, pada Commit dan Terminate',
  learner: 'Peserta',
  scoreRange: ' dari {0}–{1}',
  ofSuspend: ' / {0} karakter',
  lastCommit: 'LMSCommit terakhir',
  lastCommit2004: 'Commit terakhir',
  noResult: 'tanpa hasil',
  noInteractions: 'Belum ada interaksi: jawab pertanyaan atau tentukan pilihan dalam skenario.',
  noObjectives: 'Belum ada objective: setiap dimensi integritas muncul setelah kursus melaporkannya.',
  apiCalls: 'Panggilan API',
  lrsHead: 'Diterima oleh LRS',
  lrsNote: 'xAPI 1.0.3 · LRS di memori pada ',
  cmi5Note: 'cmi5 · pratinjau berperan sebagai LMS (launch URL, token fetch, LMS.LaunchData, launched) · LRS di memori pada ',
  newestFirst: ' · terbaru di atas',
  launch: 'Peluncuran',
  statements: 'Statement',
  noStatements: 'Belum ada statement.',
  stateLocation: 'State: lokasi',
  stateSaved: 'State: disimpan',
  disconnected: 'Tidak terhubung ke server pratinjau',
};

const en: PreviewStrings = {
  docTitle: 'Preview · integrity-ranger',
  preview: 'preview',
  building: 'Building…',
  starting: 'Starting…',
  relaunch: 'Relaunch',
  relaunchTitle: 'Close the course (LMSFinish / terminated) and open it again, as a learner coming back would',
  reset: 'Reset learner',
  resetTitle: 'Forget everything recorded for the learner and start the course afresh',
  download: 'Download',
  downloadTitle: 'The package as built now',
  course: 'Course',
  frameNote: 'The course runs as it will in the LMS: same files, same player.',
  frameWidth: 'Frame width',
  desktop: 'Desktop',
  tablet: 'Tablet',
  phone: 'Phone',
  buildingCourse: 'Building the course…',
  notBuilding: 'The course does not build',
  problemsFoot: "Fix the file and save it: the preview rebuilds and reloads by itself. The learner's place is kept.",
  recorded: 'What is recorded',
  noCourse: 'No course yet',
  builtIn: 'Built in {0} ms · {1}',
  errorOne: '{0} error',
  errorMany: '{0} errors',
  warningOne: '{0} warning',
  warningMany: '{0} warnings',
  error: 'error',
  warning: 'warning',
  hint: 'hint',
  lastGood: 'the course below is the last version that built',
  warningsSummary: '{0} — the course builds, but look at these',
  lmsHead: 'Recorded by the LMS',
  lmsNote: 'SCORM 1.2 run-time (scorm-again) · kept in this tab, saved on LMSCommit and LMSFinish',
  lmsNote2004: 'SCORM 2004 4th Edition run-time (scorm-again) · kept in this tab, saved on Commit and Terminate',
  learner: 'Learner',
  scoreRange: ' of {0}–{1}',
  ofSuspend: ' / {0} characters',
  lastCommit: 'last LMSCommit',
  lastCommit2004: 'last Commit',
  noResult: 'no result',
  noInteractions: 'No interactions yet: answer a question or make a scenario choice.',
  noObjectives: 'No objectives yet: each integrity dimension appears once the course reports it.',
  apiCalls: 'API calls',
  lrsHead: 'Received by the LRS',
  lrsNote: 'xAPI 1.0.3 · in-memory LRS at ',
  cmi5Note: 'cmi5 · the preview is the LMS (launch URL, fetch token, LMS.LaunchData, launched) · in-memory LRS at ',
  newestFirst: ' · newest first',
  launch: 'Launch',
  statements: 'Statements',
  noStatements: 'No statements yet.',
  stateLocation: 'State: location',
  stateSaved: 'State: saved',
  disconnected: 'Not connected to the preview server',
};

export const PREVIEW_STRINGS: Record<UiLanguage, PreviewStrings> = { id, en };
