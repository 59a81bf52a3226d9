/**
 * A small, strict WebVTT reader (W3C WebVTT, https://www.w3.org/TR/webvtt1/):
 * enough to refuse a caption file a browser would silently drop or misplay.
 * It checks the `WEBVTT` signature, that every block is a cue, a NOTE, or
 * (before the first cue) a STYLE or REGION block, each cue's timing line
 * (`[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt`, minutes and seconds below 60, the end
 * after the start), that cues start in order (§4.1: "ordered by start time"),
 * and that cue text never contains `-->`. Cue settings are passed over.
 */

export interface VttProblem {
  /** 1-based, in the .vtt file. */
  line: number;
  column: number;
  message: string;
}

export interface VttCue {
  start: number;
  end: number;
  text: string;
}

const TIME = /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/;

/** Seconds, or null when `s` is not a WebVTT timestamp. */
export function vttTime(s: string): number | null {
  const m = TIME.exec(s);
  if (!m) return null;
  const min = +m[2]!;
  const sec = +m[3]!;
  if (min > 59 || sec > 59) return null;
  return (m[1] ? +m[1] * 3600 : 0) + min * 60 + sec + +m[4]! / 1000;
}

export function parseVtt(text: string): { cues: VttCue[]; problems: VttProblem[] } {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const problems: VttProblem[] = [];
  const cues: VttCue[] = [];
  const bad = (line: number, message: string, column = 1) => problems.push({ line, column, message });
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    bad(1, 'a WebVTT file starts with a line `WEBVTT`');
    return { cues, problems };
  }
  let i = 1;
  // The header runs to the first blank line.
  while (i < lines.length && lines[i] !== '') {
    if (lines[i]!.includes('-->')) bad(i + 1, 'a blank line must separate the `WEBVTT` header from the first cue');
    i++;
  }
  let lastStart = -1;
  while (i < lines.length) {
    if (lines[i] === '') {
      i++;
      continue;
    }
    const first = i;
    const block: string[] = [];
    while (i < lines.length && lines[i] !== '') block.push(lines[i++]!);
    const head = block[0]!;
    if (/^NOTE(?:[ \t]|$)/.test(head)) {
      if (block.some((l) => l.includes('-->'))) bad(first + 1, 'a NOTE block cannot contain `-->`');
      continue;
    }
    if (/^(STYLE|REGION)[ \t]*$/.test(head) && !block.some((l) => l.includes('-->'))) {
      if (cues.length) bad(first + 1, `a ${head.trim()} block must come before the first cue`);
      continue;
    }
    // An optional identifier line, then the timing line.
    const t = head.includes('-->') ? 0 : 1;
    const timing = block[t];
    const at = first + t + 1;
    if (timing === undefined || !timing.includes('-->')) {
      bad(first + 1, 'expected a cue timing line such as `00:00.000 --> 00:04.000`');
      continue;
    }
    const m = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/.exec(timing);
    const start = m ? vttTime(m[1]!) : null;
    const end = m ? vttTime(m[2]!) : null;
    if (start === null || end === null) {
      bad(at, `cannot read \`${timing.slice(0, 60)}\` as cue timings: write \`mm:ss.ttt --> mm:ss.ttt\` (or hh:mm:ss.ttt), with minutes and seconds below 60`);
      continue;
    }
    if (end <= start) bad(at, `the cue ends (${m![2]}) before it starts (${m![1]})`, timing.indexOf(m![2]!) + 1);
    if (start < lastStart) bad(at, `the cue starts at ${m![1]}, before the cue above it: cues must be in order of their start time`);
    lastStart = Math.max(lastStart, start);
    const body = block.slice(t + 1);
    body.forEach((l, k) => {
      if (l.includes('-->')) bad(at + 1 + k, 'cue text cannot contain `-->`: is a blank line missing before the next cue?', l.indexOf('-->') + 1);
    });
    if (!body.length) bad(at, 'the cue has no text');
    cues.push({ start, end, text: body.join('\n') });
  }
  if (!cues.length && !problems.length) bad(1, 'the file has no cues');
  return { cues, problems };
}
