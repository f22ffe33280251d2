import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rouge, rougeLsumTokens, tokenize } from './rouge.ts';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-4, `${a} ≠ ${b}`);

test('tokenize lower-cases, splits on anything outside [a-z0-9] and stems only tokens longer than 3 characters', () => {
  assert.deepEqual(tokenize("The U.S.-led talks' 3,000 Fighters"), ['the', 'u', 's', 'led', 'talk', '3', '000', 'fighter']);
  // 'was' and 'has' are 3 characters: left alone although Porter would strip their 's'.
  assert.deepEqual(tokenize('was has ponies', true), ['was', 'has', 'poni']);
  assert.deepEqual(tokenize('Ponies ran', false), ['ponies', 'ran']);
  assert.deepEqual(tokenize('Zürich — café!'), ['z', 'rich', 'caf']);
  assert.deepEqual(tokenize('  '), []);
});

test('ROUGE-1/2/L of the example in the rouge-score README (computed by hand)', () => {
  // target: the quick brown fox jump over the lazi dog (9); prediction: the quick brown dog jump on the log (8)
  const s = rouge('The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.');
  // unigram overlap: the×2, quick, brown, dog, jump = 6
  close(s.rouge1.precision, 6 / 8);
  close(s.rouge1.recall, 6 / 9);
  close(s.rouge1.f, 0.70588);
  // bigram overlap: "the quick", "quick brown" = 2 of 7 predicted, 8 target
  close(s.rouge2.precision, 2 / 7);
  close(s.rouge2.recall, 2 / 8);
  close(s.rouge2.f, 0.26667);
  // LCS: the quick brown jump the = 5
  close(s.rougeL.precision, 5 / 8);
  close(s.rougeL.recall, 5 / 9);
  close(s.rougeL.f, 0.58824);
});

test('ROUGE-N clips repeated n-grams to the count in the target', () => {
  const s = rouge('the cat', 'the the the');
  close(s.rouge1.precision, 1 / 3);
  close(s.rouge1.recall, 1 / 2);
  close(s.rouge2.precision, 0);
  close(s.rouge2.f, 0);
});

test('ROUGE-Lsum takes the union LCS per target sentence where ROUGE-L sees one sequence', () => {
  // target sentences [a b c] [d e]; prediction [a c e] [b d]. Flat LCS is 3 of 5; the union LCS of
  // [a b c] is {a, c} ∪ {b} and of [d e] is {e} ∪ {d}: every token is a hit.
  const s = rouge('a b c\nd e', 'a c e\nb d', { stem: false });
  close(s.rougeL.f, 3 / 5);
  close(s.rougeLsum.precision, 1);
  close(s.rougeLsum.recall, 1);
});

test('ROUGE-Lsum counts each token at most as often as it occurs in both texts', () => {
  const s = rougeLsumTokens([['a'], ['a']], [['a']]);
  close(s.precision, 1);
  close(s.recall, 1 / 2);
  close(s.f, 2 / 3);
});

test('empty texts score 0 instead of dividing by zero', () => {
  const s = rouge('', 'some words');
  for (const k of ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const) assert.deepEqual(s[k], { precision: 0, recall: 0, f: 0 });
});
