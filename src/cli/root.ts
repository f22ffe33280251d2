/**
 * Where the package lives on disk. The same modules run from `src/` under tsx and compiled into
 * `dist/src/` (npm run build), one folder deeper, so paths to bundled files (examples/, eval data beside
 * the repo) are found by walking up to the package.json rather than by a fixed number of `..`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above the module at `moduleUrl` that holds a package.json. */
export function packageRoot(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
    dir = up;
  }
}

export const PACKAGE_ROOT = packageRoot(import.meta.url);
