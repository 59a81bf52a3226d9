import { describe, expect, it } from 'vitest';
import { parseVtt, vttTime } from '../../src/render/webvtt.js';

const lines = (r: ReturnType<typeof parseVtt>) => r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('WebVTT reader', () => {
  it('reads cues with identifiers, settings, NOTE and STYLE blocks, CRLF and a BOM', () => {
    const text = '\ufeffWEBVTT - Kapsyen\r\nKind: captions\r\n\r\nSTYLE\r\n::cue { color: yellow }\r\n\r\nNOTE dibuat tangan\r\n\r\n1\r\n00:00.000 --> 00:01.500 align:start line:0\r\nSatu\r\n<i>dua</i>\r\n\r\n01:00:01.000 --> 01:00:02.250\r\nTiga\r\n';
    const r = parseVtt(text);
    expect(lines(r)).toEqual([]);
    expect(r.cues).toEqual([
      { start: 0, end: 1.5, text: 'Satu\n<i>dua</i>' },
      { start: 3601, end: 3602.25, text: 'Tiga' },
    ]);
  });

  it('timestamps: hours optional, minutes and seconds below 60, three decimals', () => {
    expect(vttTime('00:01.000')).toBe(1);
    expect(vttTime('10:00:00.500')).toBe(36000.5);
    expect(vttTime('00:60.000')).toBeNull();
    expect(vttTime('60:00.000')).toBeNull();
    expect(vttTime('0:01.000')).toBeNull();
    expect(vttTime('00:01,000')).toBeNull();
    expect(vttTime('00:01.00')).toBeNull();
  });

  it('reports every problem at its own line', () => {
    const r = parseVtt([
      'WEBVTT',
      '',
      '00:02.000 --> 00:01.000',
      'backwards',
      '',
      '00:00.500 --> 00:03.000',
      'before the cue above',
      '',
      'id only',
      '',
      '00:04.000 --> 00:05.000',
      'one --> two',
      '',
      '00:06.000 --> 00:07.000',
      '',
      'STYLE',
      '::cue {}',
    ].join('\n'));
    expect(lines(r)).toEqual([
      '3:15 the cue ends (00:01.000) before it starts (00:02.000)',
      '6:1 the cue starts at 00:00.500, before the cue above it: cues must be in order of their start time',
      '9:1 expected a cue timing line such as `00:00.000 --> 00:04.000`',
      '12:5 cue text cannot contain `-->`: is a blank line missing before the next cue?',
      '14:1 the cue has no text',
      '16:1 a STYLE block must come before the first cue',
    ]);
  });

  it('refuses a file without the signature, one without cues, and a header running into a cue', () => {
    expect(lines(parseVtt('WEBVTTX\n\n00:00.000 --> 00:01.000\nx\n'))).toEqual(['1:1 a WebVTT file starts with a line `WEBVTT`']);
    expect(lines(parseVtt('1\n00:00.000 --> 00:01.000\nx\n'))).toEqual(['1:1 a WebVTT file starts with a line `WEBVTT`']);
    expect(lines(parseVtt('WEBVTT\n\nNOTE only a note\n'))).toEqual(['1:1 the file has no cues']);
    expect(lines(parseVtt('WEBVTT\n00:00.000 --> 00:01.000\nx\n'))[0]).toBe('2:1 a blank line must separate the `WEBVTT` header from the first cue');
  });

  it('accepts the default course and the media fixture captions', async () => {
    const { readFileSync } = await import('node:fs');
    for (const f of ['content/assets/cara-melapor-gratifikasi.id.vtt', 'test/fixtures/media/content/assets/klip.id.vtt', 'test/fixtures/media/content/assets/klip.en.vtt']) {
      const r = parseVtt(readFileSync(f, 'utf8'));
      expect(lines(r), f).toEqual([]);
      expect(r.cues.length, f).toBeGreaterThan(1);
    }
  });
});
