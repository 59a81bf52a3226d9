import type { Diagnostics } from '../core/diagnostics.js';

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
