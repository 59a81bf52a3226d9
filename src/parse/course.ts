import type { Diagnostics } from '../core/diagnostics.js';
import type { CourseMeta, Dimension, ScoringRule } from '../core/model.js';
import { courseSchema, validateYaml } from './schemas.js';
import { parseYaml } from './yaml.js';
import { DEFAULT_MEDIA_BUDGET_MB } from '../shared/media.js';

/** The seven groups of corruption offences in UU 31/1999 jo. UU 20/2001 (SPEC §1). */
export const DEFAULT_DIMENSIONS: readonly Dimension[] = [
  { id: 'kerugian-keuangan-negara', label: 'Kerugian keuangan negara' },
  { id: 'suap', label: 'Suap-menyuap' },
  { id: 'penggelapan-jabatan', label: 'Penggelapan dalam jabatan' },
  { id: 'pemerasan', label: 'Pemerasan' },
  { id: 'perbuatan-curang', label: 'Perbuatan curang' },
  { id: 'benturan-kepentingan', label: 'Benturan kepentingan dalam pengadaan' },
  { id: 'gratifikasi', label: 'Gratifikasi' },
];

interface CourseYaml {
  id: string;
  title: string;
  version: string;
  language?: string;
  description?: string;
  author?: string;
  iri?: string;
  passing_score?: number;
  media_budget_mb?: number;
  outline?: string[];
  dimensions?: (string | { id: string; label?: string })[];
  scoring?: ScoringRule;
}

/** `file` is what diagnostics name: `course.yml` or `course.yaml`, whichever the author has. */
export function parseCourseYml(text: string, diags: Diagnostics, file: string): CourseMeta | null {
  if (text.trim() === '') {
    diags.report('IR105', { file, line: 1, column: 1 }, `${file} is empty`, 'It needs at least `id`, `title` and `version`.');
    return null;
  }
  const parsed = parseYaml(text, file, 1, diags);
  if (!parsed) return null;
  if (!validateYaml(courseSchema, parsed, file, diags)) return null;
  const y = parsed.value as CourseYaml;

  const dimensions: Dimension[] = [];
  const seen = new Set<string>();
  (y.dimensions ?? DEFAULT_DIMENSIONS).forEach((d, i) => {
    const dim = typeof d === 'string' ? { id: d, label: DEFAULT_DIMENSIONS.find((x) => x.id === d)?.label ?? titleCase(d) } : { id: d.id, label: d.label ?? titleCase(d.id) };
    if (seen.has(dim.id)) diags.report('IR213', parsed.locate(['dimensions', i]), `dimension \`${dim.id}\` is listed twice`);
    seen.add(dim.id);
    dimensions.push(dim);
  });

  return {
    id: y.id,
    title: y.title,
    version: y.version,
    language: y.language ?? 'id',
    description: y.description ?? null,
    author: y.author ?? null,
    iri: y.iri ? y.iri.replace(/\/+$/, '') : null,
    passingScore: y.passing_score ?? null,
    mediaBudgetMb: y.media_budget_mb ?? DEFAULT_MEDIA_BUDGET_MB,
    dimensions,
    outline: y.outline ? y.outline.map((path, i) => ({ path, at: parsed.locate(['outline', i]) })) : null,
    scoring: y.scoring ?? 'all',
    scoringAt: y.scoring ? parsed.locate(['scoring']) : { file, line: 1, column: 1 },
  };
}

function titleCase(slug: string): string {
  const words = slug.split('-');
  return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}
