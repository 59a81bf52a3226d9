import { main } from '../../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as a terminal-less CI job would. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, isTTY = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY,
    env,
  });
  return { code, stdout, stderr };
}
