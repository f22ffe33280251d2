import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateline, isDatelinePlace } from './dateline.ts';

test('capitals datelines, with region, wire or date', () => {
  assert.equal(findDateline('CAIRO, Egypt — The ministry said on Sunday.'), 'CAIRO, Egypt');
  assert.equal(findDateline('PARIS/LONDON (Reuters) - Ministers met.'), 'PARIS/LONDON');
  assert.equal(findDateline('WASHINGTON, March 3 (Xinhua) -- Officials said.'), 'WASHINGTON');
  assert.equal(findDateline('NEW YORK (AP) — A storm hit.'), 'NEW YORK');
  assert.equal(findDateline('NEW DELHI: The government said.'), 'NEW DELHI');
  assert.equal(findDateline('ST. LOUIS, Mo. — A jury found.'), 'ST. LOUIS, Mo.');
});

test('mixed-case places only before a wire credit', () => {
  assert.equal(findDateline('Berlin (dpa) - Die Regierung sagte.'), 'Berlin');
  assert.equal(findDateline('Berlin - the city said.'), null);
});

test('labels, short acronyms and ordinary sentences are not datelines', () => {
  assert.equal(findDateline('UPDATE — The story has changed.'), null);
  assert.equal(findDateline('US — the talks begin.'), null);
  assert.equal(findDateline('Russia will hold talks with the United States.'), null);
  assert.equal(findDateline('They (rebels) are trying - he said.'), null);
  assert.equal(findDateline('JANE DOE, BYLINE: It is a Saturday afternoon.'), null);
  assert.equal(findDateline('TLDR: We are postponing the change.'), null);
  assert.equal(findDateline('PMCID: PMC000000 PMID: 000000'), null);
  assert.equal(findDateline('ALBANY, N.Y. — The state said.'), 'ALBANY, N.Y.');
});

test('datelines with a source outside the table', () => {
  assert.equal(findDateline('HALDEN, Norvia (Quill Newswire) - Crews searched the river.'), 'HALDEN, Norvia');
  assert.equal(findDateline('Halden (Quill Newswire) - Crews searched.'), 'Halden');
  assert.equal(findDateline('HALDEN (May 21) - Crews searched.'), null);
  assert.equal(findDateline('Halden, Norvia (Norvia) - Crews searched.'), null, 'the place again');
  assert.equal(findDateline('They (some rebels) are trying - he said.'), null);
});

test('dateline places', () => {
  assert.ok(isDatelinePlace('RIVERTON, Valdoria '));
  assert.ok(isDatelinePlace('WASHINGTON, March 3'));
  assert.ok(isDatelinePlace('Berlin'));
  assert.equal(isDatelinePlace('The minister of the interior'), false);
  assert.equal(isDatelinePlace('UPDATE'), false);
  assert.equal(isDatelinePlace(''), false);
});
