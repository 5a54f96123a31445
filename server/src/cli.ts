// The `report-writer` binary (dist/cli.js): the command line of cli/run.ts with the process's streams and
// environment, exiting with the status it resolves to.
import { run } from './cli/run.js';

void run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
});
