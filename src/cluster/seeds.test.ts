/**
 * Acceptance on the five seed dumps (../shared/seeds) through the real extractor (template index over
 * all five, as eval/seeds.ts does) and dedup: one story of five articles, 000/001 entering as one copy
 * group, and publication dates inferred for the undated members. Skips loudly when the seeds are absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { loadSeedArticles } from '../../eval/seeds.ts';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Story } from '../records/index.ts';
import { dedupArticles } from '../dedup/index.ts';
import { clusterArticles, JOIN_PROBABILITY } from './index.ts';

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'seeds');
const present = existsSync(SEEDS) && readdirSync(SEEDS).some((f) => f.endsWith('.txt'));


test('seeds: one story of five, 000/001 as one unit, dates inferred with evidence', (t) => {
  if (!present) {
    console.warn(`cluster seeds test SKIPPED: ${SEEDS} not found`);
    t.skip('../shared/seeds not found');
    return;
  }
  const seeds = loadSeedArticles();
  const id = (n: string) => seeds.get(n)!.id;
  const articles = [...seeds.values()];
  const stories = clusterArticles(articles, dedupArticles(articles));
  assert.equal(stories.length, 1, `one story, got ${stories.map((s) => s.articles.length).join('+')}`);
  const s = stories[0]!;
  Story.parse(s);
  assert.deepEqual([...s.articles].sort(), articles.map((a) => a.id).sort());
  const m0 = s.members.find((m) => m.id === id('000'))!;
  const m1 = s.members.find((m) => m.id === id('001'))!;
  assert.equal(m0.unit, m1.unit, '000 and 001 enter as one copy-group unit');
  assert.ok([m0.relation, m1.relation].includes('copy'));
  assert.equal(s.firstSeen, '2016-12-05');
  assert.ok(s.title, 'a representative title');
  const joined = s.members.filter((m) => m.relation === 'joined');
  assert.ok(joined.length >= 1 && joined.every((m) => m.evidence.length > 0 && m.score >= JOIN_PROBABILITY), 'joined members say why');

  const date = (n: string) => s.dates.find((d) => d.id === id(n));
  for (const n of ['000', '001']) {
    assert.equal(date(n)?.date, '2016-12-05', `${n} inferred date`);
    assert.ok(date(n)!.evidence.some((e) => /monday/i.test(e.phrase) && e.resolved === '2016-12-05' && e.matchedArticle), `${n}: a Monday anchor`);
  }
  const d4 = date('004');
  assert.equal(d4?.date, '2016-12-09', '004 inferred date');
  assert.ok(d4!.evidence.some((e) => /wednesday/i.test(e.phrase) && e.resolved === '2016-12-07' && e.matchedArticle));
  assert.ok(d4!.evidence.some((e) => /yesterday/i.test(e.phrase) && e.resolved === '2016-12-08'));
  for (const d of s.dates) assert.ok(!d.date.endsWith('-03-23'), 'never the scraper date line');
});

test('seeds: the same story whatever the input order', (t) => {
  if (!present) {
    console.warn(`cluster seeds test SKIPPED: ${SEEDS} not found`);
    t.skip('../shared/seeds not found');
    return;
  }
  const articles = [...loadSeedArticles().values()];
  const copies = dedupArticles(articles);
  const expected = JSON.stringify(clusterArticles(articles, copies));
  for (const order of [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3]]) assert.equal(JSON.stringify(clusterArticles(order.map((i) => articles[i]!), copies)), expected);
});
