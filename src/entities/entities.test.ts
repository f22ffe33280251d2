/**
 * Unit tests on hand-written text: credits, titles, possessives, calendar words, variants, coreference,
 * aliases and cross-article merging.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityKey, extractEntities, mergeEntities, type Entity, type EntityKind } from './index.ts';

const of = (es: Entity[], kind: EntityKind) => es.filter((e) => e.kind === kind);
const names = (es: Entity[], kind: EntityKind) => of(es, kind).map((e) => e.name).sort();
const find = (es: Entity[], kind: EntityKind, key: string) => es.find((e) => e.kind === kind && e.key === key);

test('photo credits are not people, in slash, dash and label shapes', () => {
  const es = extractEntities({
    title: 'Floods close the Danube bridge',
    paragraphs: [
      'Karim Haddad/Associated Press',
      'Maria Lindqvist/Agence France-Presse — Getty Images',
      'Photo: Tomasz Nowicki',
      'Rescue teams worked through the night in Vienna, Mayor Helga Brunner said.',
    ],
  });
  assert.deepEqual(names(es, 'person'), ['Helga Brunner']);
  assert.ok(find(es, 'place', 'vienna'));
});

test('titles, honorifics and possessives are stripped; short forms join the full name', () => {
  const es = extractEntities({
    title: null,
    paragraphs: [
      'Russian Foreign Minister Sergey V. Lavrov spoke in Moscow on Monday.',
      'Mr. Lavrov’s remarks were welcomed. Lavrov later left for Geneva.',
    ],
  });
  const people = of(es, 'person');
  assert.equal(people.length, 1);
  const lavrov = people[0]!;
  assert.equal(lavrov.name, 'Sergey V. Lavrov');
  assert.equal(lavrov.key, 'lavrov');
  assert.equal(lavrov.mentions, 3);
  assert.ok(lavrov.variants.every((v) => !/Mr|’s|Minister/.test(v)), `variants: ${lavrov.variants}`);
  assert.equal(lavrov.firstOffset, 'Russian Foreign Minister '.length);
  assert.deepEqual(names(es, 'place'), ['Geneva', 'Moscow']);
});

test('weekdays and months are never places, trailing punctuation is never kept', () => {
  const es = extractEntities({ title: null, paragraphs: ['Talks open in Geneva. On Tuesday, March 3, officials met again in Geneva, then Paris.'] });
  assert.deepEqual(names(es, 'place'), ['Geneva', 'Paris']);
  assert.equal(find(es, 'place', 'geneva')!.mentions, 2);
  for (const e of es) assert.ok(!/[.,;:]$/.test(e.name), e.name);
});

test('organisations: head words, "X of Y", acronyms of a long form, cues, X-based modifiers', () => {
  const es = extractEntities({
    title: null,
    paragraphs: [
      'The London-based Global Monitor for Civil Rights said the International Committee of the Red Cross had left.',
      'The ICRC said its staff were safe, according to the Global Monitor. Fighters of the Army of Islam withdrew.',
      'The Tirana Herald newspaper reported the deal; the Interior Ministry declined to comment.',
    ],
  });
  const orgs = of(es, 'organization');
  const icrc = find(es, 'organization', 'international committee of the red cross');
  assert.ok(icrc && icrc.mentions === 2 && icrc.variants.includes('ICRC'), JSON.stringify(orgs));
  const monitor = find(es, 'organization', 'global monitor for civil rights');
  assert.ok(monitor, JSON.stringify(orgs));
  assert.equal(monitor.mentions, 2, 'the short form joins the long one');
  assert.ok(find(es, 'organization', 'army of islam'));
  assert.ok(find(es, 'organization', 'interior ministry'));
  assert.ok(orgs.some((o) => o.key === 'tirana herald'));
  assert.equal(of(es, 'person').length, 0, JSON.stringify(of(es, 'person')));
});

test('aliases fold U.S./US/United States and U.N./UN/United Nations; America stays apart', () => {
  assert.equal(entityKey('U.S.', 'place'), 'united states');
  assert.equal(entityKey('US', 'place'), 'united states');
  assert.equal(entityKey('the United States', 'place'), 'united states');
  assert.equal(entityKey('U.N.', 'organization'), 'united nations');
  assert.equal(entityKey('UN', 'organization'), 'united nations');
  assert.notEqual(entityKey('America', 'place'), 'united states');
  const es = extractEntities({ title: null, paragraphs: ['The U.S. and the United States Navy differ; officials in the United States and at the U.N. spoke.'] });
  const us = find(es, 'place', 'united states');
  assert.ok(us && us.name === 'United States' && us.mentions === 2, JSON.stringify(es));
});

test('person keys fold transliteration and diacritics', () => {
  assert.equal(entityKey('Sergey V. Lavrov', 'person'), entityKey('Sergei Lavrov', 'person'));
  assert.equal(entityKey('Mr. Lavrov’s', 'person'), 'lavrov');
  assert.equal(entityKey('Bashar al-Assad', 'person'), entityKey('Assad', 'person'));
  assert.equal(entityKey('Dmitry Peskov', 'person'), entityKey('Dmitri Peskow', 'person'));
  assert.equal(entityKey('José Ramírez', 'person'), entityKey('Jose Ramirez', 'person'));
  assert.notEqual(entityKey('Sergei Lavrov', 'person'), entityKey('Sergei Ryabkov', 'person'));
});

test('mergeEntities: variants across articles become one person; different first initials stay apart', () => {
  const a = extractEntities({ title: null, paragraphs: ['Foreign Minister Sergey V. Lavrov said talks would start. Mr. Lavrov smiled.'] });
  const b = extractEntities({ title: null, paragraphs: ['Russian Foreign Minister Sergei Lavrov met Hillary Clinton in Vienna.'] });
  const c = extractEntities({ title: null, paragraphs: ['Sergei Lavrov and Bill Clinton spoke by phone, Lavrov said.'] });
  const d = extractEntities({ title: null, paragraphs: ['Lavrov, speaking in Vienna, disagreed.'] });
  const merged = mergeEntities([a, b, c, d]);
  const lavrovs = merged.filter((e) => e.kind === 'person' && e.key === 'lavrov');
  assert.equal(lavrovs.length, 1, JSON.stringify(merged));
  assert.equal(lavrovs[0]!.name, 'Sergei Lavrov');
  assert.ok(lavrovs[0]!.variants.includes('Sergey V. Lavrov'));
  const clintons = merged.filter((e) => e.kind === 'person' && e.key === 'clinton');
  assert.equal(clintons.length, 2, JSON.stringify(clintons));
  assert.equal(merged.filter((e) => e.kind === 'place' && e.key === 'vienna').length, 1);
});

test('a Title Case headline does not turn its words into entities', () => {
  const es = extractEntities({
    title: 'Russia Says It’ll Discuss With Germany a Plan on Exit for Fighters in Homs',
    paragraphs: ['Russia said the fighters would leave Homs, and Germany agreed to the plan.'],
  });
  assert.deepEqual(names(es, 'place'), ['Germany', 'Homs', 'Russia']);
  assert.equal(of(es, 'person').length + of(es, 'organization').length, 0, JSON.stringify(es));
});

test('empty input gives no entities', () => {
  assert.deepEqual(extractEntities({ title: null, paragraphs: [] }), []);
  assert.deepEqual(extractEntities({ title: '', paragraphs: ['', '   '] }), []);
  assert.deepEqual(mergeEntities([]), []);
});

test('"Mount Cook", "Mt Cook", "Port Elden", "Lake Velra" are places, one key per spelling of Mount', () => {
  const es = extractEntities({
    title: null,
    paragraphs: ['Mark Vinar fell from Mount Cook on Thursday. Rescuers reached Mt Cook village later. Ships left Port Elden for Lake Velra, said Anna Kowalski.'],
  });
  assert.equal(of(es, 'person').some((e) => /Cook|Elden|Velra/.test(e.name)), false, JSON.stringify(es));
  const cook = of(es, 'place').filter((e) => e.key === 'mount cook');
  assert.equal(cook.length, 1, JSON.stringify(es));
  assert.ok(of(es, 'place').some((e) => e.name === 'Port Elden'));
  assert.ok(of(es, 'place').some((e) => e.name === 'Lake Velra'));
  assert.ok(of(es, 'person').some((e) => e.name === 'Anna Kowalski'));
});
