// player-results.js: the results screen, loaded by the player when it is needed (src/player/results.ts).
import { addStyle, RESULTS_CSS } from './lazy-style';
import { resultsView, type ResultsView } from './results';

addStyle('ir-css-r', RESULTS_CSS);
(window as unknown as { irResults: ResultsView }).irResults = resultsView;
