/**
 * A small xAPI Profiles 1.0 checker, enough for our own profile:
 * - checkProfile(): the document's structure (required properties, inScheme,
 *   no empty values, unique ids, patterns referring to known ids, one
 *   pattern kind each, inline schemas that compile);
 * - matchTemplates()/checkStatement(): which templates' determining
 *   properties a statement has (verb, objectActivityType, context parent /
 *   grouping / category / other activity types) and whether it follows every
 *   rule of the one it matches (presence included/excluded/recommended, any,
 *   all, none, over a JSONPath subset: dotted and bracketed children, [n],
 *   [*], unions), plus the inline JSON Schema of every profile extension it
 *   uses;
 * - checkPattern(): whether a sequence of statements (one registration, in
 *   timestamp order) follows the primary pattern.
 */
import Ajv from 'ajv';

type Json = unknown;
export interface Rule {
  location: string;
  selector?: string;
  presence?: 'included' | 'excluded' | 'recommended';
  any?: Json[];
  all?: Json[];
  none?: Json[];
}
export interface Template {
  id: string;
  type: string;
  inScheme: string;
  prefLabel: Record<string, string>;
  definition: Record<string, string>;
  verb?: string;
  objectActivityType?: string;
  contextParentActivityType?: string[];
  contextGroupingActivityType?: string[];
  contextCategoryActivityType?: string[];
  contextOtherActivityType?: string[];
  attachmentUsageType?: string[];
  rules?: Rule[];
}
export interface Concept {
  id: string;
  type: string;
  inScheme: string;
  inlineSchema?: string;
  [k: string]: unknown;
}
export interface Pattern {
  id: string;
  type: 'Pattern';
  primary?: boolean;
  inScheme: string;
  prefLabel?: Record<string, string>;
  definition?: Record<string, string>;
  sequence?: string[];
  alternates?: string[];
  optional?: string;
  oneOrMore?: string;
  zeroOrMore?: string;
}
export interface Profile {
  '@context': string;
  id: string;
  type: string;
  conformsTo: string;
  prefLabel: Record<string, string>;
  definition: Record<string, string>;
  versions: { id: string; generatedAtTime: string; wasRevisionOf?: string[] }[];
  author: { type: string; name: string };
  concepts?: Concept[];
  templates?: Template[];
  patterns?: Pattern[];
}

/* ------------------------------------------------------------------ JSONPath */

/** Splits `$.a.b['c.d'][0][*]` into steps; unions as arrays of keys. */
export function parsePath(path: string): (string | number | '*')[][] {
  let p = path.trim();
  if (p.startsWith('$')) p = p.slice(1);
  const steps: (string | number | '*')[][] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === '.') {
      i++;
      if (p[i] === '.') throw new Error(`recursive descent is not allowed: ${path}`);
      let name = '';
      while (i < p.length && p[i] !== '.' && p[i] !== '[') name += p[i++];
      if (!name) throw new Error(`empty name in ${path}`);
      steps.push([name === '*' ? '*' : name]);
    } else if (c === '[') {
      const end = findClose(p, i);
      const inner = p.slice(i + 1, end);
      if (/^[?(]/.test(inner.trim())) throw new Error(`filter/script expressions are not allowed: ${path}`);
      steps.push(splitUnion(inner).map(parseKey));
      i = end + 1;
    } else if (i === 0) {
      // `location` written without `$.`
      let name = '';
      while (i < p.length && p[i] !== '.' && p[i] !== '[') name += p[i++];
      steps.push([name]);
    } else throw new Error(`bad JSONPath ${path} at ${i}`);
  }
  return steps;
}

function findClose(p: string, start: number): number {
  let q: string | null = null;
  for (let i = start + 1; i < p.length; i++) {
    const c = p[i]!;
    if (q) {
      if (c === '\\') i++;
      else if (c === q) q = null;
    } else if (c === "'" || c === '"') q = c;
    else if (c === ']') return i;
  }
  throw new Error(`unclosed [ in ${p}`);
}

