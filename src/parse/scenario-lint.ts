import type { Diagnostics } from '../core/diagnostics.js';
import type { Scenario, Scene, SceneChoice } from '../core/model.js';

/**
 * Scoring must agree with what the lessons teach (IR320–IR323): a learner who
 * takes a `{bad}` choice cannot pass, one who takes only `{good}` choices cannot
 * fail, a choice that changes the result says whether it is right or wrong,
 * and passing earns more than failing.
 *
 * A scene's *results* are the (outcome, score) pairs of the endings reachable
 * from it. There are at most 202 distinct pairs (pass or fail, score 0–100),
 * so each scene's set is a small bitset, computed once over the graph's
 * strongly connected components: scenarios may loop, and the whole lint is
 * linear in scenes × choices.
 *
 * parseScenario runs it only on a scenario without errors, so scene ids are
 * unique, every choice leads to a scene and every scene reaches an ending: on
 * a broken graph its answers would be noise.
 */
export function lintScenario(s: Scenario, diags: Diagnostics): void {
  const g = buildGraph(s.scenes);
  const accepted = untaggedChoices(g, diags);
  badChoicesThatPass(g, diags);
  goodPathsThatFail(g, g.ix.get(s.start)!, accepted, diags);
  // A scenario worth no points earns nothing whatever its scores.
  if (s.points > 0) passesBelowFails(s.scenes, diags);
}

type Ending = NonNullable<Scene['ending']>;

interface Graph {
  scenes: readonly Scene[];
  ix: Map<string, number>;
  target: (c: SceneChoice) => number;
  /** Per scene, the results reachable from it, as bits over `kinds`. */
  results: Uint32Array[];
  kinds: Ending[];
  words: number;
}

function buildGraph(scenes: readonly Scene[]): Graph {
  const ix = new Map(scenes.map((sc, i) => [sc.id, i]));
  const target = (c: SceneChoice): number => ix.get(c.target)!;
  const kinds: Ending[] = [];
  const kindIx = new Map<string, number>();
  const key = (e: Ending): string => `${e.outcome} ${e.score}`;
  for (const sc of scenes) {
    if (sc.ending && !kindIx.has(key(sc.ending))) {
      kindIx.set(key(sc.ending), kinds.length);
      kinds.push(sc.ending);
    }
  }
  const words = Math.max(1, Math.ceil(kinds.length / 32));
  const own = scenes.map((sc) => {
    const bits = new Uint32Array(words);
    if (sc.ending) setBit(bits, kindIx.get(key(sc.ending))!);
    return bits;
  });
  const results = reachableBits(scenes.map((sc) => sc.choices.map(target)), own, words);
  return { scenes, ix, target, results, kinds, words };
}

/**
 * IR322. An untagged choice decides nothing, and counts as right for IR321,
 * when it keeps every result of its scene open (an "ask first" that returns,
 * a scene whose choices all lead alike) or leads to the same results as one of
 * the scene's `{good}` choices. Returns those choices.
 */
function untaggedChoices(g: Graph, diags: Diagnostics): Set<SceneChoice> {
  const { scenes, results, target, kinds } = g;
  const accepted = new Set<SceneChoice>();
  const taggedInto = new Map<string, SceneChoice>();
  for (const sc of scenes) for (const c of sc.choices) if (c.quality !== 'neutral' && !taggedInto.has(c.target)) taggedInto.set(c.target, c);
  scenes.forEach((sc, i) => {
    const all = results[i]!;
    const sets = sc.choices.map((c) => results[target(c)]!);
    const goods = new Uint32Array(g.words);
    sc.choices.forEach((c, j) => c.quality === 'good' && orBits(goods, sets[j]!));
    const goodCount = sc.choices.filter((c) => c.quality === 'good').length;
    sc.choices.forEach((c, j) => {
      if (c.quality !== 'neutral') return;
      const mine = sets[j]!;
      if (sameBits(mine, all) || sc.choices.some((o, k) => o.quality === 'good' && sameBits(sets[k]!, mine))) {
        accepted.add(c);
        return;
      }
      const good = goodCount === 0 ? ' and has no {good} choice' : `, and its {good} ${goodCount === 1 ? 'choice' : 'choices'} in ${describeResults(goods, kinds)}`;
      const tagged = taggedInto.get(c.target);
      diags.report(
        'IR322',
        c.at,
        `this choice is neither {good} nor {bad}, yet it decides the result: it can only end in ${describeResults(mine, kinds)}, while #${sc.id} can end in ${describeResults(all, kinds)}${good}`,
        tagged
          ? `Tag it \`{good}\` or \`{bad}\`. The choice at line ${tagged.at.line}, which leads to the same scene #${c.target}, is tagged \`{${tagged.quality}}\`.`
          : undefined,
      );
    });
  });
  return accepted;
}

