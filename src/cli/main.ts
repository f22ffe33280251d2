/**
 * The `storyweave` executable: runs the CLI on this process's arguments and streams, and sets the exit
 * code (bin/storyweave.js and `npm start` both land here). Ctrl-C (or SIGTERM) ends long-running work
 * cleanly — a server closes, a watch stops, a run ends with what it has read — and a second one exits at once.
 */
import { runCli } from './run.ts';

const stop = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (stop.signal.aborted) process.exit(130);
  process.stderr.write(`\nstoryweave: ${signal}, stopping (again to exit at once)\n`);
  stop.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// A reader that has read enough (`| head`) closes the pipe: stop quietly, as Unix tools do, rather than
// with an EPIPE stack trace; what it read is what it asked for.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, signal: stop.signal });
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
