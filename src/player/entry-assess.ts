// player-assess.js: typed questions, surveys and tests, and the full engine, loaded before a course that has them starts (src/player/main.ts).
import type { AssessScript } from './assess/host';
import { createEngine } from './engine';
import { installAssessRecords } from './transport/xapi-assess';
import { lessonQuestion } from './assess/question';
import { injectStyle } from './assess/style';
import { surveyBlock } from './assess/survey';
import { testScreen } from './assess/test';

injectStyle();
// xAPI and cmi5: the statements of typed questions, surveys and tests are made here, not in the first page's bundle.
installAssessRecords();
const view = ((host, what) =>
  typeof what === 'number' ? testScreen(host, what)
  : what.kind === 'survey' ? surveyBlock(host, what.survey)
  : what.kind === 'question' ? lessonQuestion(host, what.question)
  : null) as AssessScript;
view.engine = createEngine;
(window as unknown as { irAssess: AssessScript }).irAssess = view;
