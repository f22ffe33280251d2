import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dateFromUrl, dateLabelWeight, findExplicitDates, isDateSegment, mayOutweigh, TIME_UNIT_INITIALS, wordsBesideDate } from './dates.ts';
import { piecedStrings } from '../testing.ts';

const isoOf = (s: string, lang: string | null = null) => findExplicitDates(s, lang).map((d) => d.iso);

test('dot-separated numeric dates are day-first (title suffixes)', () => {
  const [d] = findExplicitDates('Some headline | Europe | DW | 05.12.2016');
  assert.equal(d?.iso, '2016-12-05');
  assert.equal(d?.text, '05.12.2016');
});

test('written-out and ISO dates', () => {
  assert.deepEqual(isoOf('Published 5 December 2016'), ['2016-12-05']);
  assert.deepEqual(isoOf('Dec. 5, 2016'), ['2016-12-05']);
  assert.deepEqual(isoOf('2016-12-05T10:00:00Z'), ['2016-12-05']);
  assert.deepEqual(isoOf('Updated: Mon 5 Dec 2016 14:03 GMT'), ['2016-12-05']);
  assert.deepEqual(isoOf('Smoke rises over the town, Syria December 5, 2016. REUTERS/Jane Roe'), ['2016-12-05']);
});

test('every shape the English parser reads passes the pre-check that lets lines skip it', () => {
  // Month names in all cases and forms, numbers joined by each date separator, a year before the
  // month, ordinals: the lines that reach chrono.
  assert.deepEqual(isoOf('MARCH 5 2024'), ['2024-03-05']);
  assert.deepEqual(isoOf('5th of Dec. 2024'), ['2024-12-05']);
  assert.deepEqual(isoOf('Sept 5th 2024'), ['2024-09-05']);
  assert.deepEqual(isoOf('the fifth of march 2024'), ['2024-03-05']);
  assert.deepEqual(isoOf('2024 Mar 5'), ['2024-03-05']);
  assert.deepEqual(isoOf('2024 03 05'), ['2024-03-05']);
  assert.deepEqual(isoOf('2024/03/05'), ['2024-03-05']);
  assert.deepEqual(isoOf('2024-3-5T10:00'), ['2024-03-05']);
  // chrono computes a relative span from the fixed reference and marks it certain; a number that
  // reads as a year makes it pass the written-year test, so such a line must reach the parser too.
  assert.deepEqual(isoOf('within 2000 days'), ['2005-06-23']);
  assert.deepEqual(isoOf('2000 seconds ago'), ['1999-12-31']);
  // A year alone gives no date, with or without the parser.
  assert.deepEqual(isoOf('Top nutrition trends for 2025'), []);
  assert.deepEqual(isoOf('© 2025 Example Media Ltd.'), []);
});

test('slash and dash dates only when the order is unambiguous', () => {
  assert.deepEqual(isoOf('25/12/2016'), ['2016-12-25']);
  assert.deepEqual(isoOf('12/25/2016'), ['2016-12-25']);
  assert.deepEqual(isoOf('05-05-2016'), ['2016-05-05']);
  assert.deepEqual(isoOf('12/05/2016'), [], 'day or month first cannot be told');
  assert.deepEqual(isoOf('Updated on 09/11/25'), [], 'two-digit years are not read');
});

test('words beside a date tell date lines from sentences', () => {
  const at = (line: string) => wordsBesideDate(line, findExplicitDates(line)[0]!);
  assert.equal(at('Published Monday 5 December 2016, 14:03 GMT'), 0);
  assert.equal(at('Jane Doe, December 5, 2016'), 2);
  assert.ok(at('The first cargo ship arrived in port Sunday, 31.03.2019') > 3);
  const line = 'Talks begin | DW | 05.12.2016';
  assert.ok(isDateSegment(line, findExplicitDates(line)[0]!));
  assert.equal(isDateSegment('Talks begin 05.12.2016', findExplicitDates('Talks begin 05.12.2016')[0]!), false);
});

test('a local-language parser is used when the language is known', () => {
  assert.deepEqual(isoOf('Veröffentlicht am 5. Dezember 2016', 'de'), ['2016-12-05']);
  assert.deepEqual(isoOf('Veröffentlicht am 5. Dezember 2016'), []);
});

