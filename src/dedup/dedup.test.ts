import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DedupIndex,
  FingerprintMismatchError,
  classifyPair,
  dedupArticles,
  estimateJaccard,
  fingerprintBody,
  fingerprintParams,
  independentSources,
  optimalParams,
  type DedupArticle,
} from './index.ts';
import { bodyTokens } from './normalize.ts';
import { winnow } from './winnow.ts';

/** Deterministic filler prose: word i of a seeded sequence over a made-up vocabulary. */
function prose(seed: number, words: number): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x ^ (x >>> 13), 0x5bd1e995) + i) >>> 0;
    out.push(`w${(x % 5000).toString(36)}`);
  }
  return out.join(' ') + '.';
}

const art = (id: string, paragraphs: string[], extra: Partial<DedupArticle> = {}): DedupArticle => ({
  id,
  paragraphs,
  published: null,
  originalSource: null,
  originalSourceEvidence: null,
  outlet: null,
  byline: null,
  title: null,
  ...extra,
});

test('normalisation folds quotes, dashes, case, punctuation and white space but keeps numbers', () => {
  const a = bodyTokens(['“It’s 3,000 — he said,”  The  END.']).tokens;
  const b = bodyTokens(['"it\'s 3,000 - He said," the\nend']).tokens;
  assert.deepEqual([...a], [...b]);
  assert.notDeepEqual([...bodyTokens(['3,500 people']).tokens], [...bodyTokens(['3,000 people']).tokens]);
  // NFKC: full-width letters and the "ﬁ" ligature read as plain letters.
  assert.deepEqual([...bodyTokens(['ＡＢＣ ﬁle']).tokens], [...bodyTokens(['abc file']).tokens]);
});

test('LSH parameters come from the threshold and match datasketch for (0.5, 128)', () => {
  // datasketch's _optimal_param(0.5, 128, 0.5, 0.5) gives b=25, r=5 (documented in its LSH docs).
  assert.deepEqual(optimalParams(0.5, 128), { threshold: 0.5, bands: 25, rows: 5 });
  const hi = optimalParams(0.9, 128);
  assert.ok(hi.rows > 5, 'a higher threshold needs more rows per band');
  assert.throws(() => optimalParams(1.2, 64), RangeError);
});

test('signatures carry their parameters and refuse to compare across them', () => {
  const body = [prose(1, 300)];
  const a = fingerprintBody(body);
  const b = fingerprintBody(body, fingerprintParams({ seed: 7 }));
  assert.equal(estimateJaccard(a.signature, fingerprintBody(body).signature), 1);
  assert.throws(() => estimateJaccard(a.signature, b.signature), FingerprintMismatchError);
  const c = fingerprintBody([prose(1, 300).replace(/^(\S+ ){50}/, '')]);
  const est = estimateJaccard(a.signature, c.signature);
  assert.ok(Math.abs(est - 246 / 296) < 0.2, `estimate ${est} near the true Jaccard`);
});

test('winnowing selects the same anchor from a shared run inside different text', () => {
  const shared = prose(9, 40);
  const x = fingerprintBody([prose(2, 200), shared, prose(3, 100)]);
  const y = fingerprintBody([prose(4, 80), shared]);
  const ax = new Set(x.anchors);
  assert.ok([...winnow(y.sequence, 20)].some((h) => ax.has(h)));
});

test('relations: exact, near, partial and shares-material on constructed bodies', () => {
  const base = [prose(10, 120), prose(11, 120), prose(12, 120), prose(13, 40)];
  const quote = prose(99, 60); // two winnowing windows: a shared span of ≥ ~44 words is always found
  const articles = [
    art('a-orig', base),
    art('b-exact', base.map((p) => `“${p.replace(/ /g, '  ')}”`)),
    art('c-near', [base[0]!.replace(/^\S+/, 'changed'), base[1]!, base[2]!]),
    art('d-teaser', [base[0]!.split(' ').slice(0, 40).join(' ') + '…']),
    art('e-other', [prose(20, 200), quote, prose(21, 100)]),
    art('f-other', [prose(30, 150), quote, prose(31, 150)]),
    art('g-unrelated', [prose(40, 300)]),
  ];
  const r = dedupArticles(articles);
  const kind = (x: string, y: string) => r.relations.find((q) => (q.a === x && q.b === y) || (q.a === y && q.b === x))?.kind ?? null;
  assert.equal(kind('a-orig', 'b-exact'), 'exact');
  assert.equal(kind('a-orig', 'c-near'), 'near');
  assert.equal(kind('a-orig', 'd-teaser'), 'partial');
  assert.equal(kind('e-other', 'f-other'), 'shares-material');
  assert.equal(kind('a-orig', 'g-unrelated'), null);
  assert.equal(r.groups.length, 1);
  assert.equal(r.groups[0]!.members.length, 4);
  assert.equal(r.groups[0]!.canonical, 'a-orig', 'the most complete body is canonical');
});

