import type { Diagnostics } from '../core/diagnostics.js';
import { LineMap } from '../core/source.js';

/**
 * theme.css may restyle the player but not make it fetch anything: the package
 * must work offline and make no request outside the LMS (SPEC §5).
 */
export function checkTheme(css: string, diags: Diagnostics): void {
  const lines = new LineMap(css);
  const re = /@import\b|url\(\s*(['"]?)\s*(?:[a-z][a-z0-9+.-]*:|\/\/)|expression\(|behavior\s*:|javascript:/gi;
  for (let m = re.exec(css); m; m = re.exec(css)) {
    const p = lines.position(m.index);
    diags.report('IR406', { file: 'theme.css', ...p }, `theme.css loads or runs something from outside the package: \`${m[0]}\``, 'Use colours, spacing and system fonts; remove @import and url() that point to another site.');
  }
}