/**
 * IR320, at the last `{bad}` choice before a pass: the pass endings reachable
 * from its target without another `{bad}` choice. Each scene keeps the nearest
 * few, so naming them costs O(choices) however many `{bad}` choices there are.
 */
function badChoicesThatPass(g: Graph, diags: Diagnostics): void {
  const { scenes, target } = g;
  const passIds = scenes.flatMap((sc, i) => (sc.ending?.outcome === 'pass' ? [i] : []));
  const notBadPred: number[][] = scenes.map(() => []);
  scenes.forEach((sc, i) => sc.choices.forEach((c) => c.quality !== 'bad' && notBadPred[target(c)]!.push(i)));
  const passNear = nearestSources(scenes.length, (v) => notBadPred[v]!, passIds, NAMED + 1);
  for (const sc of scenes) {
    for (const c of sc.choices) {
      const found = c.quality === 'bad' ? passNear[target(c)]! : [];
      if (found.length === 0) continue;
      const names = found.slice(0, NAMED).map((e) => `#${scenes[e]!.id} (line ${scenes[e]!.at.line}, score ${scenes[e]!.ending!.score})`);
      diags.report('IR320', c.at, `this {bad} choice can still end in a pass: ${names.join(', ')}${found.length > NAMED ? ' and more' : ''}`);
    }
  }
}

/**
 * IR321: breadth-first over (scene, whether a `{good}` choice has been taken),
 * through `{good}` and accepted untagged choices only; the first path found to
 * each fail ending is a shortest one, and each fail ending is reported once.
 */
function goodPathsThatFail(g: Graph, start: number, accepted: ReadonlySet<SceneChoice>, diags: Diagnostics): void {
  const { scenes, target } = g;
  const n = scenes.length;
  const via = new Array<SceneChoice | null>(2 * n).fill(null);
  const from = new Int32Array(2 * n).fill(-1);
  const seen = new Uint8Array(2 * n);
  const queue = [start];
  seen[start] = 1;
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const tookGood = state >= n;
    for (const c of scenes[state % n]!.choices) {
      if (c.quality === 'bad' || (c.quality === 'neutral' && !accepted.has(c))) continue;
      const next = target(c) + (tookGood || c.quality === 'good' ? n : 0);
      if (seen[next]) continue;
      seen[next] = 1;
      from[next] = state;
      via[next] = c;
      queue.push(next);
    }
  }
  scenes.forEach((sc, i) => {
    if (sc.ending?.outcome !== 'fail' || !seen[n + i]) return;
    const path: SceneChoice[] = [];
    for (let st = n + i; from[st]! >= 0; st = from[st]!) path.push(via[st]!);
    path.reverse();
    const lines = path.map((c) => c.at.line);
    const shown = lines.length > NAMED_LINES ? [...lines.slice(0, NAMED_LINES / 2), '…', ...lines.slice(-NAMED_LINES / 2)] : lines;
    const untagged = path.some((c) => c.quality === 'neutral') ? ' (the untagged ones do not change the result)' : '';
    diags.report('IR321', sc.at, `fail ending #${sc.id} can be reached by taking only {good} choices: the choices at lines ${shown.join(' → ')}${untagged}`);
  });
}

