/**
 * The question an answer event is about: a lesson question by its id, or,
 * for a question drawn in a test (issue 12), one of that test's pool.
 */
import type { CourseIndex } from '../../shared/progress';
import type { RuntimeQuestion } from '../../shared/runtime-types';

export function questionOf(ix: CourseIndex, id: string, test?: { id: string }): RuntimeQuestion | undefined {
  if (test) {
    const t = ix.tests.find((x) => x.test.id === test.id);
    return t && t.test.questions.find((q) => q.id === id);
  }
  const ref = ix.questions.find((x) => x.question.id === id);
  return ref && ref.question;
}
