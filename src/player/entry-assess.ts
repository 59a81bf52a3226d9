// player-assess.js: the screens of typed questions, surveys and tests, loaded with the units that hold them (src/player/units.ts).
import type { AssessScript } from './assess/host';
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
(window as unknown as { irAssess: AssessScript }).irAssess = view;