function splitUnion(inner: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (q) {
      cur += c;
      if (c === '\\') cur += inner[++i] ?? '';
      else if (c === q) q = null;
    } else if (c === "'" || c === '"') {
      q = c;
      cur += c;
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function parseKey(k: string): string | number | '*' {
  const t = k.trim();
  if (t === '*') return '*';
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(['"])(.*)\1$/s.exec(t);
  if (m) return m[2]!.replace(/\\(.)/g, '$1');
  throw new Error(`bad key ${k}`);
}

/** Every value the path reaches (missing branches reach nothing). */
export function evaluate(doc: Json, path: string): Json[] {
  let cur: Json[] = [doc];
  for (const step of parsePath(path)) {
    const next: Json[] = [];
    for (const v of cur) {
      for (const key of step) {
        if (key === '*') {
          if (Array.isArray(v)) next.push(...v);
          else if (v && typeof v === 'object') next.push(...Object.values(v));
        } else if (typeof key === 'number') {
          if (Array.isArray(v) && key < v.length) next.push(v[key]);
        } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, key)) {
          next.push((v as Record<string, Json>)[key]);
        }
      }
    }
    cur = next;
  }
  return cur;
}

/* ------------------------------------------------------------------ templates */

const same = (a: Json, b: Json): boolean => JSON.stringify(a) === JSON.stringify(b);

function contextTypes(st: any, kind: 'parent' | 'grouping' | 'category' | 'other'): string[] {
  let list = st?.context?.contextActivities?.[kind];
  if (list && !Array.isArray(list)) list = [list];
  return (list || []).map((a: any) => a?.definition?.type).filter((t: unknown) => typeof t === 'string');
}

/** Whether the statement has every determining property of the template. */
export function hasDetermining(t: Template, st: any): boolean {
  if (t.verb && st?.verb?.id !== t.verb) return false;
  if (t.objectActivityType && st?.object?.definition?.type !== t.objectActivityType) return false;
  const need: [string[] | undefined, 'parent' | 'grouping' | 'category' | 'other'][] = [
    [t.contextParentActivityType, 'parent'],
    [t.contextGroupingActivityType, 'grouping'],
    [t.contextCategoryActivityType, 'category'],
    [t.contextOtherActivityType, 'other'],
  ];
  for (const [types, kind] of need) {
    if (!types) continue;
    const have = contextTypes(st, kind);
    if (!types.every((x) => have.includes(x))) return false;
  }
  if (t.attachmentUsageType) {
    const have = (st?.attachments || []).map((a: any) => a.usageType);
    if (!t.attachmentUsageType.every((x) => have.includes(x))) return false;
  }
  return true;
}

export function checkRule(rule: Rule, st: Json): string[] {
  const errors: string[] = [];
  let values = evaluate(st, rule.location);
  let unmatchable = false;
  if (rule.selector) {
    const sel: Json[] = [];
    for (const v of values) {
      const r = evaluate(v, rule.selector);
      if (!r.length) unmatchable = true;
      sel.push(...r);
    }
    values = sel;
  }
  const where = rule.location + (rule.selector ? ' ' + rule.selector : '');
  if (rule.presence === 'included' && (!values.length || unmatchable || values.some((v) => v === undefined))) {
    errors.push(`${where}: must be included`);
  }
  if (rule.presence === 'excluded' && values.length) errors.push(`${where}: must be excluded`);
  // `recommended`: any/all/none apply only to values that are there.
  if (rule.presence === 'recommended' && !values.length) return errors;
  if (rule.any && !values.some((v) => rule.any!.some((a) => same(a, v)))) {
    errors.push(`${where}: ${JSON.stringify(values)} has none of ${JSON.stringify(rule.any)}`);
  }
  if (rule.all && (unmatchable || !values.length || !values.every((v) => rule.all!.some((a) => same(a, v))))) {
    errors.push(`${where}: ${JSON.stringify(values)} not all in ${JSON.stringify(rule.all)}`);
  }
  if (rule.none && values.some((v) => rule.none!.some((a) => same(a, v)))) {
    errors.push(`${where}: ${JSON.stringify(values)} has one of ${JSON.stringify(rule.none)}`);
  }
  return errors;
}

export class ProfileChecker {
  private ajv = new Ajv({ allErrors: true, strict: false });
  private extSchemas = new Map<string, { type: string; validate: (v: Json) => boolean }>();
  readonly templates: Template[];

  constructor(readonly profile: Profile) {
    this.templates = profile.templates || [];
    for (const c of profile.concepts || []) {
      if (/Extension$/.test(c.type) && c.inlineSchema) {
        const validate = this.ajv.compile(JSON.parse(c.inlineSchema));
        this.extSchemas.set(c.id, { type: c.type, validate: (v) => validate(v) as boolean });
      }
    }
  }

  /** The templates whose determining properties the statement has. */
  matchTemplates(st: Json): Template[] {
    return this.templates.filter((t) => hasDetermining(t, st));
  }

  /** Errors for one statement: it must match exactly one template and follow all its rules. */
  checkStatement(st: any): { template: Template | null; errors: string[] } {
    const matches = this.matchTemplates(st);
    if (matches.length !== 1) {
      return {
        template: null,
        errors: [`matches ${matches.length} templates (${matches.map((t) => t.id).join(', ') || 'none'})`],
      };
    }
    const template = matches[0]!;
    const errors: string[] = [];
    for (const rule of template.rules || []) errors.push(...checkRule(rule, st));
    // Profile extensions: right place, value per inline schema.
    const places: [string, Record<string, Json> | undefined][] = [
      ['ContextExtension', st?.context?.extensions],
      ['ResultExtension', st?.result?.extensions],
      ['ActivityExtension', st?.object?.definition?.extensions],
    ];
    for (const [kind, exts] of places) {
      for (const [iri, value] of Object.entries(exts || {})) {
        const def = this.extSchemas.get(iri);
        if (!def) {
          if (iri.startsWith(this.profile.id.replace(/profile$/, ''))) errors.push(`${iri}: not defined in the profile`);
          continue;
        }
        if (def.type !== kind) errors.push(`${iri}: a ${def.type} used as ${kind}`);
        if (!def.validate(value)) errors.push(`${iri}: ${JSON.stringify(value)} fails its inlineSchema`);
      }
    }
    return { template, errors };
  }

  /* -------------------------------------------------------------- patterns */

  /**
   * Whether the statements (one registration, timestamp order) follow the
   * primary pattern. Patterns become a regular expression over one token per
   * template.
   */
  checkPattern(statements: Json[]): { ok: boolean; trace: string } {
    const primary = (this.profile.patterns || []).filter((p) => p.primary);
    if (primary.length !== 1) return { ok: false, trace: 'expected exactly one primary pattern' };
    const token = new Map(this.templates.map((t, i) => [t.id, `<${i}>`]));
    const byId = new Map((this.profile.patterns || []).map((p) => [p.id, p]));
    const re = (id: string): string => {
      const t = token.get(id);
      if (t) return t;
      const p = byId.get(id);
      if (!p) throw new Error(`unknown pattern member ${id}`);
      if (p.sequence) return '(?:' + p.sequence.map(re).join('') + ')';
      if (p.alternates) return '(?:' + p.alternates.map(re).join('|') + ')';
      if (p.optional) return '(?:' + re(p.optional) + ')?';
      if (p.oneOrMore) return '(?:' + re(p.oneOrMore) + ')+';
      if (p.zeroOrMore) return '(?:' + re(p.zeroOrMore) + ')*';
      throw new Error(`pattern ${id} has no kind`);
    };
    const expr = new RegExp('^' + re(primary[0]!.id) + '$');
    const tokens = statements.map((st) => {
      const m = this.matchTemplates(st);
      return m.length === 1 ? token.get(m[0]!.id)! : '<?>';
    });
    const names = statements.map((st) => {
      const m = this.matchTemplates(st);
      return m.length === 1 ? m[0]!.id.split('/').pop() : '?';
    });
    return { ok: expr.test(tokens.join('')), trace: names.join(' → ') };
  }
}

/* ------------------------------------------------------------------ document */

function emptyValues(v: Json, path: string, out: string[]): void {
  if (v === null || v === '' || (Array.isArray(v) && !v.length) || (v && typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length)) {
    out.push(`${path}: empty value`);
    return;
  }
  if (Array.isArray(v)) v.forEach((x, i) => emptyValues(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) emptyValues(x, `${path}.${k}`, out);
}

const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

/** Structural checks of a profile document against xAPI Profiles 1.0 (the parts we use). */
export function checkProfile(p: Profile): string[] {
  const errors: string[] = [];
  emptyValues(p, '$', errors);
  if (p['@context'] !== 'https://w3id.org/xapi/profiles/context') errors.push('@context');
  if (p.type !== 'Profile') errors.push('type must be Profile');
  if (p.conformsTo !== 'https://w3id.org/xapi/profiles#1.0') errors.push('conformsTo');
  if (!IRI.test(p.id)) errors.push('id is not an IRI');
  for (const k of ['prefLabel', 'definition'] as const) if (!p[k] || !Object.keys(p[k]).length) errors.push(`missing ${k}`);
  if (!p.author?.type || !['Organization', 'Person'].includes(p.author.type) || !p.author.name) errors.push('author');
  if (!p.versions?.length) errors.push('versions');
  const version = p.versions?.[0]?.id;
  for (const v of p.versions || []) {
    if (!IRI.test(v.id) || Number.isNaN(Date.parse(v.generatedAtTime))) errors.push(`version ${v.id}`);
  }
  const ids = new Set<string>();
  const all = [...(p.concepts || []), ...(p.templates || []), ...(p.patterns || [])] as { id: string; type: string; inScheme: string }[];
  for (const x of all) {
    if (!IRI.test(x.id)) errors.push(`${x.id}: not an IRI`);
    if (ids.has(x.id)) errors.push(`${x.id}: duplicate id`);
    ids.add(x.id);
    if (x.inScheme !== version) errors.push(`${x.id}: inScheme is not the current version`);
  }
  const conceptTypes = ['Verb', 'ActivityType', 'AttachmentUsageType', 'ContextExtension', 'ResultExtension', 'ActivityExtension', 'StateResource', 'AgentProfileResource', 'ActivityProfileResource', 'Activity'];
  for (const c of p.concepts || []) {
    if (!conceptTypes.includes(c.type)) errors.push(`${c.id}: unknown concept type ${c.type}`);
    if (!c.prefLabel || !c.definition) errors.push(`${c.id}: prefLabel/definition`);
    if (c.inlineSchema) {
      try {
        new Ajv({ strict: false }).compile(JSON.parse(c.inlineSchema));
      } catch (e) {
        errors.push(`${c.id}: inlineSchema: ${(e as Error).message}`);
      }
    }
    if (c.recommendedVerbs && c.type !== 'ContextExtension' && c.type !== 'ResultExtension') errors.push(`${c.id}: recommendedVerbs only on context/result extensions`);
    if (/Resource$/.test(c.type) && !c.contentType) errors.push(`${c.id}: contentType`);
  }
  const templateIds = new Set((p.templates || []).map((t) => t.id));
  for (const t of p.templates || []) {
    if (t.type !== 'StatementTemplate') errors.push(`${t.id}: type`);
    if (!t.prefLabel || !t.definition) errors.push(`${t.id}: prefLabel/definition`);
    for (const r of t.rules || []) {
      if (!r.location) errors.push(`${t.id}: rule without location`);
      if (!r.presence && !r.any && !r.all && !r.none) errors.push(`${t.id}: rule ${r.location} has no requirement`);
      if (r.presence && !['included', 'excluded', 'recommended'].includes(r.presence)) errors.push(`${t.id}: presence ${r.presence}`);
      try {
        parsePath(r.location);
        if (r.selector) parsePath(r.selector);
      } catch (e) {
        errors.push(`${t.id}: ${(e as Error).message}`);
      }
    }
  }
  const patternIds = new Set((p.patterns || []).map((x) => x.id));
  const kinds = ['sequence', 'alternates', 'optional', 'oneOrMore', 'zeroOrMore'] as const;
  for (const x of p.patterns || []) {
    const present = kinds.filter((k) => x[k] !== undefined);
    if (present.length !== 1) errors.push(`${x.id}: must have exactly one of ${kinds.join(', ')}`);
    if (x.primary && (!x.prefLabel || !x.definition)) errors.push(`${x.id}: primary pattern needs prefLabel and definition`);
    const refs = ([] as string[]).concat(...present.map((k) => x[k] as string | string[]));
    for (const r of refs) if (!templateIds.has(r) && !patternIds.has(r)) errors.push(`${x.id}: refers to unknown ${r}`);
    if ((x.sequence && x.sequence.length < 2) || (x.alternates && x.alternates.length < 2)) errors.push(`${x.id}: needs two or more members`);
    if (x.alternates) {
      for (const r of x.alternates) {
        const q = (p.patterns || []).find((y) => y.id === r);
        if (q && (q.optional || q.zeroOrMore)) errors.push(`${x.id}: optional/zeroOrMore directly inside alternates`);
      }
    }
  }
  // No pattern may contain itself.
  const byId = new Map((p.patterns || []).map((x) => [x.id, x]));
  const visit = (id: string, stack: string[]): void => {
    const x = byId.get(id);
    if (!x) return;
    if (stack.includes(id)) {
      errors.push(`${id}: refers to itself`);
      return;
    }
    const refs = ([] as string[]).concat(...kinds.filter((k) => x[k] !== undefined).map((k) => x[k] as string | string[]));
    for (const r of refs) visit(r, [...stack, id]);
  };
  for (const x of p.patterns || []) visit(x.id, []);
  return errors;
}
