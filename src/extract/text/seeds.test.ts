import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEEDS_DIR } from '../../../eval/lib.ts';
import { evalSeeds, seedsAvailable } from '../../../eval/seeds.ts';

/** Acceptance on the five seed dumps, labelled in fixtures/seeds. */
const MIN_SEED_F1 = 0.98;

test('seed dumps: body word-F1, exact titles, and wire copies giving the same body', (t) => {
  if (!seedsAvailable()) {
    console.warn(`${SEEDS_DIR} not found: seed acceptance test skipped`);
    t.skip(`${SEEDS_DIR} not found`);
    return;
  }
  const scores = evalSeeds();
  assert.equal(scores.length, 5);
  for (const s of scores) {
    assert.ok(s.f1 >= MIN_SEED_F1, `${s.seed}: F1 ${s.f1.toFixed(3)} < ${MIN_SEED_F1}`);
    assert.ok(s.titleOk, `${s.seed}: title ${JSON.stringify(s.title)} ≠ ${JSON.stringify(s.expectedTitle)}`);
  }
  const [a, b] = [scores.find((s) => s.seed.startsWith('000')), scores.find((s) => s.seed.startsWith('001'))];
  assert.ok(a && b);
  assert.equal(a.body, b.body, '000 and 001 are the same NYT copy and must give the same body');
});
