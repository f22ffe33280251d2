import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cld3Language, identifyLanguage, pageLanguage, toIso6391 } from './language.ts';

test('clear text is identified', () => {
  assert.equal(identifyLanguage('The government said on Monday it would begin talks with its neighbours this week.'), 'en');
  assert.equal(identifyLanguage('Die Bundesregierung hat am Montag neue Gespräche mit den Nachbarländern angekündigt.'), 'de');
  assert.equal(identifyLanguage('הממשלה הודיעה ביום שני כי תפתח בשיחות עם שכנותיה השבוע הזה בירושלים'), 'he');
});

test('short text is not guessed; the declared language stands in', () => {
  assert.equal(identifyLanguage('Hello'), null);
  assert.equal(pageLanguage('Hello', 'fr'), 'fr');
  assert.equal(pageLanguage('', null), null);
});

test('CLD3 codes map to ISO 639-1', () => {
  assert.equal(toIso6391('iw'), 'he');
  assert.equal(toIso6391('zh'), 'zh');
  assert.equal(toIso6391('ru-Latn'), 'ru');
  assert.equal(toIso6391('haw'), null);
});

test('the English fast path gives CLD3 answer, and leaves other languages to CLD3', () => {
  const english =
    'The council said on Tuesday that it would not approve the new budget until the auditors had finished their review. ' +
    'Members of the finance committee told reporters they were worried about the cost of the bridge, which has risen by a third ' +
    'since the plan was first put to a vote. "We have to be sure that the money is there before we start," one of them said. ' +
    'The mayor, who has backed the project from the start, said the delay could push the opening into the next year.';
  assert.equal(identifyLanguage(english), 'en');
  assert.equal(cld3Language(english), 'en');
  // English words quoted in German prose do not make it English.
  const german =
    'Der Stadtrat hat am Dienstag erklärt, dass er den neuen Haushalt erst nach der Prüfung genehmigen werde. "We have to be sure", ' +
    'sagte ein Mitglied des Finanzausschusses, und fügte hinzu, die Kosten der Brücke seien seit der ersten Abstimmung um ein Drittel ' +
    'gestiegen. Der Bürgermeister, der das Projekt von Anfang an unterstützt hat, sagte, die Verzögerung könne die Eröffnung um ein ' +
    'Jahr verschieben. Die Opposition forderte eine neue Kostenschätzung und eine öffentliche Anhörung vor der nächsten Sitzung.';
  assert.equal(identifyLanguage(german), cld3Language(german));
  assert.equal(identifyLanguage(german), 'de');
  // Mojibake in English text ("Investorâs") is not plainly English; CLD3 decides.
  const garbled = english.replaceAll("'", 'â').replaceAll('the ', 'theâs ');
  assert.equal(identifyLanguage(garbled), cld3Language(garbled));
});
