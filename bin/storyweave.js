#!/usr/bin/env -S node --max-semi-space-size=64
// The flag: a 64 MB young generation, so a big page's tree is not copied by a scavenge every few pages
// (HTML extract ~15% faster; bench/child.ts runs the benches with the same flags).
// Runs the compiled CLI (dist/, made by `npm run build`, which `npm ci` runs as `prepare`): compiled code
// skips tsx's on-the-fly transform and its per-function name wrappers. When dist is missing or older than a source
// file (a checkout being edited), the TypeScript sources run through tsx instead, so the CLI never runs
// stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'src', 'cli', 'main.js');
// Written by `npm run build` after tsc succeeds (tsc itself rewrites only the outputs that changed).
const builtAt = join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

if (existsSync(compiled) && existsSync(builtAt) && statSync(builtAt).mtimeMs >= newestSource(join(root, 'src'))) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
