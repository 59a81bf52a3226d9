// player-assess.js: typed questions, surveys and tests, loaded with the units that hold them (src/player/units.ts).
import type { AssessView } from './assess/host';
import { lessonQuestion } from './assess/question';
import { injectStyle } from './assess/style';
import { surveyBlock } from './assess/survey';
import { testScreen } from './assess/test';

injectStyle();
const view: AssessView = (host, what) =>
  typeof what === 'number' ? testScreen(host, what)
  : what.kind === 'survey' ? surveyBlock(host, what.survey)
  : what.kind === 'question' ? lessonQuestion(host, what.question)
  : null;
(window as unknown as { irAssess: AssessView }).irAssess = view;
