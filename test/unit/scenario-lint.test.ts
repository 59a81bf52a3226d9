import { describe, expect, it } from 'vitest';
import { compileFiles, compileFolder } from '../helpers/compile.js';
import { Diagnostics, type Diagnostic } from '../../src/core/diagnostics.js';
import { parseScenario } from '../../src/parse/scenario.js';
import { nearestSources, reachableBits } from '../../src/parse/scenario-lint.js';

type Tag = 'good' | 'bad' | '';
/** A scene: `[id, choices]` with choices `[target, tag]`, or `[id, 'pass' | 'fail', score?]` for an ending. */
type SceneSpec = [string, [string, Tag][]] | [string, 'pass' | 'fail', number?];

/** Writes a scenario file; returns its text and the line of each scene heading and choice (`id` / `id>target`). */
function write(scenes: SceneSpec[], front = 'title: Uji'): { text: string; line: Map<string, number> } {
  const out = ['---', front, '---', ''];
  const line = new Map<string, number>();
  for (const [id, what, score] of scenes) {
    line.set(id, out.length + 1);
    if (typeof what === 'string') {
      out.push(`## ${id} {#${id} ending=${what}${score === undefined ? '' : ` score=${score}`}}`, '', 'Akhir.', '');
      continue;
    }
    out.push(`## ${id} {#${id}}`, '', 'Apa yang Anda lakukan?', '');
    what.forEach(([target, tag], i) => {
      line.set(`${id}>${target}`, out.length + 1);
      out.push(`- [Pilihan ${i + 1} ke ${target}](#${target})${tag ? ` {${tag}}` : ''}`);
    });
    out.push('');
  }
  return { text: out.join('\n'), line };
}

function lint(scenes: SceneSpec[], front?: string): { diags: Diagnostic[]; line: Map<string, number> } {
  const { text, line } = write(scenes, front);
  const diags = new Diagnostics();
  parseScenario('scenarios/uji.md', text, diags);
  return { diags: diags.sorted(), line };
}

/** `CODE line` per diagnostic. */
function at(d: Diagnostic[]): string[] {
  return d.map((x) => `${x.code} ${x.line}`);
}

