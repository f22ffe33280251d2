/**
 * Acceptance on the five seed dumps (../shared/seeds), through the real extractor with the template
 * index built over all five, as eval/seeds.ts does. Skips loudly when the seeds are absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { loadSeedArticles } from '../../eval/seeds.ts';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dedupArticles, independentSources } from './index.ts';

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'seeds');
const present = existsSync(SEEDS) && readdirSync(SEEDS).some((f) => f.endsWith('.txt'));


test('seeds: 000/001 one NYT group, 002–003 share material, 004 alone, 4 independent sources', (t) => {
  if (!present) {
    console.warn(`dedup seeds test SKIPPED: ${SEEDS} not found`);
    t.skip('../shared/seeds not found');
    return;
  }
  const seeds = loadSeedArticles();
  const id = (n: string) => seeds.get(n)!.id;
  const articles = [...seeds.values()];
  const result = dedupArticles(articles);

  assert.equal(result.groups.length, 1, 'exactly one copy group');
  const g = result.groups[0]!;
  assert.deepEqual(g.members.map((m) => m.id).sort(), [id('000'), id('001')].sort());
  assert.ok([id('000'), id('001')].includes(g.canonical));
  assert.equal(g.originalSource, 'The New York Times');
  assert.equal(result.originalSourceById[id('000')], 'The New York Times');
  assert.equal(result.originalSourceById[id('001')], 'The New York Times');

  const rel = (x: string, y: string) => result.relations.find((r) => (r.a === id(x) && r.b === id(y)) || (r.a === id(y) && r.b === id(x)));
  assert.equal(rel('002', '003')?.kind, 'shares-material');
  for (const r of result.relations) {
    if (r.kind !== 'shares-material') assert.deepEqual([r.a, r.b].sort(), [id('000'), id('001')].sort(), 'the only copy relation is 000–001');
  }
  for (const r of result.relations) assert.ok(r.a !== id('004') && r.b !== id('004') || r.kind === 'shares-material', '004 has no copy');

  assert.equal(independentSources(articles, result).count, 4);
});

test('seeds: the result does not depend on input order', (t) => {
  if (!present) {
    console.warn(`dedup seeds test SKIPPED: ${SEEDS} not found`);
    t.skip('../shared/seeds not found');
    return;
  }
  const articles = [...loadSeedArticles().values()];
  const expected = JSON.stringify(dedupArticles(articles));
  for (const order of [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 0, 3, 2, 4]]) {
    assert.equal(JSON.stringify(dedupArticles(order.map((i) => articles[i]!))), expected);
  }
});
