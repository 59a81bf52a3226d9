// The SCORM 2004 package's player: the LMS's API_1484_11 when one is found, standalone otherwise.
import { startPlayer } from './main';
import { findScorm2004Api } from './transport/api-finder';
import { scorm2004Transport } from './transport/scorm2004';
import { StandaloneTransport } from './transport/standalone';

startPlayer((course) => {
  const api = findScorm2004Api(window as unknown as Parameters<typeof findScorm2004Api>[0]);
  return api ? scorm2004Transport(course, api) : new StandaloneTransport();
});