test('scraper dates, relative dates and partial dates give nothing', () => {
  assert.deepEqual(isoOf('Saturday / March 23.'), []);
  assert.deepEqual(isoOf('Russia said on Monday that talks would start.'), []);
  assert.deepEqual(isoOf('Since it began in March 2011, the war has gone on.'), []);
  assert.deepEqual(isoOf('December 5'), []);
  assert.deepEqual(isoOf('31.02.2016'), []);
  assert.deepEqual(isoOf('1.1.1850'), []);
});

test('labels weigh "published" above a bare date above "updated"', () => {
  assert.equal(dateLabelWeight('Published 5 December 2016', 10), 3);
  assert.equal(dateLabelWeight('Last updated 6 December 2016', 13), 1);
  assert.equal(dateLabelWeight('5 December 2016', 0), 2);
});

test('URL path dates', () => {
  assert.equal(dateFromUrl('https://example.com/2016/12/05/world/story.html')?.iso, '2016-12-05');
  assert.equal(dateFromUrl('https://example.com/news/2016-12-05-story')?.iso, '2016-12-05');
  assert.equal(dateFromUrl('https://example.com/news/12345/story'), null);
  assert.equal(dateFromUrl(null), null);
});

test('relative dates are refused even though chrono calls them certain; fused years are read', () => {
  assert.deepEqual(isoOf('Published 6 hours ago'), []);
  assert.deepEqual(isoOf('Published a day ago'), []);
  assert.deepEqual(isoOf('Posted by Example on December 20, 2024September 26, 2025'), ['2024-12-20', '2025-09-26']);
});

test('the last label before a date decides its weight', () => {
  const line = 'April 26, 2024Updated on: October 28, 2024';
  const dates = findExplicitDates(line);
  assert.deepEqual(dates.map((d) => dateLabelWeight(line, d.index)), [2, 1]);
});

test('a line whose dates could take a higher label weight is never passed over', () => {
  // mayOutweigh looks for the labels without their edge conditions, so it must hold for every piece
  // of a line that dateLabelWeight reads: random lines of label fragments, letters and digits, and
  // every date position in them.
  const parts = ['Published', 'published', 'PUBLISHED', 'un', 'posted', 'Updated', 'last update', 'Publié', 'publication date', 'x', ' ', ':', '2024', 'April 5, ', 'é', '1'];
  for (const line of piecedStrings(parts, 3000, 8, 7)) {
    // Weights from the unlabelled one up: a header date has at least that.
    for (const weight of [2, 3]) {
      for (let at = 0; at <= line.length; at++) {
        if (dateLabelWeight(line, at) > weight) assert.ok(mayOutweigh(line, weight), `${JSON.stringify(line)} at ${at} above ${weight}`);
      }
    }
  }
  assert.equal(mayOutweigh('Updated April 5, 2024', 2), false);
  assert.equal(mayOutweigh('Unpublished April 5, 2024', 2), true);
  assert.equal(mayOutweigh('Published April 5, 2024', 3), false);
});

test("every English time unit chrono knows starts with one of the letters the parser's pre-check allows", async (t) => {
  // chrono does not export its unit table; it is read from the installed package's English constants.
  const index = fileURLToPath(import.meta.resolve('chrono-node'));
  const constants = join(dirname(index), 'locales', 'en', 'constants.js');
  if (!existsSync(constants)) {
    console.warn(`SKIPPED: ${constants} not found — chrono's time units are not checked`);
    t.skip('chrono English constants not found: skipped');
    return;
  }
  const { TIME_UNIT_DICTIONARY, TIME_UNIT_DICTIONARY_NO_ABBR } = (await import(pathToFileURL(constants).href)) as Record<string, Record<string, string>>;
  const units = [...Object.keys(TIME_UNIT_DICTIONARY ?? {}), ...Object.keys(TIME_UNIT_DICTIONARY_NO_ABBR ?? {})];
  assert.ok(units.length > 20, 'the unit tables were read');
  for (const unit of units) assert.ok(TIME_UNIT_INITIALS.includes(unit[0]!.toLowerCase()), unit);
  // A relative date of such a unit still reaches the parser.
  assert.deepEqual(isoOf('Valid within 2000 days'), ['2005-06-23']);
  assert.deepEqual(isoOf('Offer ends in 2030 weeks'), ['2038-11-27']);
  assert.equal(isoOf('© 2025 Example Inc.').length, 0);
});
