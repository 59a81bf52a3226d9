/**
 * The command line's own words, in English and Indonesian. Which one: the
 * `--lang` flag, else the environment (LC_ALL, LC_MESSAGES, LANG, in POSIX
 * order of precedence; on Windows, which sets none of them, the system
 * locale), else English. Codes, severities (`error`, `warning`) and JSON keys
 * stay the same in every language, so CI logs, editors' problem matchers and
 * searches work whatever the author reads.
 */
export const MESSAGE_LANGUAGES = ['en', 'id'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** The language asked for with `--lang X` or `--lang=X`, if any (unchecked). */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

export function messageLanguage(flag: string | undefined, env: NodeJS.ProcessEnv, systemLocale?: string): MessageLanguage {
  if (flag === 'id' || flag === 'en') return flag;
  // POSIX: the first of these that is set and not empty decides.
  const posix = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  const tag = posix ?? systemLocale ?? '';
  return /^id([_.@-]|$)/i.test(tag) ? 'id' : 'en';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface CliText {
  counts(errors: number, warnings: number): string;
  buildFailed(counts: string): string;
  checkFailed(counts: string): string;
  built(what: string, counts: string): string;
  checked(what: string, counts: string): string;
  checkedPackage(path: string, kinds: string, files: number, size: string, counts: string): string;
  /** A video or audio file and its size, then all of them (build and check ZIP). */
  mediaFile(path: string, size: string): string;
  mediaTotal(size: string, n: number): string;
  hint: string;
  wrote(n: number, dir: string): string;
  next(dir: string): string;
  watching(dir: string): string;
  rebuiltIn(first: boolean, ms: number, changed: string, files: string, counts: string): string;
  buildFailedIn(ms: number, changed: string, counts: string): string;
  andMore(n: number): string;
  previewOf(dir: string, target: string, url: string): string;
  previewWatching: string;
  previewBuilt(first: boolean, ms: number): string;
  previewFailed: string;
  pageShowsProblems: string;
  notAFolder(dir: string): string;
  /** Commander's usage errors, which it writes in English, said again in this language. */
  usage(message: string): string;
  runWithHelp: string;
  targetsNone: string;
  targetLater(name: string, available: string): string;
  targetUnknown(name: string, available: string): string;
  epochBad(raw: string): string;
  portBad(raw: string): string;
  langBad(allowed: string, raw: string): string;
}

export const CLI_TEXT: Record<MessageLanguage, CliText> = {
  en: {
    counts: (e, w) => `${plural(e, 'error', 'errors')}, ${plural(w, 'warning', 'warnings')}`,
    buildFailed: (c) => `build failed: ${c}; nothing was written`,
    checkFailed: (c) => `check failed: ${c}`,
    built: (what, c) => `built ${what}: ${c}`,
    checked: (what, c) => `checked ${what}: ${c}`,
    checkedPackage: (p, k, f, size, c) => `checked ${p} (${k}, ${f} files, ${size}): ${c}`,
    mediaFile: (p, size) => `media ${p}  ${size}`,
    mediaTotal: (size, n) => `media total ${size} in ${plural(n, 'file', 'files')}`,
    hint: 'hint',
    wrote: (n, dir) => `wrote ${n} files into ${dir}:`,
    next: (dir) => `next: integrity-ranger build ${dir}`,
    watching: (dir) => `watching ${dir} for changes (Ctrl-C to stop)`,
    rebuiltIn: (first, ms, ch, files, c) => `${first ? 'built' : 'rebuilt'} in ${ms} ms${ch}: ${files}: ${c}`,
    buildFailedIn: (ms, ch, c) => `build failed in ${ms} ms${ch}: ${c}; the previous packages were left as they were`,
    andMore: (n) => ` and ${n} more`,
    previewOf: (dir, t, url) => `preview of ${dir} (${t}): ${url}`,
    previewWatching: 'watching for changes (Ctrl-C to stop)',
    previewBuilt: (first, ms) => `${first ? 'built' : 'rebuilt'} in ${ms} ms`,
    previewFailed: 'build failed',
    pageShowsProblems: '; the page shows the problems',
    notAFolder: (dir) => `${dir} is not a folder`,
    usage: (m) => m,
    runWithHelp: '(run with --help for usage)',
    targetsNone: '--target needs at least one target',
    targetLater: (n, a) => `target \`${n}\` is planned but not available yet; use ${a}`,
    targetUnknown: (n, a) => `unknown target \`${n}\`; targets are ${a}`,
    epochBad: (raw) => `SOURCE_DATE_EPOCH must be whole seconds since 1970, not \`${raw}\``,
    portBad: (raw) => `--port must be a number from 0 to 65535, not \`${raw}\``,
    langBad: (allowed, raw) => `--lang must be one of ${allowed}, not \`${raw}\``,
  },
  id: {
    counts: (e, w) => `${e} kesalahan, ${w} peringatan`,
    buildFailed: (c) => `build gagal: ${c}; tidak ada berkas yang ditulis`,
    checkFailed: (c) => `pemeriksaan gagal: ${c}`,
    built: (what, c) => `selesai membangun ${what}: ${c}`,
    checked: (what, c) => `selesai memeriksa ${what}: ${c}`,
    checkedPackage: (p, k, f, size, c) => `selesai memeriksa ${p} (${k}, ${f} berkas, ${size}): ${c}`,
    mediaFile: (p, size) => `media ${p}  ${size}`,
    mediaTotal: (size, n) => `total media ${size} dalam ${n} berkas`,
    hint: 'saran',
    wrote: (n, dir) => `${n} berkas ditulis ke ${dir}:`,
    next: (dir) => `berikutnya: integrity-ranger build ${dir}`,
    watching: (dir) => `memantau perubahan di ${dir} (Ctrl-C untuk berhenti)`,
    rebuiltIn: (first, ms, ch, files, c) => `${first ? 'dibangun' : 'dibangun ulang'} dalam ${ms} ms${ch}: ${files}: ${c}`,
    buildFailedIn: (ms, ch, c) => `build gagal dalam ${ms} ms${ch}: ${c}; paket sebelumnya dibiarkan apa adanya`,
    andMore: (n) => ` dan ${n} lainnya`,
    previewOf: (dir, t, url) => `pratinjau ${dir} (${t}): ${url}`,
    previewWatching: 'memantau perubahan (Ctrl-C untuk berhenti)',
    previewBuilt: (first, ms) => `${first ? 'dibangun' : 'dibangun ulang'} dalam ${ms} ms`,
    previewFailed: 'build gagal',
    pageShowsProblems: '; halaman pratinjau menampilkan masalahnya',
    notAFolder: (dir) => `${dir} bukan folder`,
    usage: usageId,
    runWithHelp: '(jalankan dengan --help untuk petunjuk pemakaian)',
    targetsNone: '--target memerlukan paling sedikit satu target',
    targetLater: (n, a) => `target \`${n}\` direncanakan tetapi belum tersedia; gunakan ${a}`,
    targetUnknown: (n, a) => `target \`${n}\` tidak dikenal; target yang ada: ${a}`,
    epochBad: (raw) => `SOURCE_DATE_EPOCH harus berupa jumlah detik bulat sejak 1970, bukan \`${raw}\``,
    portBad: (raw) => `--port harus berupa angka 0 sampai 65535, bukan \`${raw}\``,
    langBad: (allowed, raw) => `--lang harus salah satu dari ${allowed}, bukan \`${raw}\``,
  },
};

/** Commander's usage messages (commander 14), as Indonesian; anything else is left as it is. */
function usageId(message: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^error: unknown option '(.*)'(?:\n\(Did you mean (.*)\?\))?$/s, (o, d) => `opsi tidak dikenal '${o}'${d ? ` (maksud Anda ${d}?)` : ''}`],
    [/^error: unknown command '(.*)'(?:\n\(Did you mean (.*)\?\))?$/s, (c, d) => `perintah tidak dikenal '${c}'${d ? ` (maksud Anda ${d}?)` : ''}`],
    [/^error: missing required argument '(.*)'$/, (a) => `argumen '${a}' wajib diisi`],
    [/^error: option '(.*)' argument missing$/, (o) => `opsi '${o}' memerlukan nilai`],
    [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, (o, v, c) => `nilai '${v}' untuk opsi '${o}' tidak sah; pilihannya: ${c}`],
    [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/, (c, e, g) => `terlalu banyak argumen untuk '${c}': seharusnya ${e}, diberikan ${g}`],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(message);
    if (m) return `error: ${say(...m.slice(1))}`;
  }
  return message;
}
