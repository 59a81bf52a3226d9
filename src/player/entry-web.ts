// The plain web build: no LMS, nothing recorded.
import { startPlayer } from './main';
import { standaloneTransport } from './transport/standalone';

startPlayer(() => standaloneTransport());
