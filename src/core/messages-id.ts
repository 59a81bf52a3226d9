/**
 * The Indonesian edition of the diagnostics: the catalogue (title, why, hint)
 * and the messages and hints the compiler writes most. The compiler reports
 * in English; the command line (and anything else that shows diagnostics to
 * an author) passes each one through `localizeDiagnostic`. Codes, files and
 * positions never change, so a search for `IR405` finds the same rule in
 * either language. A message with no rule here stays English (the list of
 * what is translated is tested in test/unit/messages-id.test.ts).
 */
import { catalogue, type CatalogueEntry, type DiagnosticCode } from './catalogue.js';
import type { Diagnostic } from './diagnostics.js';
import { ASSESS_HINTS, ASSESS_MESSAGES, ASSESS_WHAT } from './messages-id-assess.js';

export interface CatalogueText {
  title: string;
  why: string;
  hint?: string;
}

export const catalogueId: Record<DiagnosticCode, CatalogueText> = {
  IR101: { title: 'Kesalahan sintaks YAML', why: 'course.yml dan front matter harus berupa YAML yang sah.', hint: 'Periksa indentasi, dan beri tanda kutip pada nilai yang memuat ": " atau diawali karakter khusus.' },
  IR102: { title: 'Isian wajib tidak ada', why: 'Tanpa isian ini kompiler tidak dapat menamai, mengurutkan, atau menilai isi kursus.' },
  IR103: { title: 'Nilai isian tidak sah', why: 'Nilainya tidak berjenis atau berbentuk seperti yang diminta (lihat docs/authoring.md).' },
  IR104: { title: 'Isian tidak dikenal', why: 'Kunci yang salah eja akan diabaikan diam-diam jika tidak dilaporkan.', hint: 'Cocokkan ejaannya dengan daftar kunci di docs/authoring.md.' },
  IR105: { title: 'Berkas kosong', why: 'Pelajaran atau skenario yang kosong tidak punya apa pun untuk ditampilkan kepada peserta.' },
  IR106: { title: 'Berkas bukan teks UTF-8', why: 'Berkas isi dibaca sebagai Markdown atau YAML dalam UTF-8.', hint: 'Simpan berkas sebagai UTF-8. Notepad: File → Save As, Encoding: UTF-8. VS Code: klik nama encoding di bilah status, Reopen with Encoding → Western (Windows 1252), lalu klik lagi, Save with Encoding → UTF-8. Berkas biner tempatnya di assets/.' },
  IR107: { title: 'course.yml tidak ada', why: 'Setiap folder isi memerlukan course.yml dengan id, title, dan version.', hint: 'Jalankan `integrity-ranger new FOLDER` untuk melihat contoh yang berjalan.' },
  IR108: { title: 'Folder isi tidak ditemukan', why: 'Folder yang diberikan kepada perintah tidak ada atau bukan folder.' },
  IR109: { title: 'Front matter tidak ditutup', why: 'Front matter diawali baris `---` dan harus diakhiri baris `---` lagi.' },
  IR110: { title: 'Berkas terlalu besar', why: 'Berkas isi di atas batas ukuran ditolak agar berkas nyasar tidak menghabiskan memori.', hint: 'Pecah pelajarannya, atau pindahkan media ke assets/.' },
  IR111: { title: 'Baris terlalu panjang', why: 'Baris di atas 10.000 karakter ditolak: hampir selalu itu data yang tertempel, bukan tulisan.' },
  IR112: { title: 'Berkas diabaikan', why: 'Hanya berkas .md di lessons/, scenarios/, tests/, dan pools/ yang menjadi isi; berkas lain di sana tidak dikemas.' },
  IR113: { title: 'Tab dalam indentasi YAML', why: 'YAML hanya memakai spasi untuk indentasi; tab membuat struktur course.yml atau front matter tidak terbaca.', hint: 'Ganti tab dengan dua spasi.' },
  IR201: { title: 'Pelajaran tanpa isi', why: 'Pelajaran memerlukan paling sedikit satu halaman.' },
  IR202: { title: 'Blok tidak ditutup', why: 'Blok `::: jenis` harus diakhiri baris `:::`.', hint: 'Tambahkan baris berisi `:::` saja di akhir blok.' },
  IR203: { title: 'Jenis blok tidak dikenal', why: 'Blok yang ada: `question`, `survey`, `note`, `tip`, `warning`, `info`, atau `important`.' },
  IR204: { title: 'Pilihan jawaban terlalu sedikit', why: 'Pertanyaan memerlukan daftar tugas dengan paling sedikit dua pilihan: `- [ ]` dan `- [x]`.' },
  IR205: { title: 'Tidak ada pilihan yang benar', why: 'Tanpa pilihan `[x]` tidak ada jawaban yang bisa benar.', hint: 'Tandai pilihan yang benar dengan `- [x]`.' },
  IR206: { title: 'Atribut tidak sah', why: 'Atribut ditulis seperti `{#id kunci=nilai penanda}` dengan kunci yang dikenal.' },
  IR207: { title: 'Gambar tanpa teks alternatif', why: 'Peserta pengguna pembaca layar memerlukan teks pengganti gambar (WCAG 1.1.1).', hint: 'Tulis `![apa yang ditunjukkan gambar](path)`.' },
  IR208: { title: 'Tautan tidak aman', why: 'Hanya tautan http, https, mailto, dan tel, tautan relatif ke isi kursus, dan #jangkar yang diizinkan; URL `javascript:` dan data dapat menjalankan kode di LMS.' },
  IR209: { title: 'HTML mentah ditampilkan sebagai teks', why: 'HTML mentah di Markdown dapat menjalankan skrip di dalam LMS, jadi ditampilkan apa adanya, tidak dijalankan.', hint: 'Gunakan sintaks Markdown, bukan HTML.' },
  IR210: { title: 'Tautan ke isi yang tidak dikenal', why: 'Tautan relatif harus menunjuk berkas pelajaran atau skenario kursus ini (yang tercantum di outline, bila ada outline), atau sebuah aset.' },
  IR211: { title: 'Blok tidak boleh bersarang', why: 'Blok `:::` tidak boleh memuat blok lain.', hint: 'Tutup blok pertama dengan `:::` sebelum membuka blok berikutnya.' },
  IR212: { title: 'Gambar dari luar', why: 'Paket harus berjalan luring dan tidak meminta apa pun dari luar LMS.', hint: 'Unduh gambarnya ke assets/ dan rujuk dengan path relatif.' },
  IR213: { title: 'Id ganda', why: 'Id menamai interaksi dan aktivitas dalam catatan LMS dan LRS; id harus unik.' },
  IR214: { title: 'Id tidak sah', why: 'Id berupa slug: huruf kecil, angka, dan tanda hubung, diawali huruf atau angka, paling panjang 64 karakter.' },
  IR215: { title: 'Pilihan jawaban salah bentuk', why: 'Pilihan ditulis sebagai butir daftar tugas `- [ ] teks` atau `- [x] teks`, masing-masing dengan umpan balik opsional: baris `> ` yang menjorok paling sedikit dua spasi di bawahnya.' },
  IR216: { title: 'Pertanyaan tanpa soal', why: 'Soal adalah teks sebelum pilihan pertama.' },
  IR217: { title: 'Dimensi tidak dikenal', why: '`dimension` harus salah satu dimensi di course.yml (atau tujuh dimensi bawaan).' },
  IR218: { title: 'Teks pilihan kembar', why: 'Pilihan dikenali dari teksnya; dua teks yang sama tidak dapat dibedakan.' },
  IR219: { title: 'Pilihan tanpa umpan balik', why: 'Umpan balik pada setiap pilihan itulah yang membuat latihan mengajar.' },
  IR220: { title: 'Judul halaman kosong', why: 'Setiap judul `##` menamai satu halaman di daftar isi.' },
  IR221: { title: 'Pilihan terlalu banyak', why: 'Jawaban SCORM 1.2 memakai huruf a–z, jadi satu pertanyaan paling banyak 26 pilihan.' },
  IR222: { title: 'Tanda kutip lengkung dalam atribut', why: 'Nilai atribut dikutip dengan tanda kutip lurus `"` atau `\'`; tanda kutip lengkung “ ” berasal dari pengolah kata. Jika berpasangan di sekitar nilai, nilainya dibaca seolah dikutip lurus.', hint: 'Ganti tanda kutip lengkung “ ” dengan tanda kutip lurus ", atau tulis nilainya tanpa tanda kutip.' },
  IR240: { title: 'Jenis pertanyaan tidak dikenal', why: 'Pertanyaan berjenis `type=choice` (bawaan), `true-false`, `fill-in`, `numeric`, `matching`, atau `sequencing`; setiap jenis membaca daftarnya dengan cara berbeda.' },
  IR241: { title: 'Pertanyaan benar-salah salah bentuk', why: 'Pertanyaan benar-salah punya tepat dua butir daftar tugas, label pernyataan benar lebih dulu dan label pernyataan salah kedua, dan tepat satu di antaranya ditandai `[x]`.', hint: 'Tulis `- [x] Benar` dan `- [ ] Salah` (atau sebaliknya), masing-masing dengan `  > umpan balik`.' },
  IR242: { title: 'Tidak ada jawaban yang diterima', why: 'Pertanyaan isian atau angka memerlukan paling sedikit satu jawaban yang diterima `- [x] …`; tanpa itu tidak ada jawaban yang bisa benar.' },
  IR243: { title: 'Jawaban isian terlalu panjang', why: 'Peserta mengetik paling banyak 250 karakter pada isian (SCORM 1.2 menyimpan 255 karakter jawaban), jadi jawaban yang lebih panjang tidak pernah bisa diberikan.' },
  IR244: { title: 'Nilai angka tidak terbaca', why: 'Jawaban angka berupa bilangan (`30`, `2,5`, atau `2.5`) atau rentang inklusif `25..35` yang awalnya tidak melebihi akhirnya; tanpa pemisah ribuan, sebab `1.000` dibaca seribu dalam bahasa Indonesia dan satu di tempat lain.' },
  IR245: { title: 'Jawaban "lainnya" salah bentuk', why: '`- [ ] *` mewakili jawaban apa pun yang tidak tercantum, jadi tidak pernah benar dan paling banyak satu per pertanyaan.' },
  IR246: { title: 'Pasangan menjodohkan salah bentuk', why: 'Pasangan menjodohkan ditulis `- sumber -> sasaran`; `- -> sasaran` menambah sasaran yang tidak berpasangan dengan sumber mana pun.' },
  IR247: { title: 'Pasangan terlalu sedikit atau terlalu banyak', why: 'Pertanyaan menjodohkan punya 2 sampai 8 sumber (masing-masing satu pilihan tarik-turun) dan paling banyak 26 sasaran (SCORM 1.2 menamainya dengan huruf).' },
  IR248: { title: 'Langkah terlalu sedikit atau terlalu banyak', why: 'Pertanyaan mengurutkan berisi 2 sampai 8 langkah: peserta memindahkan tiap langkah dengan tombol, dan setiap urutan harus muat dalam data kemajuan.' },
  IR249: { title: 'Umpan balik hasil salah bentuk', why: 'Umpan balik hasil adalah satu baris `> [x] …` (tampil jika jawaban benar) dan satu `> [ ] …` (jika salah), tidak menjorok, sesudah daftar pertanyaan dan paling akhir di blok.' },
  IR250: { title: 'Baris bukan bagian pertanyaan', why: 'Sesudah soal, pertanyaan menjodohkan hanya berisi pasangan `- sumber -> sasaran` dan pertanyaan mengurutkan hanya langkah `1. …`, lalu umpan balik hasil.' },
  IR252: { title: 'Survei salah bentuk', why: 'Survei adalah teks pengantar diikuti daftar pernyataan `- pernyataan {#id dimension=…}`, masing-masing dinilai pada skala.' },
  IR253: { title: 'Butir survei tanpa dimensi', why: 'Survei mengukur sikap per dimensi: setiap pernyataan menyebut dimensinya dengan `dimension=`.' },
  IR254: { title: 'Skala survei di luar batas', why: 'Skala survei punya 4 sampai 7 titik (5 jika tidak disebut); pemutar memberi label pada setiap titik.' },
  IR255: { title: 'Fase survei tidak dikenal', why: '`phase` bernilai `pre` (sebelum kursus) atau `post` (sesudahnya); perubahan sikap memasangkan keduanya per dimensi. Hilangkan untuk survei yang tidak mengukur perubahan.' },
  IR256: { title: 'Bank soal salah bentuk', why: 'Bank soal (pools/*.md) hanya berisi blok `::: question`: bank soal tidak pernah ditampilkan sebagai halaman, dan tes mengundi soalnya.' },
  IR257: { title: 'Soal bank tanpa id', why: 'Catatan menamai soal yang diundi dengan id-nya, jadi soal dalam bank memerlukan `#id` sendiri: nomor dari letaknya di berkas akan berubah bila soal ditambah atau dipindah.' },
  IR258: { title: 'Tidak boleh dalam tes', why: 'Isi tes adalah pengantar dalam Markdown (soalnya berasal dari bank soal), dan pra-tes dikerjakan sekali tanpa nilai lulus: `passing_score` dan `attempts` hanya untuk tes akhir.' },
  IR259: { title: 'Bank soal tidak dikenal', why: 'Tes mengundi soal dari bank soal yang `id` front matter-nya (atau nama berkasnya di pools/) disebut di `pool:`.' },
  IR260: { title: 'Undian melebihi bank soal', why: 'Tes tidak dapat mengundi lebih banyak soal daripada isi bank soalnya: `draw` paling banyak sebesar bank soal, `per_dimension` paling banyak sejumlah soal tiap dimensi bank soal.' },
  IR261: { title: 'Penilaian tes akhir tanpa satu tes akhir', why: '`scoring: final-test` menjadikan nilai tes akhir sebagai nilai kursus, jadi kursus memerlukan tepat satu tes dengan `role: final`.' },
  IR262: { title: 'Bank soal tidak dipakai', why: 'Tidak ada tes yang menyebut bank soal ini di `pool:`, jadi soal-soalnya tidak pernah tampil.' },
  IR263: { title: 'Tes akhir tanpa nilai lulus', why: 'Tes akhir dinyatakan lulus atau tidak menurut `passing_score`-nya, atau `passing_score` kursus bila tes tidak menyebutnya.' },
  IR301: { title: 'Skenario tanpa adegan', why: 'Skenario adalah graf adegan berjudul `## Adegan {#id}`.' },
  IR302: { title: 'Tautan ke adegan yang tidak ada', why: 'Pilihan harus menuju adegan dalam skenario yang sama.' },
  IR303: { title: 'Adegan tidak terjangkau', why: 'Tidak ada jalur pilihan dari adegan awal ke sini, jadi tidak ada peserta yang akan melihatnya.' },
  IR304: { title: 'Tidak ada akhir yang terjangkau', why: 'Dari adegan ini tidak ada jalur menuju akhir: peserta akan terjebak dalam putaran.' },
  IR305: { title: 'Akhir tanpa hasil', why: 'Adegan tanpa pilihan adalah akhir dan harus menyebut `ending=pass` atau `ending=fail`.' },
  IR306: { title: 'Adegan punya pilihan sekaligus akhir', why: 'Adegan akhir tidak boleh menawarkan pilihan.' },
  IR307: { title: 'Adegan awal tidak dikenal', why: '`start` harus menyebut adegan dalam skenario ini.' },
  IR308: { title: 'Judul adegan tanpa id', why: 'Pilihan menaut ke adegan lewat id: tulis `## Judul {#id-adegan}`.' },
  IR309: { title: 'Daftar pilihan mencampur tautan dan teks', why: 'Daftar terakhir sebuah adegan memuat pilihannya; setiap butir harus tepat satu tautan ke `#id-adegan`.' },
  IR310: { title: 'Skenario tanpa akhir', why: 'Paling sedikit satu adegan harus menjadi akhir.' },
  IR320: { title: 'Pilihan `{bad}` masih bisa lulus', why: 'Jalur melalui pilihan yang ditandai salah oleh penulis berakhir di `ending=pass`, sehingga skenario memberi hadiah pada hal yang diajarkan untuk dihindari. Dilaporkan di pilihan `{bad}` terakhir sebelum akhir lulus yang disebutnya.', hint: 'Ubah akhir lulus yang disebut di sini menjadi `ending=fail`, arahkan pilihan ini ke akhir gagal, atau hapus `{bad}` bila pilihannya memang tidak salah.' },
  IR321: { title: 'Hanya pilihan `{good}` masih bisa gagal', why: 'Jalur pilihan yang ditandai benar oleh penulis (dan pilihan tanpa tanda yang tidak menentukan apa pun) berakhir di `ending=fail`, sehingga skenario menghukum hal yang diajarkan. Dilaporkan di akhir gagal itu, beserta jalurnya.', hint: 'Tandai `{bad}` pilihan di jalur itu yang memang salah, atau jadikan akhir ini `ending=pass`.' },
  IR322: { title: 'Pilihan tanpa tanda menentukan hasil', why: 'Hasil adalah hasil akhir dan skor sebuah akhir. Pilihan ini mempersempit hasil yang masih bisa dicapai adegannya, dan bukan ke hasil pilihan `{good}` adegan itu: pilihan ini menentukan hasil, tetapi tercatat bukan benar dan bukan salah, dan IR320 serta IR321 tidak dapat menilai jalur melaluinya.', hint: 'Tandai `{good}` atau `{bad}` sesuai penilaian pelajaran, atau arahkan ke adegan yang dituju pilihan `{good}` adegan itu.' },
  IR323: { title: 'Akhir lulus tidak berskor lebih tinggi daripada akhir gagal', why: 'Sebuah permainan mendapat poin × skor akhir / 100, sehingga gagal akan mendapat sama banyak dengan lulus, atau lebih.', hint: 'Beri setiap akhir lulus `score` yang lebih tinggi daripada setiap akhir gagal skenario itu.' },
  IR401: { title: 'Aset tidak ditemukan', why: 'Berkas yang dirujuk harus ada di dalam folder isi. Path relatif terhadap berkas .md yang merujuknya.' },
  IR402: { title: 'Path keluar dari folder isi', why: 'Hanya berkas di dalam folder isi yang dikemas; `..` keluar folder, path absolut, dan symlink ke luar ditolak.' },
  IR403: { title: 'Entri outline tidak ditemukan', why: 'Setiap entri `outline` harus berupa berkas pelajaran atau skenario di folder ini.' },
  IR404: { title: 'Unit tidak ada di outline', why: 'Berkas di lessons/ atau scenarios/ yang tidak tercantum di outline tidak dikemas.' },
  IR410: { title: 'Media dari luar', why: 'Paket harus diputar luring di dalam LMS dan tidak meminta apa pun dari luar; video YouTube atau video luar lain juga tidak dapat membawa teks (caption) dan transkrip kursus.', hint: 'Unduh berkasnya (dengan hak memakainya) ke assets/, tulis caption dan transkripnya di sebelahnya, lalu sematkan dengan path relatif.' },
  IR411: { title: 'Video tanpa caption', why: 'Peserta tuli dan kurang dengar memerlukan teks dari apa yang diucapkan (WCAG 1.2.2).', hint: 'Tulis berkas WebVTT `film.id.vtt` (bahasa kursus) di sebelah `film.mp4`.' },
  IR412: { title: 'Berkas caption tidak terbaca', why: 'Peramban diam-diam membuang berkas WebVTT yang tidak dapat dibacanya, sehingga caption tidak pernah tampil.', hint: 'Berkas WebVTT diawali `WEBVTT`, lalu cue yang dipisah baris kosong: `00:01.000 --> 00:04.000` diikuti teksnya, urut menurut waktu mulai.' },
  IR413: { title: 'Audio tanpa transkrip', why: 'Peserta yang tidak dapat mendengar memerlukan kata-katanya dalam bentuk teks (WCAG 1.2.1).', hint: 'Tulis `audio.transcript.md` (atau .txt) di sebelah `audio.mp3`.' },
  IR414: { title: 'Berkas media melebihi batas', why: 'Paket dibuka lewat jaringan daerah yang lambat; berkas yang berat membuat pelajaran lama menunggu atau gagal diputar. Batasnya 25 MB per berkas, kecuali course.yml menetapkan `media_budget_mb`.', hint: 'Buat berkas yang lebih ringan (docs/authoring.md memuat perintah ffmpeg 480p).' },
  IR415: { title: 'Media di dalam teks lain', why: 'Pemutar memerlukan baris sendiri; di dalam kalimat, judul, tautan, atau pilihan tidak ada tempat untuknya.', hint: 'Tulis `![nama](../assets/film.mp4)` sendirian di barisnya, dengan baris kosong di sekitarnya.' },
  IR416: { title: 'Media wajib di luar halaman pelajaran', why: '`{required}` menahan selesainya halaman pelajaran sampai media diputar hingga akhir; adegan skenario tidak punya penyelesaian halaman untuk ditahan.' },
  IR405: { title: 'Aset tidak dipakai', why: 'Hanya aset yang dirujuk pelajaran atau skenario yang dikemas; aset yang tidak dipakai ditinggalkan dari paket. Dilaporkan hanya jika kursus tidak punya kesalahan, karena kesalahan (pelajaran yang tak terbaca, path yang salah ketik) bisa jadi penyebab aset itu tidak terujuk.', hint: 'Rujuk aset itu dari pelajaran atau skenario, atau hapus.' },
  IR406: { title: 'Tema memuat sumber dari luar', why: 'theme.css boleh mengubah warna dan jarak, tetapi @import atau url() ke situs lain merusak pemakaian luring dan membocorkan permintaan ke luar LMS.' },
  IR501: { title: 'Kursus tanpa unit', why: 'Kursus memerlukan paling sedikit satu pelajaran atau skenario.' },
  IR502: { title: 'Data kemajuan bisa melampaui batas SCORM 1.2', why: 'cmi.suspend_data memuat paling banyak 4096 karakter (SCORM 1.2 RTE 3.4.2.3); kursus yang bisa melampauinya akan kehilangan kemajuan peserta.', hint: 'Pecah kursus menjadi beberapa paket.' },
  IR507: { title: 'Data kemajuan bisa melampaui batas SCORM 2004', why: 'cmi.suspend_data memuat paling banyak 64000 karakter (SCORM 2004 4th Edition RTE 4.2.23); kursus yang bisa melampauinya akan kehilangan kemajuan peserta.', hint: 'Pecah kursus menjadi beberapa paket.' },
  IR503: { title: 'Target xAPI memerlukan `iri`', why: 'Setiap id aktivitas xAPI dibangun di atas `iri` kursus.', hint: 'Tambahkan `iri: https://domain.anda/xapi/course/<id>` ke course.yml, atau build dengan `--target scorm12` untuk SCORM 1.2 saja.' },
  IR504: { title: 'Target tidak dikenal', why: 'Target yang ada: scorm12 dan xapi.' },
  IR505: { title: 'Tidak dapat menulis keluaran', why: 'Folder keluaran tidak dapat ditulis; berkas yang sudah ada dibiarkan apa adanya.' },
  IR506: { title: 'Batas isi terlampaui', why: 'Kursus lebih besar daripada yang diterima kompiler (jumlah berkas, halaman, atau kedalaman sarang).' },
  IR601: { title: 'Bukan zip yang terbaca', why: 'Berkas itu bukan arsip zip atau rusak.' },
  IR602: { title: 'Entri zip tidak aman', why: 'Entri dengan `..` atau path absolut dapat menulis ke luar folder LMS saat dibongkar.' },
  IR603: { title: 'Manifes tidak ada', why: 'Paket SCORM memerlukan imsmanifest.xml di akar zip; paket Tin Can memerlukan tincan.xml.' },
  IR604: { title: 'Manifes tidak lolos validasi', why: 'Manifes harus sah menurut skema resmi.' },
  IR605: { title: 'Berkas yang dirujuk tidak ada', why: 'Setiap berkas yang disebut manifes harus ada di dalam paket.' },
  IR606: { title: 'Rujukan manifes tidak konsisten', why: 'Sebuah identifierref atau organisasi bawaan tidak menunjuk apa pun.' },
  IR607: { title: 'Moodle salah menanganinya', why: 'Moodle menerima paketnya tetapi mencatat atau menjalankannya dengan keliru.' },
  IR608: { title: 'Berkas paket tidak ditemukan', why: 'Path yang diberikan kepada `check` tidak menunjuk berkas yang dapat dibaca.' },
  IR609: { title: 'Nilai manifes melanggar aturan SCORM 1.2', why: 'Skema mengetik schemaversion dan masteryscore sebagai teks biasa; SCORM 1.2 CAM mewajibkan schemaversion `1.2` dan masteryscore dari 0 sampai 100.' },
  IR611: { title: 'Nilai manifes melanggar aturan SCORM 2004', why: 'Skema mengetik schemaversion sebagai teks biasa; Moodle menjalankan paket sebagai SCORM 2004 hanya jika nilainya tepat `2004 4th Edition`, `2004 3rd Edition`, `CAM 1.3`, atau `1.3`, dan selain itu sebagai SCORM 1.2, sehingga SCO 2004 tidak menemukan API run-time.' },
  IR610: { title: 'Tidak ada yang dapat dijalankan', why: 'LMS menjalankan sumber yang ditunjuk item (SCORM) atau berkas peluncuran aktivitas pertama (Tin Can); tanpanya peserta melihat halaman kosong.' },
  IR230: { title: 'Sel judul tabel kosong', why: 'Pembaca layar menamai setiap sel dengan judul kolomnya; kolom yang judulnya kosong dibacakan tanpa nama (axe: empty-table-header).', hint: 'Tulis apa isi kolom itu di sel judulnya, misalnya `Aspek` di atas kolom label baris.' },
  IR520: { title: 'Target cmi5 memerlukan `iri`', why: 'Struktur kursus cmi5 mengenali kursus dan AU-nya dengan IRI, dan id aktivitas setiap pernyataan dibangun dari `iri` kursus.', hint: 'Tambahkan `iri: https://domain.anda/xapi/course/<id>` ke course.yml, atau bangun tanpa `--target cmi5`.' },
  IR530: { title: 'Berkas tata letak tidak terbaca', why: 'Berkas di layouts/ menjelaskan cara versi sebelumnya menyimpan progres, dalam bentuk yang ditulis `integrity-ranger layout`; berkas ini tidak dalam bentuk itu, sehingga progres versi tersebut tidak dapat dibaca.', hint: 'Tulis ulang: `integrity-ranger layout LAMA.zip > layouts/VERSI.yml`.' },
  IR531: { title: 'Tata letak tidak cocok dengan hash-nya', why: 'Progres tersimpan hanya menyebut struktur kursusnya lewat hash. Tata letak yang strukturnya tidak menghasilkan `hash`-nya telah diubah atau rusak, dan akan memasukkan progres itu ke halaman dan pertanyaan yang salah.', hint: 'Tulis ulang dari paket yang dirilis: `integrity-ranger layout LAMA.zip > layouts/VERSI.yml`.' },
  IR532: { title: 'Dua struktur memiliki hash yang sama', why: 'Dua tata letak (atau sebuah tata letak dan kursus ini) dengan hash struktur yang sama tidak dapat dibedakan oleh progres tersimpan, sehingga salah satunya akan dibaca dengan rencana yang lain.', hint: 'Simpan satu tata letak per struktur (milik versi yang lebih baru); jika kursus ini yang bertabrakan, ubah sedikit strukturnya, misalnya tambahkan satu halaman.' },
  IR533: { title: 'Pemetaan progres tidak terbukti', why: 'Setiap progres tersimpan dari versi sebelumnya harus menjadi progres yang sah bagi kursus ini: setiap ruas lama masuk ke ruas sejenis dengan rentang yang sama, atau dibuang. Kompiler memeriksa pemetaan yang dibuatnya dan menemukan satu yang tidak memenuhi.', hint: 'Ini kesalahan kompiler: mohon laporkan bersama berkas tata letaknya.' },
  IR534: { title: 'Tidak ada yang terbawa dari versi sebelumnya', why: 'Tidak ada id halaman, pertanyaan, atau skenario versi itu yang masih ada di kursus ini, sehingga pesertanya mulai lagi dari awal.', hint: 'Pertahankan id halaman (judul), pertanyaan, dan skenario yang maknanya tidak berubah.' },
  IR535: { title: 'Paket tidak memuat data kursus', why: '`integrity-ranger layout` membaca kursus dari paket yang dibuat alat ini; paket lain tidak memuatnya.', hint: 'Berikan paket yang dibuat integrity-ranger, atau folder isi versi tersebut.' },
  IR536: { title: 'Berkas di layouts/ diabaikan', why: 'Hanya berkas .yml (atau .yaml) langsung di layouts/ yang dibaca sebagai tata letak versi sebelumnya; progres versi yang tata letaknya tidak terbaca tidak dapat dibawa.', hint: 'Beri nama layouts/VERSI.yml.' },
  IR537: { title: 'Pilihan berubah di tempat', why: 'Jawaban tersimpan dicatat sebagai posisi pilihan. Bila sebuah pertanyaan mempertahankan id dan jumlah pilihannya tetapi pilihannya berubah (kata-katanya, urutannya, atau mana yang benar) dan struktur lainnya tetap, progres versi sebelumnya tetap terbaca apa adanya dan jawabannya dihitung untuk pilihan yang baru.', hint: 'Beri pertanyaan itu id baru bila pilihannya kini bermakna lain; perbaikan salah ketik boleh tetap.' },
  IR620: { title: 'masteryScore cmi5 terlalu rinci', why: 'cmi5 §13.1.4: masteryScore adalah desimal berskala 0 sampai 1 dengan paling banyak 4 angka di belakang koma; skema hanya memeriksa rentangnya.' },
  IR621: { title: 'masteryScore cmi5 tidak terpakai', why: 'Dengan moveOn `Completed` atau `NotApplicable`, LMS menganggap AU selesai tanpa lulus (cmi5 §13.1.4), sehingga nilai penguasaan tidak mengubah apa pun yang dilaporkan LMS.' },
  IR622: { title: 'Id cmi5 bukan IRI absolut yang unik', why: 'cmi5 §3.0 dan §13.1: id kursus, blok, dan AU adalah IRI lengkap, dan id AU unik dalam struktur kursus; LMS mengenali kursus dan AU-nya dengan id itu. Skema menerima id relatif.' },
  IR701: { title: 'Sumber catatan tidak dapat dibaca', why: 'Berkas yang disebut sebagai sumber `report` tidak ada, berupa folder, atau tidak dapat dibaca.', hint: 'Periksa path-nya; ekspor Moodle dan berkas pernyataan dibaca sebagai teks UTF-8.' },
  IR702: { title: 'Bukan laporan Interaksi Moodle', why: 'Ekspor Moodle dibaca dari barisan judulnya: kolom peserta, `Attempt`, dan `Question N` / `Response N` / `Right answer N` / `Result N` untuk setiap interaksi.', hint: 'Di aktivitas SCORM buka Laporan → laporan Interaksi, nyalakan pertanyaan, jawaban, jawaban benar, dan hasil, lalu unduh sebagai teks (atau Excel/ODS yang disimpan sebagai CSV).' },
  IR703: { title: 'Berkas pernyataan bukan JSON', why: 'Berkas pernyataan adalah larik JSON berisi pernyataan xAPI, atau satu pernyataan per baris (NDJSON), seperti yang diekspor LRS.' },
  IR704: { title: 'Catatan bukan untuk kursus ini', why: 'Tidak ada catatan yang menyebut pertanyaan, adegan, atau aktivitas kursus yang diberikan dengan `--course`: laporannya akan kosong atau salah.', hint: 'Berikan kursus (folder atau paket) yang dipakai saat catatan ini dibuat, pada versi yang sama; untuk LRS, `--activity` menyebut id aktivitas kursus yang diluncurkan LMS.' },
  IR705: { title: 'Catatan yang tidak dikenal kursus', why: 'Interaksi atau aktivitas yang tidak ada di kursus ini dihitung lalu tidak dimasukkan ke laporan (kursus lain, atau versi dengan id lain).' },
  IR706: { title: 'Jawaban benar berbeda dari kursus', why: 'Catatan memberi jawaban benar yang lain untuk sebuah interaksi daripada kursus ini: kemungkinan dibuat dengan versi lain.', hint: 'Buat laporan dengan versi kursus yang dimainkan peserta.' },
  IR707: { title: 'LRS menolak kredensial', why: 'LRS menjawab 401 atau 403 atas permintaan ke Statements API.', hint: 'Isi INTEGRITY_RANGER_LRS_KEY dan INTEGRITY_RANGER_LRS_SECRET (atau INTEGRITY_RANGER_LRS_AUTH, atau --lrs-auth-file) dengan kredensial yang boleh membaca pernyataan.' },
  IR708: { title: 'Tidak ada Statements API di endpoint itu', why: 'LRS menjawab 404: endpoint itu bukan endpoint xAPI (biasanya diakhiri `/xAPI/` atau `/data/xAPI/`).', hint: 'Pakai endpoint yang dipakai LMS untuk meluncurkan paket.' },
  IR709: { title: 'LRS gagal', why: 'LRS menjawab dengan galat server (5xx) atau status lain yang tidak diharapkan, atau jawaban yang bukan StatementResult.', hint: 'Coba lagi nanti, atau ekspor pernyataan ke berkas lalu buat laporan dari berkas itu.' },
  IR710: { title: 'LRS tidak dapat dihubungi', why: 'Sambungan ke LRS gagal (nama, jaringan, atau TLS).' },
  IR711: { title: 'Kursus tidak dapat dibaca', why: 'Kursus yang diberikan dengan `--course` harus berupa folder isi yang dapat dibangun, atau paket yang dibuat integrity-ranger.' },
  IR712: { title: 'Catatan dilewati', why: 'Sebuah baris atau pernyataan tidak memuat yang diperlukan laporan (peserta, upaya, jawaban) sehingga dilewati; jumlahnya dilaporkan.' },
  IR713: { title: 'Urutan catatan tidak runtut', why: 'Jalur skenario dibaca menurut urutan catatan; pernyataan yang lebih lama daripada pernyataan sebelumnya dalam upaya yang sama berarti sumbernya tidak tersusun menurut waktu simpan.', hint: 'Ekspor pernyataan dalam urutan naik (sumber LRS memintanya begitu).' },
  IR714: { title: 'Nilai tercatat berbeda', why: 'Nilai kursus yang dicatat LMS atau LRS bukan nilai yang dihasilkan aturan penilaian (docs/scoring.md) untuk jawaban yang tercatat.' },
  IR715: { title: 'Ruas kelompok tidak ditemukan', why: 'Tidak ada catatan yang memuat ruas yang disebut `--group-by`, sehingga tampilan per kelompok tidak ada.', hint: 'Untuk Moodle, sebut kolom ekspornya (misalnya ruas profil pengguna); untuk xAPI, IRI ekstensi konteks, `platform`, `grouping`, atau `homePage`.' },
  IR716: { title: 'Laporan tidak dapat ditulis', why: 'Folder keluaran tidak dapat ditulisi; tidak ada bagian laporan ini yang tertinggal di sana.' },
};

