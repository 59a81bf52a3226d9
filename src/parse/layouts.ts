/**
 * `layouts/*.yml`: how earlier versions of the course saved progress (see
 * src/render/state-layout.ts). Read and checked here, positions kept for the
 * diagnostics; the files are written by `integrity-ranger layout`, never by a build.
 */
import type { ContentSource } from '../core/content-source.js';
import type { At, Diagnostics } from '../core/diagnostics.js';
import type { LayoutQuestion, LayoutSurvey, LayoutUnit, StateLayout } from '../render/state-layout.js';
import { STATE_VERSION } from '../shared/state-codec.js';
import { validateYaml } from './schemas.js';
import { decodeText } from './text.js';
import { parseYaml } from './yaml.js';

export const LAYOUT_FILE = /^layouts\/[^/]+\.ya?ml$/i;

const id = { type: 'string', minLength: 1, maxLength: 200 } as const;
const hash = { type: 'string', pattern: '^[A-Za-z0-9_-]{4}$' } as const;

/** A question as a layout records it (src/render/layout-assess.ts): typed ones (issue 12) say their type. */
const question = {
  type: 'object',
  required: ['id', 'choices', 'multiple', 'key'],
  additionalProperties: false,
  properties: {
    id,
    choices: { type: 'integer', minimum: 1, maximum: 50 },
    multiple: { type: 'boolean' },
    key: hash,
    type: { type: 'string', enum: ['true-false', 'fill-in', 'numeric', 'matching', 'sequencing'] },
    targets: { type: 'integer', minimum: 1, maximum: 26 },
    dimension: { type: 'string', maxLength: 200 },
  },
} as const;

const survey = {
  type: 'object',
  required: ['id', 'scale', 'items', 'after'],
  additionalProperties: false,
  properties: { id, scale: { type: 'integer', minimum: 4, maximum: 7 }, items: { type: 'array', minItems: 1, items: id }, after: { type: 'integer', minimum: 0 } },
} as const;

const layoutSchema = {
  type: 'object',
  required: ['format', 'course', 'version', 'hash', 'units'],
  additionalProperties: false,
  properties: {
    format: { type: 'integer' },
    course: id,
    version: id,
    hash,
    units: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          lesson: id,
          pages: { type: 'array', minItems: 1, items: id },
          questions: {
            type: 'array',
            items: question,
          },
          surveys: { type: 'array', items: survey },
          test: id,
          role: { type: 'string', enum: ['pre', 'final'] },
          attempts: { type: 'integer', minimum: 1, maximum: 9 },
          draw: { type: 'integer', minimum: 1, maximum: 100 },
          per_dimension: { type: 'boolean' },
          scenario: id,
          scenes: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['id', 'choices'],
              additionalProperties: false,
              properties: { id, choices: { type: 'integer', minimum: 0, maximum: 1000 }, ending: { type: 'boolean' } },
            },
          },
        },
      },
    },
  },
};

interface UnitYaml {
  lesson?: string;
  pages?: string[];
  questions?: LayoutQuestion[];
  surveys?: LayoutSurvey[];
  test?: string;
  role?: 'pre' | 'final';
  attempts?: number;
  draw?: number;
  per_dimension?: boolean;
  scenario?: string;
  scenes?: Array<{ id: string; choices: number; ending?: boolean }>;
}

/** The unit has no keys but these. */
function only(u: UnitYaml, keys: string[]): boolean {
  return Object.keys(u).every((k) => keys.includes(k));
}

/** One layout file, or null (with diagnostics) when it cannot be used. */
export function parseLayoutFile(source: ContentSource, file: string, diags: Diagnostics): { layout: StateLayout; at: (path: (string | number)[]) => At } | null {
  const text = decodeText(file, source.entries.get(file)!, diags);
  const parsed = text === null ? null : parseYaml(text, file, 1, diags);
  if (!parsed || !validateYaml(layoutSchema, parsed, file, diags)) return null;
  const y = parsed.value as Omit<StateLayout, 'units'> & { units: UnitYaml[] };
  if (String(y.format) !== STATE_VERSION) {
    diags.report('IR530', parsed.locate(['format']), `layout format ${y.format} is not one this compiler reads (${STATE_VERSION})`, 'Write the layout again with this version of `integrity-ranger layout`.');
    return null;
  }
  const units: LayoutUnit[] = [];
  let ok = true;
  y.units.forEach((u, i) => {
    const twice = u.pages ? u.pages.findIndex((p, n) => u.pages!.indexOf(p) < n) : -1;
    if (twice >= 0) {
      // Page ids are not in the hash: only this check keeps two old pages from filling one.
      ok = false;
      diags.report('IR530', parsed.locate(['units', i, 'pages', twice]), `page \`${u.pages![twice]}\` is listed twice in lesson \`${u.lesson}\``);
    } else if (u.lesson !== undefined && u.pages && only(u, ['lesson', 'pages', 'questions', 'surveys'])) {
      units.push({ kind: 'lesson', id: u.lesson, pages: u.pages, questions: u.questions ?? [], ...(u.surveys ? { surveys: u.surveys } : {}) });
    } else if (u.test !== undefined && u.role && u.attempts && u.draw && u.questions && only(u, ['test', 'role', 'attempts', 'draw', 'per_dimension', 'questions'])) {
      units.push({ kind: 'test', id: u.test, role: u.role, attempts: u.attempts, draw: u.draw, perDimension: !!u.per_dimension, questions: u.questions });
    } else if (u.scenario !== undefined && u.scenes && only(u, ['scenario', 'scenes'])) {
      units.push({ kind: 'scenario', id: u.scenario, scenes: u.scenes.map((s) => ({ id: s.id, choices: s.choices, ending: !!s.ending })) });
    } else {
      ok = false;
      diags.report('IR530', parsed.locate(['units', i]), 'a unit of a layout is either `lesson` with `pages` (and `questions`, `surveys`), `test` with `role`, `attempts`, `draw` and `questions`, or `scenario` with `scenes`');
    }
  });
  return ok ? { layout: { format: y.format, course: y.course, version: y.version, hash: y.hash, units }, at: (path) => parsed.locate(path) } : null;
}
