import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPhotoCredit, LIST_SEPARATOR, mayBeSourceList, resolveCreditList, resolveCreditName, resolveSource, resolveSourceList, sourceForUrl } from './sources.ts';
import { piecedStrings } from '../testing.ts';

test('aliases resolve to one canonical source regardless of case and spacing', () => {
  assert.equal(resolveSource('NYtimes')?.name, 'The New York Times');
  assert.equal(resolveSource('New York Times')?.name, 'The New York Times');
  assert.equal(resolveSource('NYT')?.name, 'The New York Times');
  assert.equal(resolveSource('Agence France-Presse')?.name, 'AFP');
  assert.equal(resolveSource('The Associated Press')?.name, 'Associated Press');
  assert.equal(resolveSource('Deutsche Welle')?.name, 'DW');
  assert.equal(resolveSource('Guardian')?.name, 'The Guardian');
  assert.equal(resolveSource('DPA')?.name, 'dpa');
});

test('a name must be the whole string', () => {
  assert.equal(resolveSource('Reuters journalists'), null);
  assert.equal(resolveSource(''), null);
  assert.equal(resolveSource('Arabian Post'), null);
});

test('source lists resolve only when every item is a source', () => {
  assert.deepEqual(resolveSourceList('dpa, Reuters, AFP')?.map((e) => e.name), ['dpa', 'Reuters', 'AFP']);
  assert.deepEqual(resolveSourceList('AP and Reuters')?.map((e) => e.name), ['Associated Press', 'Reuters']);
  assert.equal(resolveSourceList('including the eye hospital'), null);
  assert.equal(resolveSourceList('Reuters, rebels'), null);
});

test('URL hosts map to outlets in the table', () => {
  assert.equal(sourceForUrl('https://www.dw.com/en/some-story/a-1')?.name, 'DW');
  assert.equal(sourceForUrl('https://uk.reuters.com/article/x')?.name, 'Reuters');
  assert.equal(sourceForUrl('https://example.org/x'), null);
  assert.equal(sourceForUrl('not a url'), null);
});

test('photo credits are recognised in their usual shapes', () => {
  assert.ok(isPhotoCredit('Smoke rises over the city, December 5, 2016. REUTERS/Jane Roe'));
  assert.ok(isPhotoCredit('John Smith/Associated Press'));
  assert.ok(isPhotoCredit('Jean Dupont/Agence France-Presse — Getty Images'));
  assert.ok(isPhotoCredit('A minister speaks in the capital (Getty Images/AFP/J. Roe)'));
  assert.ok(isPhotoCredit('Photo: AFP'));
});

test('wire datelines and prose are not photo credits', () => {
  assert.equal(isPhotoCredit('BEIRUT/MOSCOW (Reuters) - The government said on Monday.'), false);
  assert.equal(isPhotoCredit('aw/mkg (dpa, Reuters, AFP)'), false);
  assert.equal(isPhotoCredit('The minister told Reuters the talks would go on.'), false);
  assert.equal(isPhotoCredit('NYtimes'), false);
});

test('names outside the table: organisation-shaped names only', () => {
  assert.equal(resolveCreditName('NYtimes', 'credit'), 'The New York Times', 'aliases stay canonical');
  assert.equal(resolveCreditName('Quill Newswire', 'credit'), 'Quill Newswire');
  assert.equal(resolveCreditName('Daily Harbour', 'credit'), 'Daily Harbour');
  assert.equal(resolveCreditName('KUNA', 'credit'), 'KUNA');
  assert.equal(resolveCreditName('Jane Roe', 'credit'), null, 'a person');
  assert.equal(resolveCreditName('Jane Roe', 'dateline'), 'Jane Roe', 'a dateline position is evidence enough');
  assert.equal(resolveCreditName('Brightwater', 'dateline'), 'Brightwater');
  assert.equal(resolveCreditName('Brightwater', 'credit'), null);
  assert.equal(resolveCreditName('Lumen Photo Agency', 'credit'), null, 'a picture agency');
  assert.equal(resolveCreditName('AP Photo', 'dateline'), null);
  assert.equal(resolveCreditName('May 21', 'dateline'), null);
  assert.equal(resolveCreditName('Wednesday', 'dateline'), null);
  assert.equal(resolveCreditName('some rebels', 'dateline'), null);
  assert.equal(resolveCreditName('Media Contact', 'credit'), null, 'a heading');
  assert.equal(resolveCreditName('Follow Us On Social Media', 'credit'), null, 'a prompt');
  assert.equal(resolveCreditName('RO4993426', 'credit'), null, 'a code');
  assert.equal(resolveCreditName('News', 'credit'), null);
});

