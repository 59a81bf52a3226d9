// The SCORM 1.2 package's player: the LMS's API when one is found, standalone otherwise.
import { startPlayer } from './main';
import { findScorm12Api } from './transport/api-finder';
import { scorm12Transport } from './transport/scorm12';
import { standaloneTransport } from './transport/standalone';

startPlayer((course) => {
  const api = findScorm12Api(window as unknown as Parameters<typeof findScorm12Api>[0]);
  return api ? scorm12Transport(course, api) : standaloneTransport();
});
