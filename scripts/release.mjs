// `npm run release`: what CI publishes for authors, in dist/:
//   integrity-ranger-<version>.tgz   the tool, installed with one
//                                    `npm install -g ./integrity-ranger-<version>.tgz`
//                                    (runtime dependencies only: no test suite)
//   <id>-<version>-<target>.zip      the default course's packages, built by that tool
// `npm pack` runs `prepack`, which builds lib/ and player-dist/ first.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const win = process.platform === 'win32';
mkdirSync('dist', { recursive: true });
// npm is npm.cmd on Windows, which only a shell can start.
const name = execFileSync(win ? 'npm.cmd' : 'npm', ['pack', '--silent', '--pack-destination', 'dist'], { encoding: 'utf8', shell: win, stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
execFileSync(process.execPath, ['bin/integrity-ranger.js', 'build', 'content', '--out', 'dist'], { stdio: 'inherit' });
console.log(`dist/${name}`);