test('credit lists outside the table', () => {
  assert.deepEqual(resolveCreditList('Quill Newswire, Reuters', 'dateline'), ['Quill Newswire', 'Reuters']);
  assert.deepEqual(resolveCreditList('Crumb and Kettle News', 'credit'), ['Crumb and Kettle News']);
  assert.equal(resolveCreditList('Quill Newswire, some rebels', 'dateline'), null);
  assert.equal(resolveCreditList('including the eye hospital', 'dateline'), null);
});

test('source lists split where the case-insensitive separator pattern splits them', () => {
  assert.deepEqual(resolveSourceList('dpa, Reuters and AFP')?.map((e) => e.name), ['dpa', 'Reuters', 'AFP']);
  assert.deepEqual(resolveSourceList('AFP AND Reuters')?.map((e) => e.name), ['AFP', 'Reuters']);
  assert.deepEqual(resolveSourceList('AFP Y Reuters')?.map((e) => e.name), ['AFP', 'Reuters']);
  assert.equal(resolveSourceList('Reutersand AFP'), null);
  // LIST_SEPARATOR is written without the case-insensitive flag; it must match where this pattern
  // does, on text built from the characters that decide a match: separators, the joining words'
  // letters in both cases, word and non-word characters beside them (ſ and the Kelvin sign are word
  // characters to a case-insensitive Unicode pattern), a surrogate pair.
  const reference = /[,;&+/]|\b(?:and|und|et|y)\b/giu;
  const alphabet = [',', ';', '&', '+', '/', ' ', 'a', 'A', 'n', 'N', 'd', 'D', 'u', 'U', 'e', 'E', 't', 'T', 'y', 'Y', 'x', '_', '1', 'é', '\u017f', '\u212a', '😀', '-', '.', 'Reuters', 'AFP'];
  for (const text of piecedStrings(alphabet, 20000, 10, 12345)) {
    const expected = [...text.matchAll(reference)].map((m) => `${m.index}:${m[0]}`);
    const found = [...text.matchAll(LIST_SEPARATOR)].map((m) => `${m.index}:${m[0]}`);
    assert.deepEqual(found, expected, JSON.stringify(text));
  }
});

test('the cheap list test refuses no list of table names', () => {
  assert.equal(mayBeSourceList('How to Optimize PostgreSQL Query Performance Today', 0), false);
  assert.equal(mayBeSourceList('Agence France-Presse and The Associated Press', 0), true);
  const pieces = ['Reuters', 'AFP', 'Agence France-Presse', 'The New York Times', 'Deutsche Welle', 'dpa', ', ', ' and ', ' AND ', ' & ', '/', ' y ', ' ', 'news', 'Weekly Roundup'];
  let lists = 0;
  for (const text of piecedStrings(pieces, 20000, 6, 99)) {
    if (resolveSourceList(text) === null) continue;
    lists++;
    assert.equal(mayBeSourceList(text, 0), true, JSON.stringify(text));
  }
  assert.ok(lists > 1000, `only ${lists} generated lists resolved`);
});

test('a credit name is refused for its run count only when its tidied form has that many words', () => {
  // resolveCreditName counts the name's runs of non-white-space before tidying it; the tidied words
  // (white space collapsed, trailing punctuation cut) must number the same whenever any are left.
  const pieces = ['Harbour', 'News', 'the', '.', ',', ';:', ' ', '  ', '\t', '\u00a0', '\u2003', '\n', 'Daily.', 'x'];
  for (const name of piecedStrings(pieces, 20000, 12, 5)) {
    const text = name.trim().replace(/\s+/gu, ' ').replace(/[.,;:]+$/u, '');
    if (text === '') continue;
    const runs = name.split(/\s+/u).filter((w) => w !== '').length;
    assert.equal(text.split(' ').length, runs, JSON.stringify(name));
  }
  assert.equal(resolveCreditName('Meridian Press Agency of the North and South Wales', 'dateline'), null);
  assert.equal(resolveCreditName('Voice of the People of Example', 'credit'), 'Voice of the People of Example');
});
