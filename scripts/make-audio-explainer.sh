#!/bin/sh
# Regenerates the default course's audio explainer, content/assets/cara-melapor-gratifikasi.mp3,
# and its captions, content/assets/cara-melapor-gratifikasi.id.vtt, from the cues below: one
# caption per line, `caption text` or `caption text | how to say it` when the synthesizer needs help.
# The words restate lesson 02's section "Cara melapor" (and its 30-day rule); they add no claim.
# The transcript (cara-melapor-gratifikasi.transcript.md) is written by hand from the same words.
#
# Needs Debian's espeak-ng (the Indonesian voice `id`), ffmpeg (ffprobe, to time each cue)
# and lame (the encoder):  apt-get install -y espeak-ng ffmpeg lame
# Nothing in the tool or its tests runs this: the mp3 and the .vtt are committed.
set -eu
cd "$(dirname "$0")/../content/assets"
name=cara-melapor-gratifikasi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/cues.txt" <<'CUES'
Cara melaporkan gratifikasi.
Sikap pertama adalah menolak, dengan sopan dan tegas.
Bila pemberian tidak bisa ditolak, misalnya dikirim ke rumah,
laporkan paling lambat 30 hari kerja sejak tanggal gratifikasi diterima. | laporkan paling lambat tiga puluh hari kerja sejak tanggal gratifikasi diterima.
Ada dua jalur pelaporan.
Pertama, melalui UPG, Unit Pengendalian Gratifikasi di instansi Anda sendiri. | Pertama, melalui U P G, Unit Pengendalian Gratifikasi di instansi Anda sendiri.
UPG biasanya memakai tenggat internal yang lebih pendek. Ikuti tenggat itu. | U P G biasanya memakai tenggat internal yang lebih pendek. Ikuti tenggat itu.
Kedua, langsung ke KPK melalui Gratifikasi Online, | Kedua, langsung ke K P K melalui Gratifikasi Online,
di laman gol.kpk.go.id atau aplikasinya di ponsel. | di laman gol, titik, K P K, titik, go, titik, i d, atau aplikasinya di ponsel.
Siapkan isi laporan: identitas dan jabatan Anda;
jenis dan perkiraan nilai pemberian; tanggal dan tempat penerimaan;
identitas pemberi dan hubungannya dengan tugas Anda;
serta kronologi singkat dan foto barang.
Uang atau voucher jangan dipakai. Simpan terpisah, dan ikuti petunjuk UPG atau keputusan KPK. | Uang atau voucher jangan dipakai. Simpan terpisah, dan ikuti petunjuk U P G atau keputusan K P K.
KPK, paling lambat 30 hari kerja sejak menerima laporan, | K P K, paling lambat tiga puluh hari kerja sejak menerima laporan,
menetapkan apakah gratifikasi itu menjadi milik penerima atau milik negara. | menetapkan apakah gratifikasi itu menjadi milik penerima, atau milik negara.
CUES

# mm:ss.ttt from milliseconds.
stamp() { printf '%02d:%02d.%03d' $(($1 / 60000)) $(($1 / 1000 % 60)) $(($1 % 1000)); }

gap=300   # ms of silence after each cue
printf 'WEBVTT\n' > "$name.id.vtt"
: > "$work/list.txt"
t=0; n=0
while IFS= read -r line; do
  n=$((n + 1))
  caption=${line%% | *}
  spoken=${line#* | }
  espeak-ng -v id -s 175 -w "$work/$n.wav" "$spoken"
  ms=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/$n.wav" | awk '{ printf "%d", $1 * 1000 }')
  printf '\n%s --> %s\n%s\n' "$(stamp $t)" "$(stamp $((t + ms)))" "$caption" >> "$name.id.vtt"
  ffmpeg -nostdin -v error -y -i "$work/$n.wav" -af "apad=pad_dur=${gap}ms" -ar 22050 -ac 1 "$work/p$n.wav"
  echo "file '$work/p$n.wav'" >> "$work/list.txt"
  t=$((t + ms + gap))
done < "$work/cues.txt"

# Mono, 22.05 kHz, 32 kbit/s: speech stays clear and a minute weighs about 250 KB.
ffmpeg -nostdin -v error -y -f concat -safe 0 -i "$work/list.txt" -c:a pcm_s16le "$work/all.wav"
lame --quiet -m m -b 32 --resample 22.05 --noreplaygain -t "$work/all.wav" "$name.mp3"
# Reproducible bytes: no encoder tag with a date, no ID3 tag.
echo "wrote $name.mp3 ($(wc -c < "$name.mp3") bytes, $(stamp $t)) and $name.id.vtt"
