import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeaturePool, articleFeatures, capitalisedEntities, clusterStream, StoryClusterer, type ClusterUnit } from './index.ts';
import { loaderArgs } from './pool.ts';

/**
 * A small dated stream of three fictional stories told in varied words, interleaved, with one article
 * that shares words with two of them: enough that assignment depends on order and on every feature.
 */
function stream(): ClusterUnit[] {
  const stories = [
    { who: 'Mara Velloso', where: 'Port Anselm', what: ['ferry', 'capsized', 'harbour', 'rescue', 'divers', 'passengers'] },
    { who: 'Tomas Reinholt', where: 'Kellby', what: ['council', 'budget', 'vote', 'libraries', 'cuts', 'protest'] },
    { who: 'Ines Carvalho', where: 'Lake Ormund', what: ['drought', 'reservoir', 'rationing', 'farmers', 'wells', 'rain'] },
  ];
  const units: ClusterUnit[] = [];
  for (let i = 0; i < 24; i++) {
    const s = stories[i % 3]!;
    const w = (k: number) => s.what[(i + k) % s.what.length]!;
    const day = 1 + Math.floor(i / 6);
    const published = i % 5 === 4 ? null : `2031-03-0${day}`;
    const title = `${w(0)} ${w(1)} in ${s.where} as ${s.who.split(' ')[1]} speaks`;
    const paragraphs = [
      `${s.who} said the ${w(2)} and the ${w(3)} in ${s.where} would be reviewed on day ${day}, with ${10 + i} officials present.`,
      `Residents described the ${w(4)} and ${w(5)} as the worst in ${1990 + (i % 3)} years.`,
    ];
    if (i === 13) paragraphs.push(`${stories[0]!.who} also spoke of the ${stories[0]!.what[0]} near ${stories[0]!.where}.`);
    units.push({ id: `u${i}`, title, paragraphs, members: [{ id: `u${i}`, published }] });
  }
  return units;
}

const shape = (c: StoryClusterer) => c.stories().map((s) => ({ num: s.num, units: s.units.map((u) => [u.id, u.relation, u.score]) }));

test('features from a worker thread equal the clusterer’s own', async () => {
  const units = stream();
  const pool = new FeaturePool(1);
  try {
    const got = await pool.compute(units);
    assert.equal(got.length, units.length);
    units.forEach((u, i) => assert.deepEqual(got[i], articleFeatures(u)));
  } finally {
    await pool.close();
  }
});

test('clusterStream with feature workers gives exactly the stories of adding units one by one', async () => {
  const units = stream();
  const serial = new StoryClusterer();
  const serialStories = units.map((u) => serial.add(u).num);
  for (const workers of [1, 2]) {
    // Small batches so several are in flight at once and replies can arrive out of order.
    const parallel = new StoryClusterer();
    const seen: { id: string; num: number }[] = [];
    const errors: Error[] = [];
    for await (const { unit, story } of clusterStream(units, parallel, { workers, batch: 3, ahead: 4, onWorkerError: (e) => errors.push(e) })) seen.push({ id: unit.id, num: story.num });
    assert.deepEqual(errors, [], 'every batch came from a worker');
    assert.deepEqual(
      seen.map((s) => s.id),
      units.map((u) => u.id),
      'units come out in arrival order',
    );
    assert.deepEqual(
      seen.map((s) => s.num),
      serialStories,
    );
    assert.deepEqual(shape(parallel), shape(serial));
  }
  assert.ok(serial.stories().length >= 3 && serial.stories().length < units.length, `a real clustering: ${serial.stories().length} stories`);
});

test('clusterStream reads async input and works without workers', async () => {
  const units = stream();
  async function* slow() {
    for (const u of units) {
      await new Promise((r) => setImmediate(r));
      yield u;
    }
  }
  const serial = new StoryClusterer();
  for (const u of units) serial.add(u);
  for (const workers of [0, 1]) {
    const c = new StoryClusterer();
    let n = 0;
    for await (const _ of clusterStream(slow(), c, { workers, batch: 5, onWorkerError: (e) => assert.fail(e) })) n++;
    assert.equal(n, units.length);
    assert.deepEqual(shape(c), shape(serial));
  }
});

test('a clusterer with a custom entity extractor gets its features on the calling thread', async () => {
  const units = stream();
  const serial = new StoryClusterer({ entities: capitalisedEntities });
  for (const u of units) serial.add(u);
  const c = new StoryClusterer({ entities: capitalisedEntities });
  assert.equal(c.usesDefaultEntities, false);
  assert.equal(new StoryClusterer().usesDefaultEntities, true);
  for await (const _ of clusterStream(units, c, { workers: 1 })) void _;
  assert.deepEqual(shape(c), shape(serial));
});

test('a pool whose worker is gone rejects instead of hanging, and the stream computes those batches itself', async () => {
  const units = stream();
  const pool = new FeaturePool(1);
  await pool.close();
  await assert.rejects(pool.compute(units.slice(0, 2)), /feature worker exited/);
  assert.throws(() => new FeaturePool(0), RangeError);

  const serial = new StoryClusterer();
  for (const u of units) serial.add(u);
  const c = new StoryClusterer();
  const errors: Error[] = [];
  let n = 0;
  for await (const _ of clusterStream(units, c, { pool, batch: 10, onWorkerError: (e) => errors.push(e) })) n++;
  assert.equal(n, units.length, 'no unit lost');
  assert.equal(errors.length, 3, 'one error per batch of 10 over 24 units');
  assert.deepEqual(shape(c), shape(serial));
});

test('workers get the parent’s module-loading flags only', () => {
  assert.deepEqual(loaderArgs(['--expose-gc', '--import', 'tsx', '--max-semi-space-size=64', '--require=./x.cjs', '--conditions', 'dev']), ['--import', 'tsx', '--require=./x.cjs', '--conditions', 'dev']);
  assert.deepEqual(loaderArgs(['--import', 'tsx', '--require', 'a.cjs', '--import=tsx/esm'], (v) => v.includes('tsx')), ['--require', 'a.cjs']);
  assert.deepEqual(loaderArgs([]), []);
});
