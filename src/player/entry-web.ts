// The plain web build: no LMS, nothing recorded.
import { startPlayer } from './main';
import { StandaloneTransport } from './transport/standalone';

startPlayer(() => new StandaloneTransport());
