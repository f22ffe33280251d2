import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeName, parseByline } from './byline.ts';

test('"By" bylines give the names only', () => {
  assert.equal(parseByline('By Jane Doe'), 'Jane Doe');
  assert.equal(parseByline('By JANE DOE and JOHN ROE'), 'Jane Doe, John Roe');
  assert.equal(parseByline('By Jane Doe, Reuters'), 'Jane Doe');
  assert.equal(parseByline('By Jane Doe, Staff Writer'), 'Jane Doe');
  assert.equal(parseByline('By Jean-Luc de la Roe | 5 December 2016'), 'Jean-Luc de la Roe');
  assert.equal(parseByline('Von Anna Beispiel'), 'Anna Beispiel');
  assert.equal(parseByline('By Jane Doe Last updated on June 9, 2025'), 'Jane Doe');
  assert.equal(parseByline('By JANE DOE Associated Press'), 'Jane Doe', 'a source after the name, no comma');
  assert.equal(parseByline('By Michael Bloomberg'), 'Michael Bloomberg', 'a surname that is also a source stays');
});

test('"Name | Role" header lines', () => {
  assert.equal(parseByline('Jane Doe | Reporter'), 'Jane Doe');
  assert.equal(parseByline('Jane Doe | Middle East'), null);
});

test('sentences starting with "By" and outlet names are not bylines', () => {
  assert.equal(parseByline('By the end of the week, rebels had left the city.'), null);
  assert.equal(parseByline('By Monday'), null);
  assert.equal(parseByline('By Reuters'), null);
  assert.equal(parseByline('Jane Doe'), null);
  assert.equal(parseByline('By Team Example Data'), null, 'a team, not a person');
  assert.equal(parseByline('By Site Admin'), null);
  assert.equal(parseByline('By Example Staff'), 'Example Staff', 'a desk the page signs as author');
});

test('names', () => {
  assert.ok(looksLikeName('Sergey V. Lavrov'));
  assert.ok(looksLikeName('Ursula von der Leyen'));
  assert.equal(looksLikeName('Associated Press'), false);
  assert.equal(looksLikeName('the talks'), false);
});

test('a byline is read however its white space runs', () => {
  assert.equal(parseByline('  Written \t by\u00a0  Jane Doe  '), 'Jane Doe');
  assert.equal(parseByline('\tBy :  JANE DOE'), 'Jane Doe');
  assert.equal(parseByline('Jane Doe\u2003•  Senior Writer'), 'Jane Doe');
  assert.equal(parseByline('Written in the stars'), null);
});
