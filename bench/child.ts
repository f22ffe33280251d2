/**
 * Running a sibling bench script as its own process, the way this one runs: `npm run bench` runs the
 * compiled benches in dist/bench (as users run the compiled CLI), while `node --import tsx bench/run.ts`
 * still runs the sources, so a child gets the same file kind and the tsx loader only when it needs it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The node flags the CLI runs with (bin/storyweave.js, npm start), so the benches measure what users
 * get. A 64 MB young generation: an HTML page's tree (~375 KB, 1,000 elements) lives through its whole
 * extract, and the default semi-space collected it every ~8 pages, copying the live page each time;
 * HTML extract 71–73 → 83–93 pages per CPU-second (800 WCXB pages, alternating runs, loaded machine).
 */
export const NODE_FLAGS = ['--max-semi-space-size=64'];

/** `node` arguments that run the bench script `name` (given as "extract.ts") beside the module at `moduleUrl`. */
export function childScript(moduleUrl: string, name: string): { execArgv: string[]; path: string } {
  const self = fileURLToPath(moduleUrl);
  const compiled = self.endsWith('.js');
  return {
    execArgv: compiled ? [...NODE_FLAGS] : [...NODE_FLAGS, '--import', 'tsx'],
    path: join(dirname(self), compiled ? name.replace(/\.ts$/, '.js') : name),
  };
}
