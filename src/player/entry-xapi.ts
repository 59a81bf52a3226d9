// The Tin Can (xAPI) package's player: the LRS named by the launch parameters,
// standalone (nothing recorded) when the launch names none.
import { startPlayer } from './main.js';
import { makeXapiTransport } from './transport/xapi.js';

startPlayer((course) => makeXapiTransport(course));
