// player-results.js: the results screen, loaded by the player when it is needed (src/player/results.ts).
import { resultsView, type ResultsView } from './results';

(window as unknown as { irResults: ResultsView }).irResults = resultsView;
