import type { Diagnostics } from '../core/diagnostics.js';
import { slugify } from './text.js';

export interface FrontMatterSplit {
  /** YAML text, or null when the file has no front matter. */
  yaml: string | null;
  /** Line of the file where the YAML starts. */
  yamlLine: number;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
}

/** Splits `---` front matter from a Markdown file. Returns null (with a diagnostic) when it is not closed. */
export function splitFrontMatter(text: string, file: string, diags: Diagnostics): FrontMatterSplit | null {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { yaml: null, yamlLine: 1, body: text, bodyLine: 1 };
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!.trimEnd();
    if (l === '---' || l === '...') {
      return { yaml: lines.slice(1, i).join('\n'), yamlLine: 2, body: lines.slice(i + 1).join('\n'), bodyLine: i + 2 };
    }
  }
  diags.report('IR109', { file, line: 1, column: 1 }, 'front matter opened with `---` is never closed');
  return null;
}

/**
 * The opening every lesson and scenario file shares: refuses an empty file
 * (IR105) and an unclosed front matter (IR109), and names the id the file
 * gets when its front matter gives none.
 */
export function openDocument(file: string, text: string, diags: Diagnostics): (FrontMatterSplit & { fileId: string }) | null {
  if (text.trim() === '') {
    diags.report('IR105', { file, line: 1, column: 1 }, `${file} is empty`);
    return null;
  }
  const split = splitFrontMatter(text, file, diags);
  return split && { ...split, fileId: slugify(file.replace(/^.*\//, '').replace(/\.md$/i, '')) };
}
