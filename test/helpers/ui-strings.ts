/**
 * The UI strings as functions, for tests that look for the player's words
 * (`stringsFor('id').replayNote('1', '2')`). The player itself does not use
^ * this module: it reads the table the compiler embedded (`course.strings`,
 * from src/shared/ui-strings.ts) and fills templates with `format`.
 */
import type { UiLanguage } from '../../src/shared/runtime-types.js';
import type { CourseStatus } from '../../src/shared/scoring.js';
import { format, uiStrings, type UiStrings } from '../../src/shared/ui-strings.js';

type Fill = (...args: Array<string | number>) => string;
type Templates = 'progress' | 'stopOf' | 'lesson' | 'minutes' | 'endingScore' | 'earned' | 'replayNote' | 'passing' | 'inPage' | 'failing' | 'resumed' | 'updated' | 'notSaved' | 'revisit';

export type Strings = Omit<UiStrings, Templates | CourseStatus> & Record<Templates, Fill> & { statuses: Record<CourseStatus, string> };

export function stringsFor(lang: UiLanguage): Strings {
  const t = uiStrings(lang);
  const out: Record<string, unknown> = { ...t, statuses: { incomplete: t.incomplete, completed: t.completed, passed: t.passed, failed: t.failed } };
  for (const k of Object.keys(t) as Array<keyof UiStrings>) {
    if (/\{\d\}/.test(t[k])) out[k] = (...args: Array<string | number>) => format(t[k], ...args);
  }
  return out as Strings;
}
