/** Unit tests on synthetic sentences: number normalisation, time resolution, claim reading, alignment labels, scoring. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignClaims, compatible, extractClaims, findNumbers, sameValue, scoreClaims, splitSentences, timeRefs, tokenize, type Claim, type NumberMention } from './index.ts';

const one = (s: string): NumberMention => {
  const f = findNumbers(s);
  assert.equal(f.length, 1, `one figure in ${JSON.stringify(s)}: ${f.map((x) => x.mention.raw).join(' | ')}`);
  return f[0]!.mention;
};

test('numbers: words, digits, fractions, vague amounts and qualifiers', () => {
  assert.deepEqual(pick(one('eight people died')), [8, null, null, 'exact', 'count', 'eight']);
  assert.deepEqual(pick(one('after losing two-thirds of the city')), [0.667, null, null, 'exact', 'share', 'two-thirds']);
  assert.deepEqual(pick(one('control at least three-quarters of it')), [0.75, null, null, 'at-least', 'share', 'at least three-quarters']);
  assert.deepEqual(pick(one('several thousand fighters')), [null, 2000, 9000, 'several', 'count', 'several thousand']);
  assert.deepEqual(pick(one('several hundred fighters')), [null, 200, 900, 'several', 'count', 'several hundred']);
  assert.deepEqual(pick(one('tens of thousands of people')), [null, 20000, 99999, 'several', 'count', 'tens of thousands']);
  assert.deepEqual(pick(one('hundreds of thousands of people')), [null, 200000, 999999, 'several', 'count', 'hundreds of thousands']);
  assert.deepEqual(pick(one('more than 300 people')), [300, null, null, 'more-than', 'count', 'more than 300']);
  assert.deepEqual(pick(one('About 15,000 fighters')), [15000, null, null, 'about', 'count', 'About 15,000']);
  assert.deepEqual(pick(one('a budget of 1.5 million')), [1500000, null, null, 'exact', 'count', '1.5 million']);
  assert.deepEqual(pick(one('Nearly 150 civilians')), [150, null, null, 'about', 'count', 'Nearly 150']);
  assert.deepEqual(pick(one('killed 70 others')), [70, null, null, 'exact', 'count', '70']);
  assert.deepEqual(pick(one('twenty-three people')), [23, null, null, 'exact', 'count', 'twenty-three']);
  assert.deepEqual(pick(one('unemployment hit 7%')), [7, null, null, 'exact', 'percent', '7%']);
  assert.deepEqual(pick(one('unemployment hit seven percent')), [7, null, null, 'exact', 'percent', 'seven percent']);
  assert.deepEqual(pick(one('aid of $5 million')), [5000000, null, null, 'exact', 'money', '$5 million']);
  assert.deepEqual(pick(one('40 million crowns in aid')), [40000000, null, null, 'exact', 'money', '40 million crowns']);
  assert.deepEqual(pick(one('between 10 and 20 people')), [null, 10, 20, 'range', 'count', '10 and 20']);
  assert.equal(one('divided since 2012').unit, 'year');
  assert.equal(one('a heritage site in 1986.').unit, 'year');
  assert.equal(one('talks on December 5, 2016 began').unit, 'date');
  assert.equal(findNumbers('The siren sounded at 2.14 a.m. and again at 3 a.m.').length, 0, 'clock times are not figures');
  assert.equal(findNumbers('a 58-metre barrier and a six-year-old war').length, 0, 'hyphenated measures are not figures');
  assert.equal(findNumbers('said Lena Marsh, 34, a teacher').length, 0, 'ages are not figures');
});

function pick(m: NumberMention) {
  return [m.value, m.low, m.high, m.qualifier, m.unit, m.raw];
}

test('time: weekdays point back in the past tense and forward in the future; months and "since"', () => {
  const at = (s: string, base = '2016-12-09') => timeRefs(tokenize(s), base).map((r) => [r.kind, r.date]);
  assert.deepEqual(at('Eight were killed on Monday.', '2016-12-05'), [['point', '2016-12-05']], 'a Monday article’s Monday is that day');
  assert.deepEqual(at('Eight were killed on Monday.'), [['point', '2016-12-05']], 'a Friday article’s Monday is the one before');
  assert.deepEqual(at('Talks will begin on Monday.'), [['point', '2016-12-12']]);
  assert.deepEqual(at('Russia said on Monday it would start talks.'), [['point', '2016-12-05']]);
  assert.deepEqual(at('killed since mid-November'), [['since', '2016-11-15']]);
  assert.deepEqual(at('put the number at 8,000 in October'), [['point', '2016-10']]);
  assert.deepEqual(at('the war that began in March 2011'), [['point', '2011-03']]);
  assert.deepEqual(at('the ICRC said yesterday'), [['point', '2016-12-08']]);
  assert.deepEqual(at('in 1987'), [['point', '1987']]);
});

test('sentences: abbreviations and initials do not split; evidence stays verbatim', () => {
  const p = 'Foreign Minister Sergey V. Lavrov spoke in the U.S. capital. Mr. Lavrov left. “We will go,” he said.';
  assert.deepEqual(splitSentences(p), ['Foreign Minister Sergey V. Lavrov spoke in the U.S. capital.', 'Mr. Lavrov left.', '“We will go,” he said.']);
});

const art = (id: string, ...paragraphs: string[]) => ({ id, title: null, language: 'en', paragraphs });

test('claims: what is counted, verb, cause, where and when', () => {
  const a = extractClaims(
    art('a', 'On the government side of Aleppo, eight people were killed by rebel shelling on Monday, state media reported.', 'Two nurses in Aleppo were killed when shells hit a hospital.'),
    '2016-12-09',
  );
  assert.equal(a.length, 2);
  assert.equal(a[0]!.counts, 'people killed');
  assert.deepEqual(a[0]!.subject, ['killed', 'rebel shelling']);
  assert.equal(a[0]!.where, 'Aleppo');
  assert.equal(a[0]!.when, '2016-12-05');
  assert.equal(a[0]!.value.value, 8);
  assert.equal(a[1]!.counts, 'nurses killed');

  const b = extractClaims(art('b', 'Rebel shelling killed seven people on Monday. More than 300 have died in government bombardments since mid-November. Rebel shelling killed 70 others.'), '2016-12-05');
  assert.deepEqual(b.map((c) => [c.value.value, c.counts, c.cause, c.since]), [
    [7, 'people killed', 'rebel shelling', null],
    [300, 'people killed', 'government bombardment', '2016-11-15'],
    [70, 'people killed', 'rebel shelling', '2016-11-15'],
  ]);

  const c = extractClaims(art('c', 'The death toll rose to 14 on Tuesday, and officials said 22 people were still missing. Nine of the people listed as missing were found safe.'), '2025-04-08');
  assert.deepEqual(c.map((x) => [x.value.value, x.counts]), [[14, 'people killed'], [22, 'people missing']], 'a partitive "nine of the people" is a subset, not a count');

  const d = extractClaims(art('d', 'Some 300 people spent the night in the hall. One official said so.'), '2025-04-07');
  assert.deepEqual(d.map((x) => [x.value.value, x.alignable]), [[300, false]], 'a bare "300 people" is kept but not aligned; "one official" is not a figure');

  assert.deepEqual(extractClaims({ ...art('e', 'Die Zahl der Todesopfer ist auf 14 gestiegen.'), language: 'de' }, '2025-04-08'), []);
});

const claim = (articleId: string, value: NumberMention, when: string, extra: Partial<Claim> = {}): Claim => ({
  id: `${articleId}#0`, counts: 'people killed', subject: ['killed'], where: null, when, value, articleId, evidence: `${value.raw} killed`,
  since: null, key: 'count|people|killed', cause: null, places: [], modifiers: [], alignable: true, ...extra,
});
const n = (value: number, qualifier: NumberMention['qualifier'] = 'exact', raw = String(value)): NumberMention => ({ value, low: null, high: null, qualifier, unit: 'count', raw, sentence: raw });
const vague = (low: number, high: number): NumberMention => ({ value: null, low, high, qualifier: 'several', unit: 'count', raw: 'tens of thousands', sentence: '' });

test('values: tolerance of qualifiers', () => {
  assert.ok(sameValue(n(15000, 'about'), n(15000)));
  assert.ok(sameValue(n(300, 'more-than'), n(300, 'more-than')));
  assert.ok(!sameValue(n(8), n(7)));
  assert.ok(!compatible(n(8), n(7)));
  assert.ok(compatible(n(9, 'at-least'), n(9)));
  assert.ok(compatible(vague(20000, 99999), n(200000, 'more-than')), 'vague amounts contradict nothing');
});

test('align: disagree, agree, evolving, single; copies count once; causes, places and periods keep groups apart', () => {
  const src: Record<string, string> = { nyt1: 'NYT', nyt2: 'NYT', r: 'Reuters', dw: 'DW', aj: 'AJ' };
  const of = (id: string) => src[id]!;
  const groups = alignClaims(
    [
      claim('nyt1', n(8), '2016-12-05', { cause: 'rebel shelling' }),
      claim('nyt2', n(8), '2016-12-05', { cause: 'rebel shelling' }),
      claim('r', n(7), '2016-12-05', { cause: 'rebel shelling', places: ['aleppo'] }),
      claim('r', n(300, 'more-than'), '2016-12-05', { cause: 'government bombardment', since: '2016-11-15' }),
      claim('dw', n(300, 'more-than'), '2016-12-05', { cause: 'government bombardment', since: '2016-11-15' }),
      claim('aj', n(61), '2016-12-07', { cause: 'air strike' }),
    ],
    of,
  );
  const label = (v: number) => groups.find((g) => g.values.some((x) => x.value.value === v))!;
  assert.equal(label(8).label, 'disagree');
  assert.deepEqual(label(8).values.find((v) => v.value.value === 8)!.sources, ['NYT']);
  assert.deepEqual(label(8).values.find((v) => v.value.value === 8)!.articleIds, ['nyt1', 'nyt2']);
  assert.equal(label(300).label, 'agree');
  assert.equal(label(61).label, 'single');
  assert.equal(groups[0]!.label, 'disagree', 'disagreements first');

  const toll = alignClaims([claim('w', n(9, 'at-least'), '2025-04-07'), claim('c', n(9), '2025-04-07'), claim('w', n(14), '2025-04-08'), claim('e', n(23), '2025-04-10'), claim('w', n(41), '1987')], (id) => id);
  assert.deepEqual(toll.map((g) => [g.label, g.values.map((v) => v.value.value)]), [['evolving', [9, 14, 23]], ['single', [41]]]);

  const same = alignClaims([claim('r', n(8), '2016-12-05'), claim('r', n(7), '2016-12-05', { id: 'r#1' })], (id) => id);
  assert.equal(same[0]!.label, 'single', 'two values from one source are not a cross-source disagreement');
});

test('score: disagreement recall and precision', () => {
  const predicted = alignClaims([claim('a', n(8), '2016-12-05'), claim('b', n(7), '2016-12-05'), claim('c', n(5), '2016-12-06', { key: 'count|people|wounded', counts: 'people wounded' }), claim('d', n(6), '2016-12-06', { key: 'count|people|wounded', counts: 'people wounded' })], (id) => id);
  const s = scoreClaims([{ label: 'disagree', counts: 'people killed', values: [{ value: 8, articleIds: ['a'] }, { value: 7, articleIds: ['b'] }] }], predicted);
  assert.equal(s.disagreementRecall, 1);
  assert.equal(s.disagreementPrecision, 0.5, 'the wounded disagreement is not in the gold');
  assert.equal(scoreClaims([{ label: 'disagree', counts: 'people killed', values: [{ value: 9, articleIds: ['a'] }] }], predicted).disagreementRecall, 0);
});
