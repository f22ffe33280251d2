import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialsCredit, standaloneAttribution, trailingAttribution, wireDateline } from './attribution.ts';

test('wire datelines name the wire with verbatim evidence', () => {
  assert.deepEqual(wireDateline('PARIS/LONDON (Reuters) - Ministers met on Friday.'), {
    sources: ['Reuters'],
    evidence: 'PARIS/LONDON (Reuters) -',
  });
  assert.deepEqual(wireDateline('(AP) — A storm hit the coast.')?.sources, ['Associated Press']);
  assert.deepEqual(wireDateline('WASHINGTON, March 3 (Xinhua) -- Officials said.')?.sources, ['Xinhua']);
  assert.deepEqual(wireDateline('Berlin (dpa) - Die Regierung sagte.')?.sources, ['dpa']);
});

test('parentheses that are not a wire are not a dateline', () => {
  assert.equal(wireDateline('They (rebels) are trying - he said.'), null);
  assert.equal(wireDateline('The talks went well. Officials (Reuters) - no.'), null);
  assert.equal(wireDateline('A long paragraph with no parenthesis at all.'), null);
});

test('standalone credit lines', () => {
  assert.deepEqual(standaloneAttribution('NYtimes'), { sources: ['The New York Times'], evidence: 'NYtimes' });
  assert.deepEqual(standaloneAttribution('Source: AFP')?.sources, ['AFP']);
  assert.deepEqual(standaloneAttribution('— Al Jazeera')?.sources, ['Al Jazeera']);
  assert.deepEqual(standaloneAttribution('(dpa, Reuters)')?.sources, ['dpa', 'Reuters']);
  assert.deepEqual(standaloneAttribution('With AFP')?.sources, ['AFP']);
});

test('photo credits and prose are not standalone credits', () => {
  assert.equal(standaloneAttribution('REUTERS/Jane Roe'), null);
  assert.equal(standaloneAttribution('John Smith/Associated Press'), null);
  assert.equal(standaloneAttribution('Photo: AFP'), null);
  assert.equal(standaloneAttribution('CP'), null);
  assert.deepEqual(standaloneAttribution('(AP)')?.sources, ['Associated Press']);
  assert.deepEqual(standaloneAttribution('— AP')?.sources, ['Associated Press']);
  assert.equal(standaloneAttribution('Source: Bureau of Labor Statistics'), null);
  assert.equal(standaloneAttribution('Reuters journalists in the city said the shelling went on.'), null);
  assert.equal(standaloneAttribution('Source: officials said the talks went on until late at night.'), null);
});

test('editor initials with wires are a staff credit', () => {
  assert.deepEqual(initialsCredit('aw/mkg (dpa, Reuters, AFP)'), { sources: ['dpa', 'Reuters', 'AFP'], evidence: 'aw/mkg (dpa, Reuters, AFP)' });
  assert.deepEqual(initialsCredit('ng/jm'), { sources: [], evidence: 'ng/jm' });
  assert.equal(initialsCredit('ap/afp'), null);
  assert.equal(initialsCredit('aw/mkg (some words here)'), null);
  assert.equal(initialsCredit('Rebels said they would not leave.'), null);
});

test('a credit fused onto the last paragraph is split off, the sentence kept', () => {
  const t = trailingAttribution('“It is not much of a victory if the town is ruined.” — Al Jazeera');
  assert.deepEqual(t, { sources: ['Al Jazeera'], evidence: '— Al Jazeera', body: '“It is not much of a victory if the town is ruined.”' });
  assert.equal(trailingAttribution('Prices rose on Monday. – Reuters')?.body, 'Prices rose on Monday.');
  assert.deepEqual(trailingAttribution('The count went on, he said. (AFP)')?.sources, ['AFP']);
});

test('a dash inside a sentence or a non-source tail is not a trailing credit', () => {
  assert.equal(trailingAttribution('Let’s be realistic — it won’t mean the end of the war.'), null);
  assert.equal(trailingAttribution('The vote passed. — Jane Doe'), null);
  assert.equal(trailingAttribution('Reuters'), null);
});
