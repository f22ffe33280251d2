/**
 * Running a sibling bench script as its own process, the way this one runs: `npm run bench` runs the
 * compiled benches in dist/bench (as users run the compiled CLI), while `node --import tsx bench/run.ts`
 * still runs the sources, so a child gets the same file kind and the tsx loader only when it needs it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `node` arguments that run the bench script `name` (given as "extract.ts") beside the module at `moduleUrl`. */
export function childScript(moduleUrl: string, name: string): { execArgv: string[]; path: string } {
  const self = fileURLToPath(moduleUrl);
  const compiled = self.endsWith('.js');
  return {
    execArgv: compiled ? [] : ['--import', 'tsx'],
    path: join(dirname(self), compiled ? name.replace(/\.ts$/, '.js') : name),
  };
}
