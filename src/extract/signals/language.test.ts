import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifyLanguage, pageLanguage, toIso6391 } from './language.ts';

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