test('classifyPair: thresholds decide, and a tiny contained body is not a partial copy', () => {
  const s = { jaccard: 0.1, containmentA: 1, containmentB: 0.1, shared: 3, longestSharedWords: 7, exact: false };
  assert.equal(classifyPair(s), null);
  assert.equal(classifyPair({ ...s, shared: 30, longestSharedWords: 34 }), 'partial');
  assert.equal(classifyPair({ ...s, containmentA: 0.3, shared: 30, longestSharedWords: 20 }), 'shares-material');
});

test('originalSource propagates through a group; a wire dateline beats a site attribution', () => {
  const body = [prose(50, 200), prose(51, 200)];
  const r = dedupArticles([
    art('x1', body, { originalSource: 'Daily Site', originalSourceEvidence: 'Daily Site' }),
    art('x2', body, { originalSource: 'Reuters', originalSourceEvidence: 'LONDON (Reuters) -' }),
    art('x3', body),
  ]);
  assert.equal(r.groups[0]!.originalSource, 'Reuters');
  assert.deepEqual(r.originalSourceById, { x1: 'Reuters', x2: 'Reuters', x3: 'Reuters' });
});

test('independent sources: a copy group once, the same wire once, unattributed outlets by outlet', () => {
  const a = [prose(60, 200)];
  const articles = [
    art('p1', a, { originalSource: 'Reuters', originalSourceEvidence: 'PARIS (Reuters) -' }),
    art('p2', a, { outlet: 'Some Site' }),
    art('p3', [prose(61, 200)], { originalSource: 'reuters' }),
    art('p4', [prose(62, 200)], { outlet: 'Other Site' }),
    art('p5', [prose(63, 200)], { outlet: 'Other Site' }),
    art('p6', [prose(64, 200)]),
  ];
  const s = independentSources(articles);
  assert.equal(s.count, 3, 'Reuters, Other Site, and p6 alone');
  assert.deepEqual(s.sources.map((x) => x.articleIds), [['p1', 'p2', 'p3'], ['p4', 'p5'], ['p6']]);
});

test('dedupArticles is order-independent under shuffles', () => {
  const base = [prose(70, 150), prose(71, 150), prose(72, 60)];
  const articles = [
    art('m1', base),
    art('m2', base.slice(0, 2)),
    art('m3', [base[0]!.split(' ').slice(0, 30).join(' ')]),
    art('m4', [...base, prose(73, 300)]),
    art('m5', [prose(74, 200)]),
    art('m6', [prose(75, 100), base[1]!.split(' ').slice(10, 50).join(' '), prose(76, 100)]),
  ];
  const expected = JSON.stringify(dedupArticles(articles));
  let seed = 1;
  for (let round = 0; round < 20; round++) {
    const shuffled = [...articles].sort(() => ((seed = (seed * 48271) % 2147483647) / 2147483647) - 0.5);
    assert.equal(JSON.stringify(dedupArticles(shuffled)), expected);
  }
});

test('DedupIndex: streaming answers, undated articles take sequence time, old partitions are evicted', () => {
  const index = new DedupIndex({ windowDays: 2 });
  const body = [prose(80, 200)];
  assert.equal(index.add(art('s1', body, { published: '2024-01-01' })).copyOf, null);
  assert.deepEqual(index.add(art('s2', body), '2024-01-01T12:00:00Z').copyOf, { id: 's1', kind: 'exact' });
  // Undated: stamped with the latest time seen, so it joins the current window.
  assert.equal(index.add(art('s3', body)).copyOf?.kind, 'exact');
  assert.equal(index.stats().articles, 3);
  index.add(art('s4', [prose(81, 200)]), '2024-01-05');
  assert.equal(index.stats().articles, 1, 'the 2024-01-01 partition left the 2-day window');
  assert.equal(index.stats().evicted, 3);
  assert.equal(index.add(art('s5', body), '2024-01-05').copyOf, null, 'evicted articles are no longer matched');
  assert.throws(() => new DedupIndex({ windowDays: 0 }), RangeError);
});

