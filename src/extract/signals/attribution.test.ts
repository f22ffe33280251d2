import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialsCredit, standaloneAttribution, trailingAttribution, wireDateline } from './attribution.ts';
import { mayNameOnlySources } from './sources.ts';
import { piecedStrings } from '../testing.ts';

test('wire datelines name the wire with verbatim evidence', () => {
  assert.deepEqual(wireDateline('PARIS/LONDON (Reuters) - Ministers met on Friday.'), {
    sources: ['Reuters'],
    evidence: 'PARIS/LONDON (Reuters) -',
    tabled: true,
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
  assert.deepEqual(standaloneAttribution('NYtimes'), { sources: ['The New York Times'], evidence: 'NYtimes', tabled: true, bare: true });
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
  assert.deepEqual(initialsCredit('aw/mkg (dpa, Reuters, AFP)'), {
    sources: ['dpa', 'Reuters', 'AFP'],
    evidence: 'aw/mkg (dpa, Reuters, AFP)',
    tabled: true,
  });
  assert.deepEqual(initialsCredit('ng/jm'), { sources: [], evidence: 'ng/jm', tabled: true });
  assert.equal(initialsCredit('ap/afp'), null);
  assert.equal(initialsCredit('aw/mkg (some words here)'), null);
  assert.equal(initialsCredit('Rebels said they would not leave.'), null);
});

test('a credit fused onto the last paragraph is split off, the sentence kept', () => {
  const t = trailingAttribution('“It is not much of a victory if the town is ruined.” — Al Jazeera');
  assert.deepEqual(t, {
    sources: ['Al Jazeera'],
    evidence: '— Al Jazeera',
    body: '“It is not much of a victory if the town is ruined.”',
    tabled: true,
  });
  assert.equal(trailingAttribution('Prices rose on Monday. – Reuters')?.body, 'Prices rose on Monday.');
  assert.deepEqual(trailingAttribution('The count went on, he said. (AFP)')?.sources, ['AFP']);
});

test('a dash inside a sentence or a non-source tail is not a trailing credit', () => {
  assert.equal(trailingAttribution('Let’s be realistic — it won’t mean the end of the war.'), null);
  assert.equal(trailingAttribution('The vote passed. — Jane Doe'), null);
  assert.equal(trailingAttribution('Reuters'), null);
});

// Names below are invented: the rules must hold for sources that are in no table.

test('a wire dateline names a source outside the table when the lead is a place', () => {
  assert.deepEqual(wireDateline('HALDEN, Norvia (Quill Newswire) - Crews searched the river.'), {
    sources: ['Quill Newswire'],
    evidence: 'HALDEN, Norvia (Quill Newswire) -',
    tabled: false,
  });
  assert.deepEqual(wireDateline('HALDEN (Brightwater) — Crews searched.')?.sources, ['Brightwater']);
  assert.deepEqual(wireDateline('Halden, Norvia (Quill Newswire) — Crews searched.')?.sources, ['Quill Newswire']);
  // Known aliases still come back canonical.
  assert.deepEqual(wireDateline('HALDEN, Norvia (NYtimes) — Crews searched.')?.sources, ['The New York Times']);
  // Several names: each one must read as an organisation.
  assert.deepEqual(wireDateline('HALDEN (Quill Newswire, Reuters) - Crews searched.')?.sources, ['Quill Newswire', 'Reuters']);
});

test('false friends of an unknown wire dateline', () => {
  assert.equal(wireDateline('HALDEN, Norvia (AP Photo) — Crews searched.'), null, 'a photo credit');
  assert.equal(wireDateline('HALDEN, Norvia (Lumen Photo Agency) — Crews searched.'), null, 'a picture agency');
  assert.equal(wireDateline('HALDEN (May 21) - Crews searched.'), null, 'a date');
  assert.equal(wireDateline('HALDEN (Wednesday) - Crews searched.'), null, 'a weekday');
  assert.equal(wireDateline('HALDEN, Norvia (Norvia) - Crews searched.'), null, 'the place again');
  assert.equal(wireDateline('The minister of the interior (Ana Roe) - who flew in - said.'), null, 'prose before it');
  assert.equal(wireDateline('They (some rebels) are trying - he said.'), null, 'lower-case words');
  assert.equal(wireDateline('(Jane Roe) — Crews searched.'), null, 'no place and no newsroom word');
  assert.deepEqual(wireDateline('(Quill Newswire) — Crews searched.')?.sources, ['Quill Newswire']);
});

test('credits outside the table must read as a newsroom', () => {
  assert.deepEqual(standaloneAttribution('— Quill Newswire'), { sources: ['Quill Newswire'], evidence: '— Quill Newswire', tabled: false, bare: false });
  assert.deepEqual(standaloneAttribution('Harbour Gazette'), { sources: ['Harbour Gazette'], evidence: 'Harbour Gazette', tabled: false, bare: true });
  assert.equal(standaloneAttribution('— Jane Roe'), null, 'a person');
  assert.equal(standaloneAttribution('— Lumen Photo Agency'), null, 'a picture agency');
  assert.equal(standaloneAttribution('Source: Harbour Statistics Bureau'), null, 'labelled names outside the table credit data');
  assert.equal(standaloneAttribution('News'), null, 'a newsroom word alone is a label');
  assert.equal(standaloneAttribution('Aid pledges'), null, 'a subheading');
});

test('editor initials with wires outside the table', () => {
  assert.deepEqual(initialsCredit('kb/rt (Quill Newswire, Reuters)'), {
    sources: ['Quill Newswire', 'Reuters'],
    evidence: 'kb/rt (Quill Newswire, Reuters)',
    tabled: false,
  });
  assert.equal(initialsCredit('kb/rt (with thanks to everyone)'), null);
});

test('a trailing credit outside the table, but not a person or a photo desk', () => {
  const t = trailingAttribution('Union members will vote next week. — Quill Newswire');
  assert.deepEqual(t, { sources: ['Quill Newswire'], evidence: '— Quill Newswire', body: 'Union members will vote next week.', tabled: false });
  assert.equal(trailingAttribution('Union members will vote next week. — Lumen Photo Agency'), null);
  assert.equal(trailingAttribution('Union members will vote next week. — Chief Executive'), null);
  assert.equal(trailingAttribution('Union members will vote next week — Lumen Photo Agency'), null);
});

test('table-only credit lines are still read past the cheap length test', () => {
  assert.deepEqual(standaloneAttribution('Sources: Agence France-Presse and The Associated Press', true)?.sources, ['AFP', 'Associated Press']);
  assert.deepEqual(standaloneAttribution('— Agence France-Presse', true)?.sources, ['AFP']);
  assert.equal(standaloneAttribution('How to Optimize PostgreSQL Query Performance Today', true), null);
});

test('the word test before a table-only credit refuses no line that credits table names', () => {
  // Lines of labels, table names in several spellings, joining words, dashes, parentheses and other
  // words: wherever the full reading finds a credit of table names, the cheap test must let it through.
  const pieces = ['Source', 'SOURCES', 'Via', 'with', 'Quelle', 'Source(s)', 'Reuters', 'AFP', 'Agence France-Presse', 'Agence France‐Presse', 'NYtimes', 'ny-times', 'The Guardian', 'dpa', 'Associated Press', 'AP', 'CP', 'Deutsche Welle', 'Kyodo', 'news', 'Weekly', 'Jane', 'é', ' and ', ' AND ', ' und ', ' y ', ', ', '/', ' & ', ': ', ':', ' ', '— ', '-', '(', ')', '.', '_'];
  let credits = 0;
  for (const text of piecedStrings(pieces, 30000, 7, 2024)) {
    const full = standaloneAttribution(text);
    if (!full?.tabled) continue;
    credits++;
    assert.ok(mayNameOnlySources(text.trim()), JSON.stringify(text));
    assert.deepEqual(standaloneAttribution(text, true), full, JSON.stringify(text));
  }
  assert.ok(credits > 1000, `only ${credits} generated lines were credits`);
  assert.equal(mayNameOnlySources('How prices rose in March'), false);
  assert.equal(mayNameOnlySources('— Source: Agence France-Presse and dpa.'), true);
});
