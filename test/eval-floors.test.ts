/**
 * The quality gate: the extract stage's scores on the labelled data must stay at or above the floors
 * pinned in eval/floors.json (a little under the scores measured when each was set). Same code path as
 * `npm run eval`, without the Readability baseline. Skips loudly when ../shared/data is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalWcxbHtml } from '../eval/wcxb-html.ts';
import { evalWcxbText, lynxAvailable } from '../eval/wcxb-text.ts';
import { evalWcxbTextMeta } from '../eval/wcxb-text-meta.ts';
import { evalSeeds, seedsAvailable } from '../eval/seeds.ts';
import { checkFloors, loadFloors, type EvalFigures } from '../eval/floors.ts';
import { dedupEvalAvailable, evalDedup } from '../eval/dedup.ts';
import { ecbAvailable, evalCluster } from '../eval/cluster.ts';
import { loadWcxb, wcxbAvailable } from '../eval/lib.ts';

test('floors file pins every gated figure', () => {
  const floors = loadFloors();
  for (const key of ['wcxbF1', 'wcxbTitleExact', 'wcxbDateAccuracy', 'wcxbAuthorPrecision', 'wcxbTextF1', 'wcxbTextAnnotatedF1', 'wcxbTextMarkdownF1', 'wcxbTextLynxF1', 'wcxbTextDateAccuracy', 'seedsMinF1', 'examplesMeanF1']) {
    assert.equal(typeof floors[key], 'number', `eval/floors.json has no floor for ${key}`);
  }
});

test('WCXB dev articles (HTML and rendered text dumps) stay above their floors', async (t) => {
  if (!wcxbAvailable()) {
    console.warn('SKIPPED: ../shared/data/wcxb-dev-articles not found — the WCXB quality floors are NOT checked');
    t.skip('../shared/data/wcxb-dev-articles not found');
    return;
  }
  const html = evalWcxbHtml(loadWcxb());
  const text = await evalWcxbText();
  const textMeta = evalWcxbTextMeta();
  const annotated = await evalWcxbText(Infinity, 'annotated');
  const markdown = await evalWcxbText(Infinity, 'markdown');
  const withLynx = lynxAvailable();
  if (!withLynx) console.warn('SKIPPED: lynx is not installed — the lynx -dump floor is NOT checked');
  const lynx = withLynx ? await evalWcxbText(Infinity, 'lynx') : null;
  const figures: EvalFigures = {
    wcxbF1: html.f1,
    wcxbTitleExact: html.titleExact,
    wcxbDateAccuracy: html.dateAccuracy,
    wcxbAuthorPrecision: html.authorPrecision,
    wcxbTextF1: text.f1,
    wcxbTextDateAccuracy: textMeta.dateAccuracy,
    wcxbTextAuthorPrecision: textMeta.authorPrecision,
    wcxbTextAnnotatedF1: annotated.f1,
    wcxbTextMarkdownF1: markdown.f1,
    ...(lynx && { wcxbTextLynxF1: lynx.f1 }),
  };
  console.log(`WCXB figures: ${JSON.stringify(figures)}`);
  assert.equal(html.pages, 793, 'all 793 WCXB dev pages were scored');
  assert.deepEqual(checkFloors(figures), []);
});

test('seeds stay above their floors', (t) => {
  if (!seedsAvailable()) {
    console.warn('SKIPPED: ../shared/seeds not found — the seed floors are NOT checked');
    t.skip('../shared/seeds not found');
    return;
  }
  const seeds = evalSeeds();
  assert.deepEqual(checkFloors({ seedsMinF1: Math.min(...seeds.map((s) => s.f1)) }), []);
});

test('copy detection on the generated benchmark stays above its floors, with no hard negative called a copy', (t) => {
  if (!dedupEvalAvailable()) {
    console.warn('SKIPPED: ../shared/data/wcxb-dev-articles not found — the copy-detection floors are NOT checked');
    t.skip('../shared/data/wcxb-dev-articles not found');
    return;
  }
  const d = evalDedup();
  const figures: EvalFigures = { dedupHardNegativeCopies: d.hardNegatives.calledCopy };
  for (const kind of ['exact', 'near', 'partial'] as const) {
    figures[`dedup_${kind}_precision`] = d.perKind[kind].precision;
    figures[`dedup_${kind}_recall`] = d.perKind[kind].recall;
  }
  console.log(`copy figures: ${JSON.stringify(figures)}`);
  assert.ok(d.hardNegatives.pairs >= 100, 'the benchmark holds hard negatives');
  assert.deepEqual(checkFloors(figures), []);
});

test('story clustering on ECB+ stays above its floors, on tuning and held-out topics, whatever the input order', (t) => {
  if (!ecbAvailable()) {
    console.warn('SKIPPED: ../shared/data/ecbplus-dev not found — the clustering floors are NOT checked');
    t.skip('../shared/data/ecbplus-dev not found');
    return;
  }
  const c = evalCluster();
  const figures: EvalFigures = {
    clusterTuneF1: c.tune.ours.f1,
    clusterHeldOutF1: c.heldOut.ours.f1,
    clusterOrderAgreement: Math.min(c.tune.batchOrderAgreement, c.heldOut.batchOrderAgreement),
  };
  console.log(`cluster figures: ${JSON.stringify(figures)}`);
  // The clustering must beat both trivial baselines by a wide margin, not only its floor.
  assert.ok(c.heldOut.ours.f1 > c.heldOut.perTopic.f1 + 0.1, 'held-out F1 is well above one-story-per-topic');
  assert.deepEqual(checkFloors(figures), []);
});

test('brief components on the labelled stories stay above their floors', async () => {
  // Seeds are used when present; the example stories always are, so this never skips whole.
  const { evalBrief, pooledBriefFigures } = await import('../eval/brief.ts');
  const { evalTimeline } = await import('../eval/timeline.ts');
  const figures: EvalFigures = pooledBriefFigures(await evalBrief());
  const timeline = await evalTimeline();
  const gold = timeline.reduce((n, s) => n + s.gold, 0);
  figures.timelineDateAccuracy = gold ? timeline.reduce((n, s) => n + s.right, 0) / gold : undefined;
  console.log(`brief figures: ${JSON.stringify(figures)}`);
  for (const key of ['quoteRecall', 'quoteSpeakerAccuracy', 'disagreementRecall', 'disagreementPrecision', 'timelineDateAccuracy'] as const) {
    assert.equal(typeof figures[key], 'number', `${key} was measured`);
  }
  assert.deepEqual(checkFloors(figures), []);
});