type Rule = [RegExp, (...m: string[]) => string];

/** scenario-lint's `pass (score 100 or 60) or fail (score 0)`, in Indonesian. */
function results(text: string): string {
  return text.replace(/\bpass \(score/g, 'lulus (skor').replace(/\bfail \(score/g, 'gagal (skor').replace(/ or /g, ' atau ').replace(/^no ending$/, 'tanpa akhir');
}

/** The names of the YAML documents messages mention. */
function what(w: string): string {
  return ({ 'lesson front matter': 'front matter pelajaran', 'scenario front matter': 'front matter skenario', ...ASSESS_WHAT } as Record<string, string>)[w] ?? w;
}

/** IR502 and IR507: one target's suspend_data limit or the other's. */
const PROGRESS_TOO_LARGE: Rule = [/^progress data could reach (\d+) characters; (.*) keeps at most (\d+)$/, (n, l, max) => `data kemajuan bisa mencapai ${n} karakter; ${l} menyimpan paling banyak ${max}`];

/** The messages the compiler writes most, per code. Each regex matches one English message whole. */
const MESSAGES: Partial<Record<DiagnosticCode, Rule[]>> = {
  IR506: [
    [/^lists and blockquotes nested more than (\d+) levels deep$/, (n) => `daftar dan kutipan bersarang lebih dari ${n} tingkat`],
    [/^emphasis \(`\*`, `_`\) nested more than (\d+) levels deep$/, (n) => `penekanan (\`*\`, \`_\`) bersarang lebih dari ${n} tingkat`],
    [/^YAML nested more than (\d+) levels deep$/, (n) => `YAML bersarang lebih dari ${n} tingkat`],
  ],
  IR406: [
    [/^theme\.css loads or runs something from outside the package: `(.*)`$/, (m) => `theme.css memuat atau menjalankan sesuatu dari luar paket: \`${m}\``],
  ],
  IR309: [
    [/^this item is not a link to a scene, but others in the same list are$/, () => 'butir ini bukan tautan ke adegan, padahal butir lain dalam daftar yang sama adalah tautan'],
    [/^only a `> feedback` blockquote may follow a choice$/, () => 'hanya kutipan `> umpan balik` yang boleh mengikuti pilihan'],
  ],
  IR308: [
    [/^scene `(.*)` has no id$/, (t) => `adegan \`${t}\` tidak punya id`],
  ],
  IR306: [
    [/^scene #(.*) is marked as an ending but offers (\d+) choice\(s\)$/, (sc, n) => `adegan #${sc} ditandai sebagai akhir tetapi menawarkan ${n} pilihan`],
  ],
  IR301: [
    [/^(.*) has no scenes$/, (f) => `${f} tidak punya adegan`],
  ],
  IR221: [
    [/^this question has (\d+) choices; at most 26$/, (n) => `pertanyaan ini punya ${n} pilihan; paling banyak 26`],
    [/^scene #(.*) has (\d+) choices; at most 26$/, (sc, n) => `adegan #${sc} punya ${n} pilihan; paling banyak 26`],
  ],
  IR218: [
    [/^choice `(.*)` appears twice in this question \(also line (\d+)\)$/s, (c, l) => `pilihan \`${c}\` muncul dua kali dalam pertanyaan ini (juga di baris ${l})`],
  ],
  IR214: [
    [/^(question|scene) id `(.*)` is not a slug$/, (k, i) => `id ${k === 'question' ? 'pertanyaan' : 'adegan'} \`${i}\` bukan slug`],
    [/^unit id `(.*)` \(from the file name\) is not a slug$/, (i) => `id unit \`${i}\` (dari nama berkas) bukan slug`],
  ],
  IR211: [
    [/^`::: (.*)` opened inside `::: (.*)` \(line (\d+)\)$/, (a, b, l) => `\`::: ${a}\` dibuka di dalam \`::: ${b}\` (baris ${l})`],
  ],
  IR208: [
    [/^link `(.*)` uses a protocol-relative URL$/s, (l) => `tautan \`${l}\` memakai URL tanpa protokol`],
    [/^link `(.*)` uses a `(.*):` URL$/s, (l, sc) => `tautan \`${l}\` memakai URL \`${sc}:\``],
  ],
  IR111: [
    [/^line (\d+) has (\d+) characters \(at most (\d+)\)$/, (l, n, max) => `baris ${l} memuat ${n} karakter (paling banyak ${max})`],
  ],
  IR110: [
    [/^(.*) is (\d+) bytes; content files may be at most 2 MB$/, (p, n) => `${p} berukuran ${n} bita; berkas isi paling besar 2 MB`],
    [/^(.*) is larger than the 100 MB an asset may be$/, (p) => `${p} lebih besar daripada 100 MB, batas sebuah aset`],
  ],
  IR101: [
    [/^this (.) quote is never closed$/, (q) => `tanda kutip ${q} ini tidak pernah ditutup`],
    // The YAML parser's own messages (the `yaml` package), the commonest ones.
    [/^Map keys must be unique$/, () => 'kunci pemetaan harus unik'],
    [/^Nested mappings are not allowed in compact mappings$/, () => 'pemetaan bersarang tidak boleh ada dalam pemetaan ringkas (beri tanda kutip pada nilai yang memuat ": ")'],
    [/^Implicit keys need to be on a single line$/, () => 'kunci harus berada pada satu baris'],
    [/^Implicit map keys need to be followed by map values$/, () => 'kunci harus diikuti nilai (`kunci: nilai`)'],
    [/^All mapping items must start at the same column$/, () => 'semua butir pemetaan harus dimulai pada kolom yang sama'],
    [/^Excessive alias count indicates a resource exhaustion attack$/, () => 'terlalu banyak alias YAML: tampaknya upaya menghabiskan sumber daya'],
  ],
  IR102: [
    [/^(lesson|scenario) needs front matter with a `title`$/, (k) => `${k === 'lesson' ? 'pelajaran' : 'skenario'} memerlukan front matter dengan \`title\``],
    [/^(lesson|scenario) front matter needs `title`$/, (k) => `front matter ${k === 'lesson' ? 'pelajaran' : 'skenario'} memerlukan \`title\``],
    [/^(.*) needs `(.*)`$/, (w, key) => `${what(w)} memerlukan \`${key}\``],
  ],
  IR103: [
    [/^`(.*)` must be a BCP 47 language tag such as `id` or `en-US`$/, (f) => `\`${f}\` harus berupa tag bahasa BCP 47 seperti \`id\` atau \`en-US\``],
    [/^`(.*)` must be an absolute IRI such as `(.*)`$/, (f, e) => `\`${f}\` harus berupa IRI absolut seperti \`${e}\``],
    [/^`(.*)` must be a slug or a mapping with `id` and `label`$/, (f) => `\`${f}\` harus berupa slug atau pemetaan dengan \`id\` dan \`label\``],
    [/^`(.*)` must be text$/, (f) => `\`${f}\` harus berupa teks`],
    [/^`(.*)` must be a number$/, (f) => `\`${f}\` harus berupa angka`],
    [/^`(.*)` must be a list$/, (f) => `\`${f}\` harus berupa daftar`],
    [/^`(.*)` must be a mapping$/, (f) => `\`${f}\` harus berupa pemetaan \`kunci: nilai\``],
    [/^(.*) must be a mapping of `key: value` lines$/, (w) => `${what(w)} harus berupa baris-baris \`kunci: nilai\``],
    [/^`(.*)` must be a slug: lowercase letters, digits and hyphens, e\.g\. `uang-pelicin`$/, (f) => `\`${f}\` harus berupa slug: huruf kecil, angka, dan tanda hubung, misalnya \`uang-pelicin\``],
    [/^`(.*)` must be a semantic version such as `1\.0\.0`$/, (f) => `\`${f}\` harus berupa versi semantik seperti \`1.0.0\``],
    [/^`(.*)` must be >= 0$/, (f) => `\`${f}\` harus >= 0`],
    [/^`(.*)` must be <= 100$/, (f) => `\`${f}\` harus <= 100`],
  ],
  IR104: [[/^unknown key `(.*)` in (.*)$/, (k, w) => `kunci \`${k}\` tidak dikenal di ${what(w)}`]],
  IR105: [[/^(.*) is empty$/, (f) => `${f} kosong`]],
  IR106: [
    [/^(.*) is not UTF-8 text: byte (0x[0-9A-F]+)( \(`.*` in Windows-1252\))? cannot be read$/, (f, b, w) => `${f} bukan teks UTF-8: bita ${b}${w ? w.replace(' in ', ' dalam ') : ''} tidak dapat dibaca`],
    [/^(.*) contains NUL bytes: it looks like a binary file$/, (f) => `${f} memuat bita NUL: tampaknya berkas biner`],
  ],
  IR107: [[/^no course\.yml in (.*)$/, (d) => `tidak ada course.yml di ${d}`]],
  IR108: [[/^(.*) is not a folder$/, (d) => `${d} bukan folder`]],
  IR109: [[/^front matter opened with `---` is never closed$/, () => 'front matter yang dibuka dengan `---` tidak pernah ditutup']],
  IR112: [[/^(.*) is not a \.md file directly in (.*), so it is not part of the course$/, (f, d) => `${f} bukan berkas .md langsung di ${d}, jadi bukan bagian dari kursus`]],
  IR113: [[/^this line is indented with a tab$/, () => 'baris ini diindentasi dengan tab']],
  IR202: [
    [/^`:::` closes no open block$/, () => '`:::` tidak menutup blok mana pun'],
    [/^`::: (.*)` is never closed$/, (n) => `\`::: ${n}\` tidak pernah ditutup`],
  ],
  IR203: [
    [/^`::: (.*)` cannot be used in a scenario$/, (n) => `\`::: ${n}\` tidak dapat dipakai dalam skenario`],[/^unknown block `::: (.*)`$/, (n) => `blok \`::: ${n}\` tidak dikenal`]],
  IR204: [[/^this question has (\d+) choices?; it needs at least 2$/, (n) => `pertanyaan ini punya ${n} pilihan; paling sedikit 2`]],
  IR205: [[/^no choice is marked correct with `\[x\]`$/, () => 'tidak ada pilihan yang ditandai benar dengan `[x]`']],
  IR206: [
    [/^score must be a whole number from 0 to 100, not `(.*)`$/, (v) => `score harus bilangan bulat 0 sampai 100, bukan \`${v}\``],
    [/^`score` applies only to an ending scene$/, () => '`score` hanya berlaku untuk adegan akhir'],
    [/^two ids in one attribute list: #(.*) and #(.*)$/, (a, b) => `dua id dalam satu daftar atribut: #${a} dan #${b}`],
    [/^a choice takes no `#id`$/, () => 'pilihan tidak memakai `#id`'],
    [/^a choice cannot be both `good` and `bad`$/, () => 'pilihan tidak bisa sekaligus `good` dan `bad`'],
    [/^unknown attribute `(.*)`$/, (a) => `atribut \`${a}\` tidak dikenal`],
    [/^unknown media attribute `(.*)`$/, (a) => `atribut media \`${a}\` tidak dikenal`],
    [/^points must be a number from 0 to 1000, not `(.*)`$/, (v) => `points harus berupa angka 0 sampai 1000, bukan \`${v}\``],
    [/^cannot read `(.*)` as an attribute$/, (v) => `\`${v}\` tidak dapat dibaca sebagai atribut`],
    [/^ending must be `pass` or `fail`, not `(.*)`$/, (v) => `ending harus \`pass\` atau \`fail\`, bukan \`${v}\``],
  ],
  IR207: [[/^image (.*) has no alt text$/, (p) => `gambar ${p} tidak punya teks alternatif`]],
  IR209: [[/^raw HTML `(.*)` is shown as text$/s, (h) => `HTML mentah \`${h}\` ditampilkan sebagai teks`]],
  IR210: [
    [/^(.*) is not in the outline of course\.yml, so it is not part of the course$/, (p) => `${p} tidak ada di outline course.yml, jadi bukan bagian dari kursus`],
    [/^(.*) is not a lesson or scenario of this course: paths are relative to (.*), so this names (.*)$/, (p, f, r) => `${p} bukan pelajaran atau skenario kursus ini: path relatif terhadap ${f}, jadi yang dimaksud ${r}`],
  ],
  IR212: [[/^image (.*) is loaded from outside the package$/, (p) => `gambar ${p} dimuat dari luar paket`]],
  IR213: [
    [/^id `(.*)` is also used by (.*)$/, (i, f) => `id \`${i}\` juga dipakai oleh ${f}`],
    [/^scene id #(.*) is used twice \(first at line (\d+)\)$/, (i, l) => `id adegan #${i} dipakai dua kali (pertama di baris ${l})`],
    [/^dimension `(.*)` is listed twice$/, (d) => `dimensi \`${d}\` tercantum dua kali`],
    [/^outline lists (.*) twice$/, (p) => `outline mencantumkan ${p} dua kali`],[/^question id #(.*) is also used at (.*)$/, (i, at) => `id pertanyaan #${i} juga dipakai di ${at}`]],
  IR215: [
    [/^text after the choices is not part of any choice$/, () => 'teks setelah pilihan bukan bagian dari pilihan mana pun'],
    [/^`\[(.*)\]` is not a choice marker$/s, (m) => `\`[${m}]\` bukan penanda pilihan`],
    [/^this choice has no text$/, () => 'pilihan ini tidak punya teks'],
    [/^this feedback is not indented under its choice$/, () => 'umpan balik ini tidak menjorok di bawah pilihannya'],
  ],
  IR216: [[/^this question has no prompt before its choices$/, () => 'pertanyaan ini tidak punya soal sebelum pilihannya']],
  IR217: [[/^dimension `(.*)` is not one of the course's dimensions$/, (d) => `dimensi \`${d}\` bukan salah satu dimensi kursus`]],
  IR219: [[/^this choice has no feedback$/, () => 'pilihan ini tidak punya umpan balik']],
  IR220: [[/^this `##` heading has no text$/, () => 'judul `##` ini tidak bertulisan']],
  IR222: [[/^curly quotes around `(.*)` in `(.*)=` are read as straight quotes$/, (v, k) => `tanda kutip lengkung di sekitar \`${v}\` pada \`${k}=\` dibaca sebagai tanda kutip lurus`]],
  IR230: [[/^table header cell (\d+) is empty$/, (n) => `sel judul tabel ke-${n} kosong`]],
  IR302: [[/^choice leads to #(.*), which is not a scene of this scenario$/, (t) => `pilihan menuju #${t}, yang bukan adegan skenario ini`]],
  IR303: [[/^scene #(.*) cannot be reached from the start scene #(.*)$/, (s, st) => `adegan #${s} tidak terjangkau dari adegan awal #${st}`]],
  IR304: [[/^from scene #(.*) no path leads to an ending$/, (s) => `dari adegan #${s} tidak ada jalur menuju akhir`]],
  IR305: [[/^scene #(.*) has no choices, so it is an ending, but does not say how it ends$/, (s) => `adegan #${s} tidak punya pilihan, jadi merupakan akhir, tetapi tidak menyebut hasil akhirnya`]],
  IR307: [[/^start scene #(.*) does not exist$/, (s) => `adegan awal #${s} tidak ada`]],
  IR310: [[/^scenario (.*) has no ending scene$/, (s) => `skenario ${s} tidak punya adegan akhir`]],
  IR320: [[/^this \{bad\} choice can still end in a pass: (.*?)( and more)?$/, (names, more) => `pilihan {bad} ini masih bisa berakhir lulus: ${names.replace(/\(line (\d+), score (\d+)\)/g, '(baris $1, skor $2)')}${more ? ' dan lainnya' : ''}`]],
  IR321: [[/^fail ending #(.*?) can be reached by taking only \{good\} choices: the choices at lines (.*?)( \(the untagged ones do not change the result\))?$/, (sc, lines, un) => `akhir gagal #${sc} dapat dicapai hanya dengan memilih pilihan {good}: pilihan di baris ${lines}${un ? ' (pilihan tanpa tanda tidak mengubah hasil)' : ''}`]],
  IR322: [[
    /^this choice is neither \{good\} nor \{bad\}, yet it decides the result: it can only end in (.*), while #(\S+) can end in (.*?)(?:, and its \{good\} choices? in (.*)| and has no \{good\} choice)$/,
    (mine, sc, all, goods) => `pilihan ini bukan {good} dan bukan {bad}, tetapi menentukan hasil: hanya bisa berakhir ${results(mine)}, padahal #${sc} bisa berakhir ${results(all)}${goods ? `, dan pilihan {good}-nya berakhir ${results(goods)}` : ' dan tidak punya pilihan {good}'}`,
  ]],
  IR323: [[/^pass ending #(.*) scores (\d+), no more than fail ending #(.*) \(line (\d+), score (\d+)\)$/, (p, s, f, l, fs) => `akhir lulus #${p} berskor ${s}, tidak lebih dari akhir gagal #${f} (baris ${l}, skor ${fs})`]],
  IR401: [
    [/^(.*) does not exist: paths are relative to (.*), so this names (.*)$/, (p, f, r) => `${p} tidak ada: path relatif terhadap ${f}, jadi yang dimaksud ${r}`],
    [/^image has no path$/, () => 'gambar tanpa path'],
  ],
  IR402: [
    [/^(.*) is a link that points outside the content folder$/, (p) => `${p} adalah tautan yang menunjuk ke luar folder isi`],[/^(.*) points outside the content folder$/, (p) => `${p} menunjuk ke luar folder isi`]],
  IR403: [[/^outline names (.*), which is not a lesson, scenario or test file here$/, (p) => `outline menyebut ${p}, yang bukan berkas pelajaran, skenario, atau tes di sini`]],
  IR404: [[/^(.*) is not in the outline of course\.yml, so it is left out$/, (p) => `${p} tidak ada di outline course.yml, jadi ditinggalkan`]],
  IR410: [[/^media (.*) is played from outside the package$/, (p) => `media ${p} diputar dari luar paket`]],
  IR412: [
    [/^the cue ends \((.*)\) before it starts \((.*)\)$/, (e, b) => `cue berakhir (${e}) sebelum mulai (${b})`],
    [/^the cue starts at (.*), before the cue above it: cues must be in order of their start time$/, (t) => `cue mulai pada ${t}, sebelum cue di atasnya: cue harus urut menurut waktu mulai`],
    [/^cannot read `(.*)` as cue timings: write `mm:ss\.ttt --> mm:ss\.ttt` \(or hh:mm:ss\.ttt\), with minutes and seconds below 60$/, (t) => `\`${t}\` tidak terbaca sebagai waktu cue: tulis \`mm:ss.ttt --> mm:ss.ttt\` (atau hh:mm:ss.ttt), dengan menit dan detik di bawah 60`],
    [/^expected a cue timing line such as `00:00\.000 --> 00:04\.000`$/, () => 'di sini seharusnya baris waktu cue seperti `00:00.000 --> 00:04.000`'],
    [/^a WebVTT file starts with a line `WEBVTT`$/, () => 'berkas WebVTT diawali baris `WEBVTT`'],
    [/^a blank line must separate the `WEBVTT` header from the first cue$/, () => 'kepala `WEBVTT` dan cue pertama harus dipisah baris kosong'],
    [/^a NOTE block cannot contain `-->`$/, () => 'blok NOTE tidak boleh memuat `-->`'],
    [/^a (STYLE|REGION) block must come before the first cue$/, (k) => `blok ${k} harus berada sebelum cue pertama`],
    [/^cue text cannot contain `-->`: is a blank line missing before the next cue\?$/, () => 'teks cue tidak boleh memuat `-->`: apakah baris kosong sebelum cue berikutnya terlewat?'],
    [/^the cue has no text$/, () => 'cue tidak punya teks'],
    [/^the file has no cues$/, () => 'berkas tidak punya cue'],
  ],
  IR411: [[/^video (.*) has no captions$/, (p) => `video ${p} tidak punya caption`]],
  IR413: [[/^audio (.*) has no transcript$/, (p) => `audio ${p} tidak punya transkrip`]],
  IR414: [[/^(.*) is (.*), over the (.*) MB a media file (?:may|should) be(?: for slow networks)?$/, (p, size, mb) => `${p} berukuran ${size}, melebihi ${mb} MB yang boleh untuk satu berkas media`]],
  IR415: [[/^(.*) is embedded inside other text$/, (p) => `${p} disematkan di dalam teks lain`]],
  IR416: [[/^only media in a lesson page can be required$/, () => 'hanya media di halaman pelajaran yang dapat diwajibkan']],
  IR405: [[/^(.*) is not referenced by any lesson or scenario and is not packed$/, (p) => `${p} tidak dirujuk pelajaran atau skenario mana pun dan tidak dikemas`]],
  IR501: [[/^the course has no lessons or scenarios$/, () => 'kursus ini tidak punya pelajaran atau skenario']],
  IR502: [[/^progress data could reach (\d+) characters; (.*) keeps at most (\d+)$/, (n, l, max) => `data kemajuan bisa mencapai ${n} karakter; ${l} menyimpan paling banyak ${max}`]],
  IR507: [[/^progress data could reach (\d+) characters; (.*) keeps at most (\d+)$/, (n, l, max) => `data kemajuan bisa mencapai ${n} karakter; ${l} menyimpan paling banyak ${max}`]],
  IR503: [[/^the xapi target needs `iri` in course\.yml$/, () => 'target xapi memerlukan `iri` di course.yml']],
  IR505: [[/^cannot write to (.*?): (.*)$/s, (d, why) => `tidak dapat menulis ke ${d}: ${why}`]],
  IR601: [
    [/^(.*) is not a readable zip: (.*)$/s, (f, why) => `${f} bukan zip yang terbaca: ${why}`],
    [/^zip entry `(.*)` is encrypted; an LMS cannot unpack it$/, (e) => `entri zip \`${e}\` terenkripsi; LMS tidak dapat membongkarnya`],
  ],
  IR603: [
    [/^(.*) has neither imsmanifest\.xml \(SCORM\) nor tincan\.xml \(Tin Can\) at the top of the zip(.*)$/s, (f, rest) => `${f} tidak memuat imsmanifest.xml (SCORM) maupun tincan.xml (Tin Can) di tingkat teratas zip${rest}`],
    [/^(.*) has `(.*)` but no (\S+) at the top of the zip, where LMSs look for it; Moodle refuses the upload$/, (f, e, m) => `${f} memuat \`${e}\` tetapi tidak ada ${m} di tingkat teratas zip, tempat LMS mencarinya; Moodle menolak unggahannya`],
  ],
  IR605: [
    [/^(.*) `(.*?)`(?: \((.*)\))? is not in the package; it has `(.*)`, and file names on an LMS server are case-sensitive$/, (w, h, p, c) => `${w} \`${h}\`${p ? ` (${p})` : ''} tidak ada di paket; yang ada \`${c}\`, dan huruf besar-kecil nama berkas dibedakan di server LMS`],
    [/^(.*) `(.*?)`(?: \((.*)\))? is not in the package$/, (w, h, p) => `${w} \`${h}\`${p ? ` (${p})` : ''} tidak ada di paket`],
  ],
  IR608: [[/^(.*) does not exist$/, (p) => `${p} tidak ada`]],
};

/** Hints written at the call site (not the catalogue's): the frequent ones. */
const HINTS: Rule[] = [
  [/^The package must play offline inside the LMS: download the file \(with the rights to use it\), put it in assets\/ with its captions \(`film\.id\.vtt`\) and transcript \(`film\.transcript\.md`\) beside it, and embed it as `!\[name\]\(\.\.\/assets\/film\.mp4\)`\.$/, () => 'Paket harus diputar luring di dalam LMS: unduh berkasnya (dengan hak memakainya), taruh di assets/ bersama caption (`film.id.vtt`) dan transkripnya (`film.transcript.md`) di sebelahnya, lalu sematkan sebagai `![nama](../assets/film.mp4)`.'],
  [/^Put the media on a line of its own, with a blank line before and after: `!\[name\]\(\.\.\/assets\/film\.mp4\)`\.$/, () => 'Letakkan media di barisnya sendiri, dengan baris kosong sebelum dan sesudahnya: `![nama](../assets/film.mp4)`.'],
  [/^Media take one attribute: `\{required\}` \(the page counts as viewed once the media's end is reached\)\.$/, () => 'Media hanya punya satu atribut: `{required}` (halaman terhitung dilihat setelah media diputar sampai akhir).'],
  [/^A (scenario|pool|test) has no pages to hold back: remove `\{required\}`, or move the media into a lesson\.$/, (k) => `${({ scenario: 'Skenario', pool: 'Bank soal', test: 'Tes' } as Record<string, string>)[k]} tidak punya halaman untuk ditahan: hapus \`{required}\`, atau pindahkan media ke pelajaran.`],
  [/^A WebVTT file starts with `WEBVTT`, then blank-line separated cues `00:01\.000 --> 00:04\.000` followed by their text, in order of start time\.$/, () => 'Berkas WebVTT diawali `WEBVTT`, lalu cue yang dipisah baris kosong: `00:01.000 --> 00:04.000` diikuti teksnya, urut menurut waktu mulai.'],
  [/^Write the captions as WebVTT in (.*) beside the video; they are attached to the player and shown by default\.$/, (f) => `Tulis caption sebagai WebVTT di ${f} di sebelah video; caption dipasang pada pemutar dan tampil sejak awal.`],
  [/^Write what is said in (.*) beside the audio; it is shown under the player, for learners who cannot hear it\.$/, (f) => `Tulis apa yang diucapkan di ${f} di sebelah audio; transkrip tampil di bawah pemutar, bagi peserta yang tidak dapat mendengar.`],
  [/^Make a lighter file \(docs\/authoring\.md shows a 480p ffmpeg command\), or raise `media_budget_mb` in course\.yml\.$/, () => 'Buat berkas yang lebih ringan (docs/authoring.md memuat perintah ffmpeg 480p), atau naikkan `media_budget_mb` di course.yml.'],
  [/^Make a lighter file \(docs\/authoring\.md shows a 480p ffmpeg command\)\.$/, () => 'Buat berkas yang lebih ringan (docs/authoring.md memuat perintah ffmpeg 480p).'],
  [/^Did you mean `(.*)`\? The keys are listed in docs\/authoring\.md\.$/, (k) => `Maksud Anda \`${k}\`? Daftar kunci ada di docs/authoring.md.`],
  [/^Keys here: (.*); see docs\/authoring\.md\.$/, (k) => `Kunci yang ada: ${k}; lihat docs/authoring.md.`],
  [/^Did you mean `(.*)`\? \((.*)\) File names are case-sensitive in the package, even where Windows is not\.$/, (w, p) => `Maksud Anda \`${w}\`? (${p}) Huruf besar-kecil pada nama berkas dibedakan di dalam paket, walau Windows tidak membedakannya.`],
  [/^Did you mean `(.*)`\? \((.*)\)$/, (w, p) => `Maksud Anda \`${w}\`? (${p})`],
  [/^Did you mean `(ending=.*)`\?$/, (e) => `Maksud Anda \`${e}\`?`],
  [/^Did you mean `(.*)`\? Allowed here: (.*)$/, (k, a) => `Maksud Anda \`${k}\`? Yang boleh di sini: ${a}`],
  [/^Write `(.*)`: straight quotes ", or none\.$/, (w) => `Tulis \`${w}\`: dengan tanda kutip lurus ", atau tanpa tanda kutip.`],
  [/^Feedback is a `> ` line indented at least two spaces under its choice\.$/, () => 'Umpan balik adalah baris `> ` yang menjorok paling sedikit dua spasi di bawah pilihannya.'],
  [/^Set a different `id` in the front matter\.$/, () => 'Pasang `id` yang lain di front matter.'],
  [/^Give the file a front-matter `id: some-slug`\.$/, () => 'Beri berkas itu `id: suatu-slug` di front matter.'],
  [/^Scenarios hold text, callouts and choices; questions belong in lessons\.$/, () => 'Skenario berisi teks, callout, dan pilihan; pertanyaan tempatnya di pelajaran.'],
  [/^Write every choice as `- \[Choice text\]\(#scene-id\)`; put other text above the list\.$/, () => 'Tulis setiap pilihan sebagai `- [Teks pilihan](#id-adegan)`; letakkan teks lain di atas daftar.'],
  [/^Use colours, spacing and system fonts; remove @import and url\(\) that point to another site\.$/, () => 'Gunakan warna, jarak, dan fon sistem; hapus @import dan url() yang menunjuk situs lain.'],
  [/^Use fewer levels of lists and blockquotes: split them into separate lists or paragraphs\.$/, () => 'Kurangi tingkat daftar dan kutipan: pecah menjadi daftar atau paragraf terpisah.'],
  [/^Add a scene without choices marked `\{#id ending=pass\}` or `ending=fail`\.$/, () => 'Tambahkan adegan tanpa pilihan yang ditandai `{#id ending=pass}` atau `ending=fail`.'],
  [/^Add `ending=pass` or `ending=fail`\.$/, () => 'Tambahkan `ending=pass` atau `ending=fail`.'],
  [/^Write `## (.*) \{#(.*)\}`\.$/, (t, i) => `Tulis \`## ${t} {#${i}}\`.`],
  [/^Close each `\*` or `_` you open; write a literal one as `\\\*` or `\\_`\.$/, () => 'Tutup setiap `*` atau `_` yang Anda buka; tulis tanda harfiah sebagai `\\*` atau `\\_`.'],
  [/^It needs at least `id`, `title` and `version`\.$/, () => 'Paling sedikit berisi `id`, `title`, dan `version`.'],
  [/^Remove the stray `:::` or open a block before it\.$/, () => 'Hapus `:::` yang nyasar, atau buka blok sebelumnya.'],
  [/^Each scene is a heading `## Title \{#scene-id\}`\.$/, () => 'Setiap adegan adalah judul `## Judul {#id-adegan}`.'],
  [/^course\.yml and front matter need only a few levels: `key: value` lines and short lists\.$/, () => 'course.yml dan front matter cukup beberapa tingkat: baris `kunci: nilai` dan daftar pendek.'],
  [/^Tag it `\{good\}` or `\{bad\}`\. The choice at line (\d+), which leads to the same scene #(.*), is tagged `\{(good|bad)\}`\.$/, (l, sc, q) => `Tandai \`{good}\` atau \`{bad}\`. Pilihan di baris ${l}, yang menuju adegan yang sama #${sc}, bertanda \`{${q}}\`.`],
  [/^Allowed here: (.*)$/, (a) => `Yang boleh di sini: ${a}`],
  [/^Did you mean (#?\S+)\?$/, (x) => `Maksud Anda ${x}?`],
  [/^Scenes here: (.*)\.$/, (s) => `Adegan yang ada: ${s}.`],
  [/^Use one of: (.*)\.$/, (s) => `Gunakan salah satu dari: ${s}.`],
  [/^Replace the curly quotes “ ” with straight ones " \(or write the value without quotes\); word processors type curly quotes\.$/, () => 'Ganti tanda kutip lengkung “ ” dengan tanda kutip lurus " (atau tulis nilainya tanpa tanda kutip); pengolah kata mengetik tanda kutip lengkung.'],
  [/^Mark a correct choice `- \[x\]` and any other `- \[ \]` \(a space between the brackets\)\.$/, () => 'Tandai pilihan yang benar `- [x]` dan yang lain `- [ ]` (satu spasi di antara kurung siku).'],
  [/^Indent feedback under its choice by two spaces, `  > feedback`, and put the prompt before the first choice\.$/, () => 'Menjorokkan umpan balik dua spasi di bawah pilihannya, `  > umpan balik`, dan letakkan soal sebelum pilihan pertama.'],
  [/^Add a nested `  > feedback` line under the choice\.$/, () => 'Tambahkan baris `  > umpan balik` yang menjorok di bawah pilihan.'],
  [/^Start the file with `---`, `title: …`, `---`\.$/, () => 'Awali berkas dengan `---`, `title: …`, `---`.'],
  [/^Add it to `outline` in course\.yml, or remove the link\.$/, () => 'Tambahkan ke `outline` di course.yml, atau hapus tautannya.'],
  [/^Outline entries are paths from the course folder; the files here: (.*)\.$/, (p) => `Entri outline adalah path dari folder kursus; berkas yang ada: ${p}.`],
  [/^This folder has course\.yml: to use it, give `\.` as the folder, e\.g\. `integrity-ranger build \.`$/, () => 'Folder ini berisi course.yml: untuk memakainya, berikan `.` sebagai folder, misalnya `integrity-ranger build .`'],
  [/^Give the folder that holds course\.yml, e\.g\. `integrity-ranger build my-course` \(default: \.\/content\)\.$/, () => 'Berikan folder yang berisi course.yml, misalnya `integrity-ranger build kursus-saya` (bawaan: ./content).'],
  [/^Close it with (.) before the end of the value, or remove it\.$/, (q) => `Tutup dengan ${q} sebelum nilai berakhir, atau hapus.`],
  [/^Every loop needs a way out to an ending scene\.$/, () => 'Setiap putaran memerlukan jalan keluar ke adegan akhir.'],
  [/^Write `\{#(.*) ending=pass\}` or `\{#(.*) ending=fail\}`\.$/, (a, b) => `Tulis \`{#${a} ending=pass}\` atau \`{#${b} ending=fail}\`.`],
  [/^Add Markdown files under lessons\/ or scenarios\/\.$/, () => 'Tambahkan berkas Markdown di lessons/ atau scenarios/.'],
];

// Issue 12's rules first: they are the more specific where both match (IR102's "test needs …").
for (const [code, rules] of Object.entries(ASSESS_MESSAGES) as [DiagnosticCode, Rule[]][]) MESSAGES[code] = [...rules, ...(MESSAGES[code] ?? [])];
HINTS.push(...ASSESS_HINTS);

function apply(rules: readonly Rule[] | undefined, text: string): string | null {
  for (const [re, say] of rules ?? []) {
    const m = re.exec(text);
    if (m) return say(...m.slice(1));
  }
  return null;
}

/** Whether the Indonesian edition has this diagnostic's message and hint (tests list what is left). */
export function hasIndonesian(d: Diagnostic): { message: boolean; hint: boolean } {
  const hint = d.hint === undefined || (d.hint === (catalogue[d.code] as CatalogueEntry).hint && catalogueId[d.code].hint !== undefined) || apply(HINTS, d.hint) !== null;
  return { message: apply(MESSAGES[d.code], d.message) !== null, hint };
}

/** The diagnostic in the reader's language: message and hint translated where the edition has them. */
export function localizeDiagnostic<T extends Diagnostic>(d: T, lang: 'en' | 'id'): T {
  if (lang === 'en') return d;
  const out: T = { ...d, message: apply(MESSAGES[d.code], d.message) ?? d.message };
  if (d.hint !== undefined) {
    const fromCatalogue = d.hint === (catalogue[d.code] as CatalogueEntry).hint ? catalogueId[d.code].hint : undefined;
    out.hint = fromCatalogue ?? apply(HINTS, d.hint) ?? d.hint;
  }
  return out;
}
