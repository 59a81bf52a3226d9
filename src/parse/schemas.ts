import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostics } from '../core/diagnostics.js';
import { closest, CURLY_QUOTES_HINT, SLUG } from './text.js';
import type { ParsedYaml } from './yaml.js';

const slug = SLUG.source;
// semver 2.0.0 §2, §9, §10.
const semver =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$';
// A practical subset of BCP 47: language, optional script and region.
const bcp47 = '^[a-zA-Z]{2,3}(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|\\d{3}))?$';
// RFC 3987 §2.2: no spaces, controls or delimiters (a YAML "\x01" escape would otherwise reach tincan.xml ids).
const iri = '^[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s\\u0000-\\u001f\\u007f<>"{}|\\\\^`]+$';

const dimension = {
  oneOf: [
    { type: 'string', pattern: slug },
    {
      type: 'object',
      required: ['id'],
      additionalProperties: false,
      properties: { id: { type: 'string', pattern: slug }, label: { type: 'string', minLength: 1 } },
    },
  ],
};

export const courseSchema = {
  type: 'object',
  required: ['id', 'title', 'version'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: slug },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    version: { type: 'string', pattern: semver },
    language: { type: 'string', pattern: bcp47 },
    description: { type: 'string' },
    author: { type: 'string' },
    iri: { type: 'string', pattern: iri },
    passing_score: { type: 'number', minimum: 0, maximum: 100 },
    media_budget_mb: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
    outline: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    dimensions: { type: 'array', minItems: 1, items: dimension },
    scoring: { type: 'string', enum: ['all', 'final-test'] },
  },
};

/** What every lesson's and scenario's front matter has. */
const documentHead = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
} as const;
const idAndTitle = {
  id: { type: 'string', pattern: slug },
  title: { type: 'string', minLength: 1, maxLength: 200 },
} as const;

export const lessonSchema = {
  ...documentHead,
  properties: {
    ...idAndTitle,
    duration: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
    objectives: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
};

export const scenarioSchema = {
  ...documentHead,
  properties: {
    ...idAndTitle,
    dimension: { type: 'string', pattern: slug },
    points: { type: 'number', minimum: 0, maximum: 1000 },
    start: { type: 'string', pattern: slug },
  },
};

/** `tests/*.md` (issue 12): a pre-test or a final test drawn from a pool. */
export const testSchema = {
  type: 'object',
  required: ['title', 'role', 'pool'],
  additionalProperties: false,
  properties: {
    ...idAndTitle,
    role: { type: 'string', enum: ['pre', 'final'] },
    pool: { type: 'string', pattern: slug },
    draw: { type: 'integer', minimum: 1, maximum: 100 },
    per_dimension: { type: 'integer', minimum: 1, maximum: 100 },
    passing_score: { type: 'number', minimum: 0, maximum: 100 },
    attempts: { type: 'integer', minimum: 1, maximum: 9 },
  },
};

/** `pools/*.md`: only an id (and a title for the author's own use). */
export const poolSchema = {
  type: 'object',
  additionalProperties: false,
  properties: idAndTitle,
};

/** What a value must look like, said the way an author reads it. */
const patternWords: Record<string, string> = {
  [slug]: 'a slug: lowercase letters, digits and hyphens, e.g. `uang-pelicin`',
  [semver]: 'a semantic version such as `1.0.0`',
  [bcp47]: 'a BCP 47 language tag such as `id` or `en-US`',
  [iri]: 'an absolute IRI such as `https://example.go.id/xapi/course/my-course`',
};

// verbose: each error carries its schema, so an unknown key's hint can name the keys allowed there.
const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
const compiled = new Map<object, ValidateFunction>();

/** Validates YAML data against a schema, reporting every problem at its position. Returns true when valid. */
export function validateYaml(schema: object, parsed: ParsedYaml, what: string, diags: Diagnostics): boolean {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(parsed.value)) return true;
  const errors = collapse(validate.errors ?? []);
  for (const e of errors) report(e, parsed, what, diags);
  return false;
}

/** oneOf failures produce one error per branch; the author needs one message per place. */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'oneOf' || ![...oneOfPaths].some((p) => e.instancePath.startsWith(p)));
}

function report(e: ErrorObject, parsed: ParsedYaml, what: string, diags: Diagnostics): void {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const field = path.length ? path.join('.') : what;
  switch (e.keyword) {
    case 'required': {
      const missing = String(e.params['missingProperty']);
      diags.report('IR102', parsed.locate(path), `${what} needs \`${missing}\``);
      return;
    }
    case 'additionalProperties': {
      const extra = String(e.params['additionalProperty']);
      const keys = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const close = closest(extra, keys);
      const hint = close
        ? `Did you mean \`${close}\`? The keys are listed in docs/authoring.md.`
        : `Keys here: ${keys.map((k) => `\`${k}\``).join(', ')}; see docs/authoring.md.`;
      diags.report('IR104', parsed.locate([...path, extra], true), `unknown key \`${extra}\` in ${what}`, keys.length ? hint : undefined);
      return;
    }
    case 'type':
      if (path.length === 0) {
        diags.report('IR103', parsed.locate([]), `${what} must be a mapping of \`key: value\` lines`);
        return;
      }
      diags.report('IR103', parsed.locate(path), `\`${field}\` must be ${article(String(e.params['type']))}`, curlyQuoted(valueAt(parsed.value, path)));
      return;
    case 'pattern':
      diags.report('IR103', parsed.locate(path), `\`${field}\` must be ${patternWords[String(e.params['pattern'])] ?? 'of the documented form'}`);
      return;
    case 'enum':
      diags.report('IR103', parsed.locate(path), `\`${field}\` must be one of ${(e.params['allowedValues'] as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}`);
      return;
    case 'oneOf':
      diags.report('IR103', parsed.locate(path), `\`${field}\` must be a slug or a mapping with \`id\` and \`label\``);
      return;
    default:
      diags.report('IR103', parsed.locate(path), `\`${field}\` ${e.message ?? 'is invalid'}`);
  }
}

function article(type: string): string {
  const words: Record<string, string> = { string: 'text', number: 'a number', integer: 'a whole number', array: 'a list', object: 'a mapping', boolean: 'true or false' };
  return words[type] ?? type;
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let v = value;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** Word's “smart quotes” make YAML read a number as text: say so, rather than only "must be a number". */
function curlyQuoted(v: unknown): string | undefined {
  return typeof v === 'string' && /^[“”‘’].*[“”‘’]$/s.test(v.trim()) ? CURLY_QUOTES_HINT : undefined;
}