/** IR323: a play earns points × score / 100, so a fail must not earn as much as a pass. */
function passesBelowFails(scenes: readonly Scene[], diags: Diagnostics): void {
  let bestFail: Scene | null = null;
  for (const sc of scenes) if (sc.ending?.outcome === 'fail' && (!bestFail || sc.ending.score > bestFail.ending!.score)) bestFail = sc;
  if (!bestFail) return;
  const failScore = bestFail.ending!.score;
  for (const sc of scenes) {
    if (sc.ending?.outcome !== 'pass' || sc.ending.score > failScore) continue;
    diags.report('IR323', sc.at, `pass ending #${sc.id} scores ${sc.ending.score}, no more than fail ending #${bestFail.id} (line ${bestFail.at.line}, score ${failScore})`);
  }
}

/** How many pass endings an IR320 message names; how many choice lines an IR321 path shows. */
const NAMED = 3;
const NAMED_LINES = 12;

function describeResults(bits: Uint32Array, kinds: readonly Ending[]): string {
  const parts = (['pass', 'fail'] as const).flatMap((outcome) => {
    const scores = kinds
      .filter((e, k) => e.outcome === outcome && hasBit(bits, k))
      .map((e) => e.score)
      .sort((a, b) => b - a);
    return scores.length ? [`${outcome} (score ${orList(scores.length > NAMED_LINES ? [...scores.slice(0, NAMED_LINES), '…'] : scores)})`] : [];
  });
  return parts.length ? orList(parts) : 'no ending';
}

function orList(items: readonly (string | number)[]): string {
  return items.length < 2 ? String(items[0]) : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

/**
 * For each node, the union of `own` over every node reachable from it
 * (itself included). Tarjan's algorithm, iterative so a long chain of scenes
 * cannot overflow the stack, emits each strongly connected component after
 * every component it reaches, so one pass computes all the unions; the nodes
 * of a component share one bitset. O((nodes + edges) × words).
 */
export function reachableBits(succ: readonly (readonly number[])[], own: readonly Uint32Array[], words: number): Uint32Array[] {
  const n = succ.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const out = new Array<Uint32Array>(n);
  const stack: number[] = [];
  const frames: number[] = [];
  const cursor: number[] = [];
  let counter = 0;
  let comps = 0;
  const enter = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    frames.push(v);
    cursor.push(0);
  };
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (frames.length) {
      const f = frames.length - 1;
      const v = frames[f]!;
      const edges = succ[v]!;
      if (cursor[f]! < edges.length) {
        const w = edges[cursor[f]!++]!;
        if (index[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      frames.pop();
      cursor.pop();
      if (frames.length) {
        const u = frames[frames.length - 1]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        comp[w] = comps;
        members.push(w);
      } while (w !== v);
      const bits = new Uint32Array(words);
      for (const m of members) {
        orBits(bits, own[m]!);
        for (const x of succ[m]!) if (comp[x] !== comps) orBits(bits, out[x]!);
      }
      for (const m of members) out[m] = bits;
      comps++;
    }
  }
  return out;
}

/**
 * For each node, up to `k` distinct sources that reach it along `pred`
 * (a reverse search), nearest first. Each node takes at most k labels and
 * passes each on once, so the cost is O(k × edges), however many sources.
 */
export function nearestSources(n: number, pred: (v: number) => readonly number[], sources: readonly number[], k: number): number[][] {
  const labels: number[][] = Array.from({ length: n }, () => []);
  const qNode: number[] = [];
  const qLabel: number[] = [];
  for (const s of sources) {
    labels[s]!.push(s);
    qNode.push(s);
    qLabel.push(s);
  }
  for (let head = 0; head < qNode.length; head++) {
    const label = qLabel[head]!;
    for (const u of pred(qNode[head]!)) {
      const have = labels[u]!;
      if (have.length >= k || have.includes(label)) continue;
      have.push(label);
      qNode.push(u);
      qLabel.push(label);
    }
  }
  return labels;
}

function setBit(bits: Uint32Array, k: number): void {
  bits[k >>> 5]! |= 1 << (k & 31);
}

function hasBit(bits: Uint32Array, k: number): boolean {
  return (bits[k >>> 5]! & (1 << (k & 31))) !== 0;
}

function orBits(into: Uint32Array, from: Uint32Array): void {
  for (let i = 0; i < into.length; i++) into[i]! |= from[i]!;
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
