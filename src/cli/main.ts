/**
 * The `storyweave` executable: runs the CLI on this process's arguments and streams, and sets the exit
 * code (bin/storyweave.js and `npm start` both land here).
 */
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
