/**
 * The summary's quality gate: mean ROUGE-1 and ROUGE-2 F of our summaries against the reference
 * summaries (fixtures/brief/summaries) stay at or above the floors in eval/floors.json, and above the
 * LexRank baseline measured in the same run. Same code path as `npm run eval`. The example stories
 * always run; seeds and ECB+ parts skip loudly when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalSummaries, meanScores } from '../../../eval/summary.ts';
import { checkFloors, loadFloors } from '../../../eval/floors.ts';

test('summary ROUGE stays above its floors and above LexRank', async () => {
  const floors = loadFloors();
  assert.equal(typeof floors.summaryRouge1, 'number', 'eval/floors.json has a floor for summaryRouge1');
  assert.equal(typeof floors.summaryRouge2, 'number', 'eval/floors.json has a floor for summaryRouge2');
  const { stories, skipped } = await evalSummaries();
  for (const part of skipped) console.warn(`SKIPPED: summary references for ${part} — its data (../shared) not found; the floors are checked on the rest`);
  assert.ok(stories.length >= 3, 'at least the three example stories are scored');
  const m = meanScores(stories);
  console.log(`summary ROUGE over ${stories.length} stories: ours R1 ${m.ours.rouge1.toFixed(3)} R2 ${m.ours.rouge2.toFixed(3)}; LexRank ${m.lexrank.rouge1.toFixed(3)} / ${m.lexrank.rouge2.toFixed(3)}`);
  if (skipped.length === 0) assert.deepEqual(checkFloors({ summaryRouge1: m.ours.rouge1, summaryRouge2: m.ours.rouge2 }), []);
  assert.ok(m.ours.rouge1 > m.lexrank.rouge1, 'ROUGE-1 above LexRank');
  assert.ok(m.ours.rouge2 > m.lexrank.rouge2, 'ROUGE-2 above LexRank');
});
