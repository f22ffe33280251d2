import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryClusterer, type StoryState } from './index.ts';
import { DECISION_WEIGHTS, RARE_MIN_WINDOW, SPARSE_WINDOW_WEIGHTS, joinProbabilityOf, type PairFeatures } from './model.ts';
import { Vocab } from './clusterer.ts';

/** A day's article: words only that day's story uses (so the vocabulary must forget them). */
const letters = (n: number) => String.fromCharCode(97 + (n % 26), 97 + Math.floor(n / 26));
function article(day: number, i: number, shared = '') {
  const own = Array.from({ length: 20 }, (_, k) => `day${letters(day)}w${letters(k)}v${letters((i + k) % 3)}`).join(' ');
  const date = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return { id: `d${day}a${i}`, title: `${shared}${own.slice(0, 40)}`, paragraphs: [`${shared}${own}.`], members: [{ id: `d${day}a${i}`, published: date }] };
}

test('vocabulary and IDF follow the window: words of days that left it are freed', () => {
  const evicted: StoryState[] = [];
  const c = new StoryClusterer({ windowDays: 2, onEvict: (s) => evicted.push(s) });
  const sizes: number[] = [];
  for (let day = 0; day < 12; day++) {
    for (let i = 0; i < 6; i++) c.add(article(day, i));
    sizes.push(c.vocabularySize);
  }
  // Each day brings ~60 new words; without forgetting, 12 days would hold ~720.
  assert.ok(sizes.at(-1)! < 400, `vocabulary ${sizes.join(',')}`);
  assert.ok(Math.abs(sizes.at(-1)! - sizes.at(-4)!) < 60, `flat once the window is full: ${sizes.join(',')}`);
  assert.ok(evicted.length > 0);
  // An evicted story keeps readable centroid maps with its own words, though its ids were released.
  const s = evicted[0]!;
  assert.ok(s.terms.size > 0 && [...s.terms.keys()].every((k) => k.startsWith('daya')), [...s.terms.keys()].join(' '));
});

test('a live story’s maps are views of its vectors; assigning one replaces it', () => {
  const c = new StoryClusterer();
  const s = c.add(article(0, 0, 'Harbour council vote. '));
  const t = s.terms;
  assert.ok(t.get('harbour')! > 0);
  assert.equal(s.terms, t, 'the view is kept until the story changes');
  c.add(article(0, 1, 'Harbour council vote. '));
  assert.notEqual(s.terms, t, 'a story that took a unit has a new view');
  assert.ok(s.terms.get('harbour')! > 0);
  s.terms = new Map([['quay', 1]]);
  assert.deepEqual([...s.terms], [['quay', 1]]);
});

test('vocabulary: ids are stable, freed ids are reused, and lookups survive table growth and sweeps', () => {
  const v = new Vocab();
  const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`);
  const ids = words.map((w) => v.intern(w));
  assert.equal(new Set(ids).size, words.length, 'one id per distinct key');
  assert.equal(v.size, words.length);
  // Fresh copies of the strings (as a worker or a regex hands them over) find the same ids.
  words.forEach((w, i) => assert.equal(v.intern(w.split('').join('')), ids[i]));
  assert.equal(v.idOf('never-seen'), undefined);
  // Count the even words; sweep frees the odd ones, whose ids come back for new keys.
  words.forEach((_, i) => {
    if (i % 2 === 0) v.df[ids[i]!] = 1;
  });
  v.sweep();
  assert.equal(v.size, words.length / 2);
  words.forEach((w, i) => assert.equal(v.idOf(w), i % 2 === 0 ? ids[i] : undefined, w));
  const fresh = Array.from({ length: 5_000 }, (_, i) => `new${i}`);
  const freshIds = fresh.map((w) => v.intern(w));
  const odd = new Set(ids.filter((_, i) => i % 2 === 1));
  assert.ok(freshIds.every((id) => odd.has(id)), 'freed ids are handed out again');
  fresh.forEach((w, i) => assert.equal(v.key(freshIds[i]!), w));
  words.forEach((w, i) => i % 2 === 0 && assert.equal(v.idOf(w), ids[i]));
});

test('rare shared terms: the feature fires on a word few documents hold, and only once the window can tell', () => {
  const filler = (i: number) => ({ id: `f${i}`, title: null, paragraphs: [`Filler${letters(i)}q notice${letters(i)}z quayside harbour.`], members: [{ id: `f${i}`, published: null }] });
  const unit = (id: string, text: string) => ({ id, title: null, paragraphs: [text], members: [{ id, published: null }] });
  const probe = (c: StoryClusterer, u: ReturnType<typeof unit>) => {
    let seen: { rare: number; probability: number; features: PairFeatures }[] = [];
    c.add(u, { decide: (_u, cands) => ((seen = cands.map((x) => ({ rare: x.features.rare, probability: x.probability, features: x.features }))), null) });
    return seen;
  };
  const c = new StoryClusterer();
  c.add(unit('a', 'Zorblat ferry sank near the quayside harbour.'));
  // "zorblat" is held by two documents (df 2 ≤ RARE_DF): rare; "quayside harbour" by every one: not.
  const [small] = probe(c, unit('b', 'Zorblat ferry crew rescued.'));
  assert.equal(small!.rare, 1);
  assert.ok(c.windowSize < RARE_MIN_WINDOW);
  assert.equal(small!.probability, joinProbabilityOf(small!.features, SPARSE_WINDOW_WEIGHTS), 'a small window decides without the feature');

  const big = new StoryClusterer();
  for (let i = 0; i < RARE_MIN_WINDOW; i++) big.add(filler(i));
  big.add(unit('a', 'Zorblat ferry sank near the quayside harbour.'));
  const hit = probe(big, unit('b', 'Zorblat ferry crew rescued.')).find((x) => x.rare === 1);
  assert.ok(hit, 'the story holding the rare word is a candidate with the feature on');
  assert.equal(hit.probability, joinProbabilityOf(hit.features, DECISION_WEIGHTS));
  assert.ok(joinProbabilityOf(hit.features, DECISION_WEIGHTS) > joinProbabilityOf({ ...hit.features, rare: 0 }, DECISION_WEIGHTS));
  const common = probe(big, unit('c', 'Quayside harbour timetable.'));
  assert.ok(common.length > 0 && common.every((x) => x.rare === 0), 'words every document holds are not rare');
});
