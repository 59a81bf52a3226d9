// The cmi5 package's player: the AU of the LMS named by the launch parameters,
// standalone (nothing recorded) when the launch names none.
import { startPlayer } from './main.js';
import { makeCmi5Transport } from './transport/cmi5.js';

startPlayer((course) => makeCmi5Transport(course));
