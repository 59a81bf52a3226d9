/**
 * The report on a course with issue 12's records: typed questions, survey
 * items, tests and their per-attempt interactions are known (not "records
 * this course does not have"), and left out of the choice analysis, whose
 * response letters they do not use.
 */
import { describe, expect, it } from 'vitest';
import { courseMap } from '../../src/report/index.js';
import { activityId } from '../../src/shared/activity-ids.js';
import { assessCourse } from '../helpers/assess-course.js';

describe('courseMap with typed questions, surveys and tests', () => {
  const course = assessCourse('xapi');
  const iri = course.iri!;
  const map = courseMap(course);

  it('analyses the choice questions only, with their own indexes', () => {
    expect(map.questions.map((q) => q.question.id)).toEqual(['q-tujuh', 'q-amplop', 'q-tanda', 'q-batas']);
    expect(map.questions.map((q) => q.index)).toEqual([0, 1, 2, 3]);
  });

  it('knows every SCORM interaction id and xAPI activity id of issue 12 as a record with nothing to score', () => {
    const ids = ['tf', 'ma', 'sikap-awal.s1', 'sikap-awal_s2', 'tes-awal.1.b-tf', 'tes-akhir.2.pc', 'tes-akhir_2_b-se'];
    for (const id of ids) expect(map.byInteraction.get(id), id).toEqual({ kind: 'other' });
    expect(map.byInteraction.get('tes-akhir.3.pc')).toBeUndefined();
    const acts = [activityId.question(iri, 'fi'), activityId.question(iri, 'b-fi'), activityId.question(iri, 'pc'), activityId.test(iri, 'tes-akhir'), activityId.survey(iri, 'sikap-awal'), activityId.surveyItem(iri, 'sikap-awal', 's2')];
    for (const id of acts) expect(map.byActivity.get(id), id).toEqual({ kind: 'other' });
    expect(map.byActivity.get(activityId.question(iri, 'q-amplop'))).toMatchObject({ kind: 'question' });
  });
});
