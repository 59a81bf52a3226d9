import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Block, CalloutVariant, Markdown, Scenario, Scene, SceneChoice } from '../core/model.js';
import { parseAttributes, splitTrailingAttributes } from './attributes.js';
import { INDENTED, QUOTE, joinLines, quoteColumn, splitBlocks, splitSections, toLines, type Line } from './blocks.js';
import { openDocument } from './front-matter.js';
import { CALLOUTS } from './lesson.js';
import { checkSceneGraph } from './scenario-graph.js';
import { lintScenario } from './scenario-lint.js';
import { scenarioSchema, validateYaml } from './schemas.js';
import { closest, slugify } from './text.js';
import { parseYaml } from './yaml.js';

const ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const CHOICE = /^[-*+][ \t]+\[((?:[^\]\\]|\\.)+)\]\(#([^)\s]*)\)[ \t]*(?:\{([^{}]*)\})?[ \t]*$/;

interface ScenarioMeta {
  id?: string;
  title?: string;
  dimension?: string;
  points?: number;
  start?: string;
}

/** Parses `scenarios/*.md` into a scene graph and checks the graph (SPEC §1). */
export function parseScenario(file: string, text: string, diags: Diagnostics): Scenario | null {
  const at: At = { file, line: 1, column: 1 };
  const split = openDocument(file, text, diags);
  if (!split) return null;
  const { meta, locate } = readMeta(split.yaml, split.yamlLine, file, diags);
  const id = meta.id ?? split.fileId;

  const sections = splitSections(toLines(split.body, split.bodyLine));
  const introSection = sections[0]!;
  const intro: Markdown | null = introSection.lines.some((l) => l.text.trim())
    ? { text: joinLines(introSection.lines), at: { file, line: introSection.lines[0]!.line, column: 1 } }
    : null;

  const scenes: Scene[] = [];
  for (const section of sections.slice(1)) {
    const scene = parseScene(section.heading!, section.lines, file, diags);
    if (scene) scenes.push(scene);
  }
  if (sections.length === 1) {
    diags.report('IR301', at, `${file} has no scenes`, 'Each scene is a heading `## Title {#scene-id}`.');
    return null;
  }
  const start = meta.start ?? scenes[0]?.id ?? '';
  const scenario: Scenario = {
    kind: 'scenario',
    id,
    title: meta.title ?? id,
    file,
    at,
    intro,
    points: meta.points ?? 1,
    dimension: meta.dimension ?? null,
    dimensionAt: locate(['dimension']),
    start,
    scenes,
  };
  checkSceneGraph(scenario, locate(['start']), diags);
  // The consistency lint reads a sound graph only: with errors in the file its warnings would be noise.
  if (!diags.list.some((d) => d.severity === 'error' && d.file === file)) lintScenario(scenario, diags);
  return scenario;
}

function readMeta(yaml: string | null, line: number, file: string, diags: Diagnostics): { meta: ScenarioMeta; locate: (p: string[]) => At } {
  const fallback = { meta: {}, locate: () => ({ file, line: 1, column: 1 }) };
  if (yaml === null) {
    diags.report('IR102', { file, line: 1, column: 1 }, 'scenario needs front matter with a `title`', 'Start the file with `---`, `title: …`, `---`.');
    return fallback;
  }
  const parsed = parseYaml(yaml, file, line, diags);
  if (!parsed) return fallback;
  if (parsed.value === null || parsed.value === undefined) {
    diags.report('IR102', { file, line: 1, column: 1 }, 'scenario front matter needs `title`');
    return fallback;
  }
  if (!validateYaml(scenarioSchema, parsed, 'scenario front matter', diags)) {
    const v = parsed.value;
    const title = typeof v === 'object' && v && typeof (v as ScenarioMeta).title === 'string' ? (v as ScenarioMeta).title : undefined;
    return { meta: title ? { title } : {}, locate: (p) => parsed.locate(p) };
  }
  return { meta: parsed.value as ScenarioMeta, locate: (p) => parsed.locate(p) };
}

function parseScene(heading: { text: string; line: number; column: number }, lines: Line[], file: string, diags: Diagnostics): Scene | null {
  const at: At = { file, line: heading.line, column: 1 };
  const h = splitTrailingAttributes(heading.text);
  const attrs = h.attrs === null ? null : parseAttributes(h.attrs, { ...at, column: heading.column + h.column - 1 }, ['ending', 'score'], [], diags);
  if (!attrs?.id) {
    diags.report('IR308', at, `scene \`${h.text || '(untitled)'}\` has no id`, `Write \`## ${h.text || 'Title'} {#${slugify(h.text) || 'scene-id'}}\`.`);
    return null;
  }
  const idAt = { ...at, column: h.attrs === null ? 1 : heading.column + h.column - 1 };
  let ending: Scene['ending'] = null;
  const outcome = attrs.values.get('ending');
  const rawScore = attrs.values.get('score');
  if (outcome !== undefined) {
    if (outcome !== 'pass' && outcome !== 'fail') {
      const meant = closest(outcome, ['pass', 'fail']);
      diags.report('IR206', idAt, `ending must be \`pass\` or \`fail\`, not \`${outcome}\``, meant ? `Did you mean \`ending=${meant}\`?` : undefined);
    } else {
      let score = outcome === 'pass' ? 100 : 0;
      if (rawScore !== undefined) {
        const n = Number(rawScore);
        if (!/^\d{1,3}$/.test(rawScore) || n > 100) diags.report('IR206', idAt, `score must be a whole number from 0 to 100, not \`${rawScore}\``);
        else score = n;
      }
      ending = { outcome, score };
    }
  } else if (rawScore !== undefined) {
    diags.report('IR206', idAt, '`score` applies only to an ending scene', 'Add `ending=pass` or `ending=fail`.');
  }

  const body: Block[] = [];
  const segments = splitBlocks(lines, file, diags);
  const lastMarkdown = segments.map((s) => s.kind).lastIndexOf('markdown');
  let choices: SceneChoice[] = [];
  segments.forEach((seg, i) => {
    if (seg.kind === 'block') {
      if (!(CALLOUTS as readonly string[]).includes(seg.name)) {
        diags.report('IR203', { file, line: seg.open.line, column: 5 }, `\`::: ${seg.name}\` cannot be used in a scenario`, 'Scenarios hold text, callouts and choices; questions belong in lessons.');
        return;
      }
      body.push({ kind: 'callout', variant: seg.name as CalloutVariant, source: { text: joinLines(seg.lines), at: { file, line: seg.lines[0]?.line ?? seg.open.line, column: 1 } } });
      return;
    }
    let rest = seg.lines;
    if (i === lastMarkdown) {
      const found = takeChoiceList(seg.lines, file, diags);
      choices = found.choices;
      rest = found.rest;
    }
    if (rest.some((l) => l.text.trim())) body.push({ kind: 'markdown', source: { text: joinLines(rest), at: { file, line: rest[0]!.line, column: 1 } } });
  });

  if (choices.length === 0 && !ending && outcome === undefined) {
    diags.report('IR305', at, `scene #${attrs.id} has no choices, so it is an ending, but does not say how it ends`, `Write \`{#${attrs.id} ending=pass}\` or \`{#${attrs.id} ending=fail}\`.`);
  }
  if (choices.length > 0 && outcome !== undefined) {
    diags.report('IR306', idAt, `scene #${attrs.id} is marked as an ending but offers ${choices.length} choice(s)`);
  }
  if (choices.length > 26) diags.report('IR221', at, `scene #${attrs.id} has ${choices.length} choices; at most 26`);
  return { id: attrs.id, title: h.text, at, body, choices, ending: choices.length > 0 ? null : ending };
}

/**
 * Finds the scene's last list. When its items are links to `#scene`, they are
 * the choices and are taken out of the body; a list of plain items is content.
 */
function takeChoiceList(lines: Line[], file: string, diags: Diagnostics): { choices: SceneChoice[]; rest: Line[] } {
  let last = -1;
  for (let i = lines.length - 1; i >= 0 && last < 0; i--) if (!lines[i]!.code && ITEM.test(lines[i]!.text)) last = i;
  if (last < 0) return { choices: [], rest: lines };
  let start = last;
  for (let i = last - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.code) break;
    if (ITEM.test(l.text)) start = i;
    else if (l.text.trim() !== '' && !INDENTED.test(l.text)) break;
  }
  let listEnd = last + 1;
  while (listEnd < lines.length && !lines[listEnd]!.code && (INDENTED.test(lines[listEnd]!.text) || lines[listEnd]!.text.trim() === '')) listEnd++;
  const items: Line[][] = [];
  for (const l of lines.slice(start, listEnd)) {
    if (ITEM.test(l.text)) items.push([l]);
    else items[items.length - 1]!.push(l);
  }
  const parsed = items.map((item) => ({ item, m: CHOICE.exec(item[0]!.text) }));
  const linkCount = parsed.filter((p) => p.m).length;
  if (linkCount === 0) return { choices: [], rest: lines };
  const choices: SceneChoice[] = [];
  for (const { item, m } of parsed) {
    const head = item[0]!;
    const at: At = { file, line: head.line, column: 1 };
    if (!m) {
      diags.report('IR309', at, 'this item is not a link to a scene, but others in the same list are', 'Write every choice as `- [Choice text](#scene-id)`; put other text above the list.');
      continue;
    }
    const extra = item.slice(1).filter((l) => l.text.trim());
    const feedbackLines = extra.filter((l) => QUOTE.test(l.text));
    if (feedbackLines.length !== extra.length) {
      diags.report('IR309', { file, line: extra.find((l) => !QUOTE.test(l.text))!.line, column: 1 }, 'only a `> feedback` blockquote may follow a choice');
    }
    let quality: SceneChoice['quality'] = 'neutral';
    if (m[3] !== undefined) {
      const a = parseAttributes(m[3], { ...at, column: head.text.lastIndexOf('{') + 1 }, [], ['good', 'bad'], diags);
      if (a.flags.has('good') && a.flags.has('bad')) diags.report('IR206', at, 'a choice cannot be both `good` and `bad`');
      else if (a.flags.has('good')) quality = 'good';
      else if (a.flags.has('bad')) quality = 'bad';
      if (a.id) diags.report('IR206', at, 'a choice takes no `#id`');
    }
    // From the first `>` line to the last, blank lines included, so positions inside the feedback stay right.
    const span = feedbackLines.length ? item.slice(item.indexOf(feedbackLines[0]!), item.indexOf(feedbackLines[feedbackLines.length - 1]!) + 1) : [];
    const feedback = span.map((l) => QUOTE.exec(l.text)?.[1] ?? '').join('\n').trim();
    choices.push({
      label: { text: m[1]!, at: { file, line: head.line, column: head.text.indexOf('[') + 2 } },
      target: m[2]!,
      at: { file, line: head.line, column: head.text.indexOf('](#') + 3 },
      quality,
      feedback: feedback ? { text: feedback, at: { file, line: feedbackLines[0]!.line, column: quoteColumn(feedbackLines[0]!.text) } } : null,
    });
  }
  // The list's lines become blank rather than disappear: the body's lines stay contiguous, so positions stay right.
  return { choices, rest: lines.map((l, i) => (i >= start && i < listEnd ? { ...l, text: '' } : l)) };
}
