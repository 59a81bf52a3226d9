/**
 * `::: survey {#id phase=pre scale=5}`: a prompt, then Likert items
 * `- statement {#id dimension=…}`. No right answer: each item is a point on
 * the scale, paired with the other phase's items by dimension.
 */
import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Survey, SurveyItem } from '../core/model.js';
import { parseAttributes, splitTrailingAttributes } from './attributes.js';
import { INDENTED, joinLines, type Line } from './blocks.js';
import type { QuestionBlock } from './question.js';

const ITEM = /^[-*+][ \t]+(.*)$/;
export const DEFAULT_SCALE = 5;
const MIN_SCALE = 4;
const MAX_SCALE = 7;

export function parseSurvey(block: QuestionBlock, file: string, fallbackId: string, diags: Diagnostics): Survey | null {
  const openAt: At = { file, line: block.open.line, column: 1 };
  const attrAt: At = { ...openAt, column: block.attrsColumn || 1 };
  const attrs = block.attrs === null
    ? { id: null, values: new Map<string, string>(), flags: new Set<string>() }
    : parseAttributes(block.attrs, attrAt, ['phase', 'scale'], [], diags);
  const id = attrs.id ?? fallbackId;

  let scale = DEFAULT_SCALE;
  const rawScale = attrs.values.get('scale');
  if (rawScale !== undefined) {
    if (/^\d$/.test(rawScale) && Number(rawScale) >= MIN_SCALE && Number(rawScale) <= MAX_SCALE) scale = Number(rawScale);
    else diags.report('IR254', attrAt, `scale must be a whole number from ${MIN_SCALE} to ${MAX_SCALE}, not \`${rawScale}\``);
  }
  const rawPhase = attrs.values.get('phase');
  let phase: Survey['phase'] = null;
  if (rawPhase === 'pre' || rawPhase === 'post') phase = rawPhase;
  else if (rawPhase !== undefined) diags.report('IR255', attrAt, `phase must be \`pre\` or \`post\`, not \`${rawPhase}\``);

  const first = block.lines.findIndex((l) => !l.code && ITEM.test(l.text));
  const promptLines = first < 0 ? block.lines : block.lines.slice(0, first);
  const items: SurveyItem[] = [];
  const ids = new Map<string, number>();
  let last: SurveyItem | null = null;
  for (const l of first < 0 ? [] : block.lines.slice(first)) {
    if (l.text.trim() === '') continue;
    const m = l.code ? null : ITEM.exec(l.text);
    if (!m) {
      if (last && INDENTED.test(l.text)) last.label.text += '\n' + l.text;
      else diags.report('IR252', { file, line: l.line, column: 1 }, 'this line is not an item of the survey', 'Write each statement as a list item `- statement {#id dimension=…}`, and the prompt before the list.');
      continue;
    }
    const start = l.text.length - m[1]!.length;
    const split = splitTrailingAttributes(m[1]!);
    const itemAt: At = { file, line: l.line, column: start + 1 };
    const a = split.attrs === null ? null : parseAttributes(split.attrs, { ...itemAt, column: start + split.column }, ['dimension'], [], diags);
    const itemId = a?.id ?? `${id}-${items.length + 1}`;
    if (ids.has(itemId)) diags.report('IR213', itemAt, `survey item id #${itemId} is used twice in this survey (first at line ${ids.get(itemId)})`);
    ids.set(itemId, l.line);
    if (!split.text) diags.report('IR252', itemAt, 'this survey item has no text');
    const dimension = a?.values.get('dimension');
    if (!dimension) diags.report('IR253', itemAt, 'this survey item has no dimension', 'End the statement with `{#id dimension=…}`: the attitude shift is measured per dimension.');
    const item: SurveyItem = {
      id: itemId,
      at: itemAt,
      label: { text: split.text, at: itemAt },
      dimension: dimension ?? '',
      dimensionAt: split.attrs === null ? itemAt : { ...itemAt, column: start + split.column },
    };
    last = item;
    items.push(item);
  }
  if (items.length === 0) {
    diags.report('IR252', openAt, 'this survey has no items', 'List the statements as `- statement {#id dimension=…}` after the prompt.');
    return null;
  }
  return {
    id,
    at: openAt,
    prompt: { text: joinLines(promptLines), at: { file, line: promptLines[0]?.line ?? block.open.line + 1, column: 1 } },
    scale,
    phase,
    items,
  };
}