test('DedupIndex refuses fingerprints made with other parameters', () => {
  const index = new DedupIndex();
  assert.throws(() => index.addFingerprint('z', fingerprintBody(['a b c d e f'], fingerprintParams({ numPerm: 32 })), 0), /parameters differ/);
});

test('groups: a teaser two different stories both carry does not chain them into one group', () => {
  const lead = prose(90, 40);
  const r = dedupArticles([art('g1', [lead, prose(91, 300)]), art('g2', [lead, prose(92, 300)]), art('g3', [lead])]);
  const kinds = new Map(r.relations.map((x) => [`${x.a}-${x.b}`, x.kind]));
  assert.equal(kinds.get('g1-g3'), 'partial');
  assert.equal(kinds.get('g2-g3'), 'partial');
  assert.equal(kinds.get('g1-g2'), 'shares-material');
  assert.equal(r.groups.length, 1, 'the teaser joins one story; the other story stays alone');
  assert.deepEqual(r.groups[0]!.members.map((m) => m.id), ['g1', 'g3']);
  assert.equal(r.originalSourceById.g2, null);
});

test('groups: a copy of a copy joins through a near relation even when it drifted from the canonical', () => {
  const words = prose(93, 100).replace(/\.$/, '').split(' ');
  const edit = (ws: string[], at: number[]) => ws.map((w, i) => (at.includes(i) ? `x${w}` : w));
  const n1 = edit(words, [10, 30, 50, 70]);
  const n2 = edit(n1, [20, 40, 60, 80]);
  const r = dedupArticles([art('h0', [words.join(' ')]), art('h1', [n1.join(' ')]), art('h2', [n2.join(' ')])]);
  const kinds = new Map(r.relations.map((x) => [`${x.a}-${x.b}`, x.kind]));
  assert.equal(kinds.get('h0-h1'), 'near');
  assert.equal(kinds.get('h1-h2'), 'near');
  assert.notEqual(kinds.get('h0-h2'), 'near');
  assert.equal(r.groups.length, 1);
  const h2 = r.groups[0]!.members.find((m) => m.id === 'h2');
  assert.deepEqual([r.groups[0]!.canonical, h2?.relation, h2?.via], ['h0', 'linked', 'h1']);
});

test('hashing: unrelated bodies share no LSH band key and no shingle (32-bit birthday level only)', () => {
  const bands = new Set<number>();
  const shingles = new Set<number>();
  let bandRepeats = 0;
  let shingleTotal = 0;
  for (let i = 0; i < 3000; i++) {
    const fp = fingerprintBody([prose(1000 + i, 60)]);
    for (const k of fp.bands) {
      if (bands.has(k)) bandRepeats++;
      bands.add(k);
    }
    for (const s of fp.set) shingles.add(s);
    shingleTotal += fp.set.length;
  }
  // 30,000 random band keys collide by chance with probability ≈ 0.1; the old `combine` gave dozens.
  assert.ok(bandRepeats <= 1, `${bandRepeats} band keys repeated across unrelated bodies`);
  // 168,000 shingles of a 5,000-word vocabulary: repeats are genuine repeated 5-grams, a handful at most.
  assert.ok(shingleTotal - shingles.size <= 10, `${shingleTotal - shingles.size} shingle hashes repeated`);
});

test('DedupIndex: a crowded anchor bucket is read only for its newest entries', () => {
  const index = new DedupIndex({ crowdedAnchorBucket: 4 });
  const quote = prose(95, 60);
  // Seven reports carrying the same 60-word passage: after four, its anchors are crowded.
  const found: number[] = [];
  for (let i = 0; i < 7; i++) {
    const r = index.add(art(`k${i}`, [prose(96 + i, 200), quote, prose(106 + i, 200)]));
    found.push(r.relations.length);
  }
  // Every report still meets the newest ones (copies of one passage arrive together).
  assert.ok(found.slice(1).every((n) => n >= 1), `relations per report: ${found.join(',')}`);
});