describe('scenario consistency lint', () => {
  it('stays silent on a consistent scenario with a loop, a one-choice scene and an untagged choice that leads where a good one does', () => {
    const { diags } = lint([
      ['mulai', [['tolak', 'good'], ['tanya', ''], ['terima', 'bad']]],
      // Asking first leads to the same results as refusing: {pass 100}.
      ['tanya', [['jelaskan', '']]],
      ['jelaskan', [['tolak', 'good'], ['tanya', '']]],
      ['terima', [['simpan', 'bad'], ['ragu', '']]],
      // A loop among wrong choices: every way out fails.
      ['ragu', [['terima', ''], ['simpan', '']]],
      ['tolak', 'pass'],
      ['simpan', 'fail', 10],
    ]);
    expect(diags).toEqual([]);
  });

  describe('IR320: a {bad} choice that can still pass', () => {
    it('is reported at the last {bad} choice before the pass, naming the ending', () => {
      const { diags, line } = lint([
        ['mulai', [['tolak', 'good'], ['terima', 'bad']]],
        ['terima', [['sesal', 'good'], ['simpan', 'bad']]],
        ['sesal', [['lapor', 'good'], ['pakai', 'bad']]],
        // The second {bad} choice on the way is the one that passes; the first is reported for its own path.
        ['pakai', [['lapor', 'bad']]],
        ['tolak', 'pass'],
        ['lapor', 'pass', 60],
        ['simpan', 'fail'],
      ]);
      expect(at(diags)).toEqual([`IR320 ${line.get('mulai>terima')}`, `IR320 ${line.get('pakai>lapor')}`]);
      expect(diags[0]!.message).toBe(`this {bad} choice can still end in a pass: #lapor (line ${line.get('lapor')}, score 60)`);
      expect(diags[0]!.column).toBe('- [Pilihan 2 ke terima]('.length + 1);
      expect(diags[0]!.hint).toContain('`ending=fail`');
      expect(diags[1]!.message).toContain('#lapor');
    });

    it('does not blame an earlier {bad} choice whose passes all go through a later one', () => {
      const { diags, line } = lint([
        ['mulai', [['tolak', 'good'], ['terima', 'bad']]],
        ['terima', [['lapor', 'bad'], ['simpan', 'bad']]],
        ['tolak', 'pass'],
        ['lapor', 'pass', 60],
        ['simpan', 'fail'],
      ]);
      expect(at(diags)).toEqual([`IR320 ${line.get('terima>lapor')}`]);
    });

    it('follows loops, and names at most three endings', () => {
      const { diags, line } = lint([
        ['mulai', [['tolak', 'good'], ['putar', 'bad']]],
        ['putar', [['lagi', ''], ['a', ''], ['b', ''], ['c', ''], ['d', '']]],
        ['lagi', [['putar', ''], ['mulai', '']]],
        ['tolak', 'pass'],
        ['a', 'pass', 50],
        ['b', 'pass', 50],
        ['c', 'pass', 50],
        ['d', 'fail'],
      ]);
      const ir320 = diags.filter((d) => d.code === 'IR320');
      expect(at(ir320)).toEqual([`IR320 ${line.get('mulai>putar')}`]);
      // From #putar, through the loop back to #mulai, all four pass endings are reachable.
      expect(ir320[0]!.message).toMatch(/^this \{bad\} choice can still end in a pass: (#\w+ \(line \d+, score \d+\), ){2}#\w+ \(line \d+, score \d+\) and more$/);
    });
  });

  describe('IR321: a fail reachable by {good} choices only', () => {
    it('is reported once per fail ending, with the shortest path, through loops and one-choice scenes', () => {
      const { diags, line } = lint([
        ['mulai', [['lapor', 'good'], ['terima', 'bad']]],
        ['lapor', [['lanjut', '']]],
        ['lanjut', [['mulai', 'good'], ['gagal', 'good'], ['bersih', 'good']]],
        ['terima', [['gagal', 'bad']]],
        ['bersih', 'pass'],
        ['gagal', 'fail'],
      ]);
      expect(at(diags)).toEqual([`IR321 ${line.get('gagal')}`]);
      expect(diags[0]!.column).toBe(1);
      expect(diags[0]!.message).toBe(
        `fail ending #gagal can be reached by taking only {good} choices: the choices at lines ${line.get('mulai>lapor')} → ${line.get('lapor>lanjut')} → ${line.get('lanjut>gagal')} (the untagged ones do not change the result)`,
      );
    });

    it('is not reported when every path to the fail takes a {bad} choice or an untagged choice that decides', () => {
      const { diags, line } = lint([
        ['mulai', [['lapor', 'good'], ['diam', '']]],
        ['lapor', [['bersih', 'good'], ['bocor', 'bad']]],
        ['diam', [['gagal', 'good']]],
        ['bocor', [['gagal', '']]],
        ['bersih', 'pass'],
        ['gagal', 'fail'],
      ]);
      // #diam decides (it can only fail), so it is IR322, and its path is not one of {good} choices.
      expect(at(diags)).toEqual([`IR322 ${line.get('mulai>diam')}`]);
    });

    it('needs at least one {good} choice on the path: a story without decisions is not judged', () => {
      const { diags } = lint([
        ['mulai', [['tengah', '']]],
        ['tengah', [['gagal', '']]],
        ['gagal', 'fail'],
      ]);
      expect(diags).toEqual([]);
    });
  });

  describe('IR322: an untagged choice that decides the result', () => {
    it('is reported at the untagged choice, saying where it and the others can end', () => {
      const { diags, line } = lint([
        ['mulai', [['lapor', 'good'], ['diam', ''], ['ikut', 'bad']]],
        ['lapor', 'pass'],
        ['diam', 'pass', 60],
        ['ikut', 'fail'],
      ]);
      expect(at(diags)).toEqual([`IR322 ${line.get('mulai>diam')}`]);
      // A different score is a different result: pass 60 is not pass 100.
      expect(diags[0]!.message).toBe(
        'this choice is neither {good} nor {bad}, yet it decides the result: it can only end in pass (score 60), while #mulai can end in pass (score 100 or 60) or fail (score 0), and its {good} choice in pass (score 100)',
      );
      expect(diags[0]!.hint).toContain('Tag it `{good}` or `{bad}`');
    });

    it('points to a tagged choice that leads to the same scene', () => {
      const { diags, line } = lint([
        ['mulai', [['catat', 'good'], ['teken', '']]],
        ['catat', [['lapor', 'good'], ['teken', 'bad']]],
        ['teken', [['akui', 'good'], ['bantah', 'bad']]],
        ['lapor', 'pass'],
        ['akui', 'fail', 20],
        ['bantah', 'fail'],
      ]);
      expect(at(diags)).toEqual([`IR322 ${line.get('mulai>teken')}`]);
      expect(diags[0]!.hint).toBe(`Tag it \`{good}\` or \`{bad}\`. The choice at line ${line.get('catat>teken')}, which leads to the same scene #teken, is tagged \`{bad}\`.`);
    });

    it('is silent when all choices lead to the same results, or the untagged one leads to what a {good} one leads to', () => {
      const { diags } = lint([
        ['mulai', [['a', ''], ['b', '']]],
        ['a', [['x', 'good'], ['y', 'bad']]],
        ['b', [['x', 'good'], ['sama', ''], ['y', 'bad']]],
        ['sama', [['x', '']]],
        ['x', 'pass'],
        ['y', 'fail'],
      ]);
      expect(diags).toEqual([]);
    });

    it('is silent on an untagged choice that keeps every result of its scene open', () => {
      const { diags } = lint([
        // "Ask first" comes back; "wait" defers the decision to a scene that can still reach everything.
        ['mulai', [['tolak', 'good'], ['tanya', ''], ['tunggu', ''], ['terima', 'bad']]],
        ['tanya', [['mulai', '']]],
        ['tunggu', [['tolak', 'good'], ['terima', 'bad']]],
        ['tolak', 'pass'],
        ['terima', 'fail'],
      ]);
      expect(diags).toEqual([]);
    });

    it('asks to tag every untagged choice of a deciding scene that has no {good} choice', () => {
      const { diags, line } = lint([
        ['mulai', [['x', ''], ['y', '']]],
        ['x', 'pass'],
        ['y', 'fail'],
      ]);
      expect(at(diags)).toEqual([`IR322 ${line.get('mulai>x')}`, `IR322 ${line.get('mulai>y')}`]);
      expect(diags[0]!.message).toBe('this choice is neither {good} nor {bad}, yet it decides the result: it can only end in pass (score 100), while #mulai can end in pass (score 100) or fail (score 0) and has no {good} choice');
    });
  });

  describe('IR323: a pass scoring no more than a fail', () => {
    it('is reported at each such pass ending, naming the best fail', () => {
      const { diags, line } = lint([
        ['mulai', [['a', 'good'], ['b', 'good'], ['c', 'bad'], ['d', 'bad']]],
        ['a', 'pass'],
        ['b', 'pass', 40],
        ['c', 'fail', 40],
        ['d', 'fail', 10],
      ]);
      expect(at(diags)).toEqual([`IR323 ${line.get('b')}`]);
      expect(diags[0]!.message).toBe(`pass ending #b scores 40, no more than fail ending #c (line ${line.get('c')}, score 40)`);
    });

    it('is silent for a scenario worth no points', () => {
      const { diags } = lint(
        [
          ['mulai', [['a', 'good'], ['c', 'bad']]],
          ['a', 'pass', 10],
          ['c', 'fail', 40],
        ],
        'title: Uji\npoints: 0',
      );
      expect(diags).toEqual([]);
    });
  });

  it('does not lint a scenario with errors', () => {
    const { diags } = lint([
      ['mulai', [['x', 'bad'], ['y', 'good']]],
      ['x', 'pass'],
      ['y', 'fail'],
      ['lepas', 'pass'],
    ]);
    expect(diags.map((d) => d.code)).toEqual(['IR303']);
  });

  it('reports through the compiler as warnings, and the course still builds', () => {
    const { text } = write([
      ['mulai', [['x', 'bad'], ['y', 'good']]],
      ['x', 'pass'],
      ['y', 'fail'],
    ]);
    const r = compileFiles({ 'scenarios/uji.md': text });
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning IR320', 'warning IR321']);
    expect(r.artifacts.map((a) => a.target)).toEqual(['scorm12', 'xapi']);
  });

  it('finds the scoring faults the legal review found in course 1.0.0', async () => {
    const r = await compileFolder('test/courses/integrity-ranger-1.0.0');
    const got = r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file.replace(/^scenarios\/(\d+)-.*$/, '$1')}:${d.line}`);
    expect(got).toEqual([
      // 1.0.0's other faults of the same kind: a {bad} choice that still passes, untagged choices that decide.
      'warning IR320 01:24',
      'warning IR322 01:26',
      'warning IR322 01:39',
      'warning IR320 01:51',
      'warning IR320 02:24',
      'warning IR322 02:26',
      'warning IR322 02:39',
      // Sending the citizen to Pak Darto, untagged, can pass.
      'warning IR322 03:26',
      // "Diam saja" leads to #diam-aman, a pass with score 60.
      'warning IR322 03:48',
      // Staying on the Pokja without disclosing, untagged.
      'warning IR322 04:20',
      // Self-reporting after a {bad} reply passes here (#mundur-tepat) but fails in 03 (#mundur-lapor).
      'warning IR320 04:22',
      // Signing the false "progres 100%" statement, untagged here, {bad} at line 37.
      'warning IR322 05:24',
      // Deleting the threat and keeping quiet leads to #aman-diam, a pass with score 60.
      'warning IR322 05:49',
    ]);
    const signing = r.diagnostics.find((d) => d.file.startsWith('scenarios/05') && d.line === 24)!;
    expect(signing.hint).toContain('The choice at line 37, which leads to the same scene #tanda-tangan, is tagged `{bad}`.');
    const silence = r.diagnostics.find((d) => d.file.startsWith('scenarios/03') && d.line === 48)!;
    expect(silence.message).toContain('it can only end in pass (score 60)');
  });

  it('stays linear on a large looping scenario', () => {
    // 20,000 scenes in one long chain with loops back: a recursive search would overflow the
    // stack, and a search per choice would take minutes.
    const n = 20_000;
    const scenes: SceneSpec[] = [];
    for (let i = 0; i < n; i++) {
      const next = i + 1 < n ? `s${i + 1}` : 'lulus';
      scenes.push([`s${i}`, [[next, 'good'], [`s${Math.max(0, i - 3)}`, ''], [i % 2 ? 'gagal' : 'lulus', i === n - 1 ? 'good' : 'bad']]]);
    }
    scenes.push(['lulus', 'pass'], ['gagal', 'fail']);
    // No clock here (a loaded machine would make it flake): a search per choice would run for
    // minutes and meet the test's own time-out; the linear search takes about a second.
    const { diags } = lint(scenes);
    // Every odd scene's {bad} choice fails and every even one's passes: IR320 at each even scene.
    expect(diags.filter((d) => d.code === 'IR320')).toHaveLength(n / 2);
    // The last scene's {good} choice fails: one IR321, on the one fail ending.
    expect(diags.filter((d) => d.code === 'IR321')).toHaveLength(1);
    // The untagged ways back keep every result open: no IR322.
    expect(diags).toHaveLength(n / 2 + 1);
  });
});

/** A small seeded generator, so a failure names a graph that can be rebuilt. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function randomGraph(seed: number): number[][] {
  const r = rng(seed);
  const n = 1 + Math.floor(r() * 40);
  return Array.from({ length: n }, () => Array.from({ length: Math.floor(r() * 4) }, () => Math.floor(r() * n)));
}

function reach(succ: number[][], from: number): Set<number> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) for (const w of succ[stack.pop()!]!) if (!seen.has(w)) seen.add(w), stack.push(w);
  return seen;
}

describe('graph algorithms', () => {
  it('reachableBits gives each node the union over everything it reaches, cycles and self-loops included', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const succ = randomGraph(seed);
      const n = succ.length;
      // Label k sits on node k for every third node; 40 labels need two words.
      const labelled = [...Array(n).keys()].filter((v) => v % 3 === 0);
      const own = succ.map((_, v) => {
        const b = new Uint32Array(2);
        if (v % 3 === 0) b[v >>> 5]! |= 1 << (v & 31);
        return b;
      });
      const got = reachableBits(succ, own, 2);
      for (let v = 0; v < n; v++) {
        const want = labelled.filter((k) => reach(succ, v).has(k));
        const have = labelled.filter((k) => (got[v]![k >>> 5]! & (1 << (k & 31))) !== 0);
        expect(have, `seed ${seed}, node ${v}`).toEqual(want);
      }
    }
  });

  it('nearestSources gives each node up to k of the sources it reaches, all of them when fewer', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const succ = randomGraph(seed);
      const n = succ.length;
      const pred: number[][] = succ.map(() => []);
      succ.forEach((ws, v) => ws.forEach((w) => pred[w]!.push(v)));
      const sources = [...Array(n).keys()].filter((v) => v % 4 === 1);
      const k = 3;
      const got = nearestSources(n, (v) => pred[v]!, sources, k);
      for (let v = 0; v < n; v++) {
        const reachable = sources.filter((s) => reach(succ, v).has(s));
        expect(new Set(got[v]).size, `seed ${seed}, node ${v}`).toBe(got[v]!.length);
        expect(got[v]!.every((s) => reachable.includes(s)), `seed ${seed}, node ${v}`).toBe(true);
        expect(got[v]!.length, `seed ${seed}, node ${v}`).toBe(Math.min(k, reachable.length));
      }
    }
  });
});
