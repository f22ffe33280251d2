/**
 * The timeline's reading and resolution rules on hand-written sentences (fictional), one rule per
 * test: weekdays back and forward, the same day, yesterday, ranges, day-first numeric dates, periods
 * since a date, quotations, names with years, and merging across outlets with copies counted once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, dayFirstOf, findExpressions, resolveExpression, type TimelineInput } from './index.ts';
import { TimelineEvent } from '../types.ts';

interface Doc {
  id: string;
  paragraphs: string[];
  published?: string | null;
  language?: string | null;
  inferred?: boolean;
  source?: string;
  unit?: string;
}

function timeline(...docs: Doc[]): TimelineEvent[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const input: TimelineInput = {
    articles: docs.map((d) => ({ id: d.id, title: null, paragraphs: d.paragraphs, language: d.language ?? 'en', published: d.inferred ? null : (d.published ?? null) })),
    dateOf: (id) => {
      const d = byId.get(id)!;
      return d.published ? { date: d.published, inferred: d.inferred ?? false } : null;
    },
    sourceOf: (id) => byId.get(id)!.source ?? id,
    unitOf: (id) => byId.get(id)!.unit ?? id,
  };
  const events = buildTimeline(input);
  for (const e of events) TimelineEvent.parse(e);
  return events;
}

/** The single event of a one-sentence article published on `published`. */
function one(sentence: string, published: string | null, extra: Partial<Doc> = {}): TimelineEvent {
  const events = timeline({ id: 'a', paragraphs: [sentence], published, ...extra });
  assert.equal(events.length, 1, `one event expected in ${JSON.stringify(sentence)}, got ${JSON.stringify(events.map((e) => e.phrase))}`);
  return events[0]!;
}

// 2016-12-09 is a Friday, 2016-12-05 a Monday.
test('a weekday in a past clause is the latest such day on or before publication', () => {
  const e = one('Rebels said they retreated from the old town on Monday.', '2016-12-09');
  assert.equal(e.date, '2016-12-05');
  assert.equal(e.tense, 'past');
  assert.equal(e.phrase, 'on Monday');
  assert.equal(e.uncertain, false);
});

test('a weekday in a future clause is the next such day, and a same-day weekday is that day either way', () => {
  assert.equal(one('Officials said talks would begin on Monday.', '2016-12-09').date, '2016-12-12');
  assert.equal(one('Officials said talks would begin on Monday.', '2016-12-09').tense, 'future');
  assert.equal(one('The ministry is expected to publish its report on Monday.', '2016-12-05').date, '2016-12-05');
  assert.equal(one('The minister spoke to reporters on Monday.', '2016-12-05').date, '2016-12-05');
  // present-tense schedule verb, and "until" pointing forward
  assert.equal(one('The strike ends at 4 a.m. Wednesday.', '2016-12-06').date, '2016-12-07');
  assert.equal(one('The warning stays in place until Wednesday evening.', '2016-12-06').date, '2016-12-07');
  // "last" and "next" are strict
  assert.equal(one('The council met last Friday.', '2016-12-09').date, '2016-12-02');
  assert.equal(one('The council meets next Friday.', '2016-12-09').date, '2016-12-16');
});

test('the nearest tense marker before the expression decides, not the first in the sentence', () => {
  const events = timeline({ id: 'a', paragraphs: ['The minister said on Friday that talks would begin on Monday.'], published: '2016-12-09' });
  assert.deepEqual(events.map((e) => [e.phrase, e.date, e.tense]), [
    ['on Friday', '2016-12-09', 'past'],
    ['on Monday', '2016-12-12', 'future'],
  ]);
});

test('yesterday, today, tomorrow and "later yesterday" resolve against the publication day', () => {
  assert.equal(one('The agency said yesterday that the road had reopened.', '2016-12-09').date, '2016-12-08');
  const later = one('The envoy was due to meet the minister later yesterday.', '2016-12-09');
  assert.equal(later.date, '2016-12-08');
  assert.equal(later.uncertain, true, '"later yesterday" is vague');
  assert.equal(one('The court will rule tomorrow.', '2016-12-09').date, '2016-12-10');
  assert.equal(one('The court will rule tomorrow.', '2016-12-09').tense, 'future');
});

test('an article that calls the day before "yesterday" names its other days two or more days back', () => {
  const events = timeline({
    id: 'a',
    paragraphs: ['The agency said yesterday that the bridge was closed.', 'The army took the hill on Thursday.'],
    published: '2016-12-09',
  });
  assert.deepEqual(events.map((e) => e.date), ['2016-12-01', '2016-12-08']);
});

test('a disjunction or pair of weekdays is a range from the first to the next such second day', () => {
  const e = one('Lavrov said talks would begin in Geneva on Tuesday evening or Wednesday morning.', '2016-12-05');
  assert.equal(e.date, '2016-12-06');
  assert.equal(e.end, '2016-12-07');
  assert.equal(e.uncertain, true);
  assert.equal(e.tense, 'future');
  assert.equal(e.phrase, 'on Tuesday evening or Wednesday morning');
  const past = one('The 48-hour walkout on Monday and Tuesday closed every line.', '2016-12-09');
  assert.deepEqual([past.date, past.end, past.tense], ['2016-12-05', '2016-12-06', 'past']);
  const dates = one('Members will vote between April 24 and April 28.', '2025-04-17');
  assert.deepEqual([dates.date, dates.end, dates.tense], ['2025-04-24', '2025-04-28', 'future']);
});

test('numeric dates are read day-first when the page or its language says so, month-first otherwise', () => {
  // dotted: the day-first convention
  assert.equal(one('The agreement was signed on 05.12.2016 in Geneva.', null).date, '2016-12-05');
  // slashes on an English page with no other evidence: month-first
  assert.equal(one('The agreement was signed on 05/12/2016 in Geneva.', null).date, '2016-05-12');
  // another date on the page settles it
  assert.equal(
    timeline({ id: 'a', paragraphs: ['The agreement was signed on 05/12/2016 in Geneva.', 'It expired on 25/12/2018.'], published: null })[0]!.date,
    '2016-12-05',
  );
  // a French page
  assert.equal(one('L’accord a été signé le 05/12/2016.', null, { language: 'fr' }).date, '2016-12-05');
  assert.equal(dayFirstOf(['On 12/25/2016 it snowed.'], 'en'), false);
  assert.equal(dayFirstOf(['Nothing dated here.'], 'de'), true);
  assert.equal(dayFirstOf(['Nothing dated here.'], 'en'), null);
});

test('calendar dates without a year take the year on the tense side of publication', () => {
  assert.equal(one('The blockade began on December 20.', '2017-01-10').date, '2016-12-20');
  assert.equal(one('Elections will be held on February 3.', '2016-12-10').date, '2017-02-03');
  assert.equal(one('The treaty was signed on 5 December 2016.', '2017-06-01').date, '2016-12-05');
  assert.equal(one('The talks were held on Dec. 5, 2016, in Rome.', '2017-06-01').date, '2016-12-05');
  assert.equal(one('Talks broke down on 3 February.', '2027-02-19').phrase, 'on 3 February', 'a full stop is not an abbreviation dot');
  assert.equal(one('Last night, several thousand protesters marched through the capital.', '2027-02-19').date, '2027-02-18');
});

test('"since mid-November" is a period start at month precision, marked vague; months and years resolve with the tense', () => {
  const e = one('More than 300 people have been killed since mid-November, the monitor says.', '2016-12-05');
  assert.deepEqual([e.date, e.end, e.precision, e.phrase, e.uncertain], ['2016-11', null, 'month', 'since mid-November', true]);
  assert.equal(one('The city has been divided since 2012.', '2016-12-09').date, '2012');
  assert.equal(one('The envoy put the number at 8,000 in October.', '2016-12-05').date, '2016-10');
  assert.equal(one('A summit is planned for March.', '2016-12-05').date, '2017-03');
  assert.equal(one('Prosecutors made 41,000 requests last year.', '2025-05-21').date, '2024');
  const month = timeline({ id: 'a', paragraphs: ['The Senate voted on Tuesday, ending a fight that began last month.'], published: '2026-12-08' });
  assert.deepEqual(month.map((x) => [x.date, x.uncertain]), [['2026-11', false], ['2026-12-08', false]]);
  const years = one('She led the flood board from 2015 to 2021, officials said.', '2026-12-08');
  assert.deepEqual([years.date, years.end, years.precision], ['2015', '2021', 'year']);
  assert.equal(one('She is expected to be sworn in Friday.', '2026-12-08').phrase, 'Friday');
  const ago = one('Engineers flagged seepage in a report two years ago.', '2025-04-07');
  assert.deepEqual([ago.date, ago.precision, ago.uncertain], ['2023', 'year', true]);
  const inspection = one('The panel would examine the 2023 inspection report.', '2025-04-10');
  assert.deepEqual([inspection.date, inspection.tense], ['2023', 'past']);
});

test('a week is a range: up to publication in a past clause, from it in a future one; a day in the same sentence wins', () => {
  const e = one('He said he would ask parliament to summon the agency head this week.', '2025-04-07');
  assert.deepEqual([e.date, e.end, e.uncertain], ['2025-04-07', '2025-04-13', true]);
  const last = one('Prices rose sharply last week.', '2025-04-09');
  assert.deepEqual([last.date, last.end], ['2025-03-31', '2025-04-06']);
  const both = timeline({ id: 'a', paragraphs: ['Russia said on Monday it would start talks this week.'], published: '2016-12-05' });
  assert.deepEqual(both.map((x) => x.phrase), ['on Monday']);
});

test('time words inside quotations, ages, measures, clock times and years inside names are not events', () => {
  assert.deepEqual(timeline({ id: 'a', paragraphs: ['“We will win today,” the coach said.'], published: '2016-12-05' }), []);
  // a quotation that runs on past its paragraph (no closing mark)
  assert.deepEqual(timeline({ id: 'a', paragraphs: ['“The fighting slowed down yesterday afternoon.'], published: '2016-12-05' }), []);
  assert.deepEqual(
    timeline({ id: 'a', paragraphs: ['Lena Marsh, 34, waited 24-hour shifts in the six-year-old war at 2.14 a.m. during the 1990s.'], published: '2016-12-05' }),
    [],
  );
  assert.deepEqual(timeline({ id: 'a', paragraphs: ['Tickets for Euro 2016 sold out on Black Friday.'], published: '2016-12-05' }), []);
  assert.deepEqual(findExpressions('Theresa May said they may march.'), []);
  // habits, rolling spans, data-table rows
  assert.deepEqual(timeline({ id: 'a', paragraphs: ['The market opens every Tuesday at dawn.'], published: '2016-12-05' }), []);
  assert.deepEqual(timeline({ id: 'a', paragraphs: ['Most firms plan to adopt the tool in the next year.'], published: '2016-12-05' }), []);
  assert.deepEqual(timeline({ id: 'a', paragraphs: ['8/1/2016\t+8.9%'], published: '2016-12-05' }), []);
  assert.deepEqual(timeline({ id: 'a', paragraphs: ['Black Friday sales fell sharply, retailers said.', 'We had to rush to a hospital on a Sunday.'], published: '2016-12-05' }), []);
  assert.deepEqual(timeline({ id: 'a', paragraphs: ['What works today might not work tomorrow.'], published: '2016-12-05' }), []);
});

test('a weekday followed by its calendar date is read by the date', () => {
  const e = one('The filing deadline was moved to Wednesday, April 15, 2026, the agency said.', '2025-12-12');
  assert.deepEqual([e.date, e.phrase], ['2026-04-15', 'Wednesday, April 15, 2026']);
  assert.equal(one('The vote was held on Monday (Dec. 5) in the capital.', '2016-12-09').date, '2016-12-05');
});

test('"today" and "this year" are events only when their clause says something happened or is planned', () => {
  assert.deepEqual(timeline({ id: 'a', paragraphs: ['Even today, many families still live in tents.', 'That is where the industry stands today.'], published: '2016-12-05' }), []);
  assert.equal(one('Today, the court ruled that the law was void.', '2016-12-05').date, '2016-12-05');
  assert.equal(one('The court ruled today that the law was void.', '2016-12-05').date, '2016-12-05');
  assert.equal(one('This year the union signed two agreements.', '2016-12-05').date, '2016');
});

test('events on an inferred publication date are uncertain unless a dated article reports them too', () => {
  const inferred = one('Rebels retreated from the old town on Monday.', '2016-12-09', { inferred: true });
  assert.equal(inferred.uncertain, true);
  const absolute = one('The old town fell on 5 December 2016.', '2016-12-09', { inferred: true });
  assert.equal(absolute.uncertain, false, 'an absolute date does not rest on the publication date');
  const merged = timeline(
    { id: 'a', paragraphs: ['Rebels retreated from the old town on Monday, the army said.'], published: '2016-12-05', source: 'Wire' },
    { id: 'b', paragraphs: ['The army said rebels retreated from the old town on Monday.'], published: '2016-12-05', inferred: true, source: 'Paper' },
  );
  assert.equal(merged.length, 1);
  assert.equal(merged[0]!.uncertain, false);
});

test('one event reported by several outlets is merged; copies add their ids but not a source; other events stay apart', () => {
  const events = timeline(
    { id: 'wire', paragraphs: ['Russia said on Monday it would start talks with the United States on a rebel withdrawal.', 'Eight people were killed by rebel shelling on Monday.'], published: '2016-12-05', source: 'Wire' },
    { id: 'copy', paragraphs: ['Russia said on Monday it would start talks with the United States on a rebel withdrawal.'], published: '2016-12-05', source: 'Wire', unit: 'wire' },
    // a day later: still Monday's announcement, and the wire's wording stays first
    { id: 'dw', paragraphs: ['Russia will hold talks with the United States on a complete rebel withdrawal, the foreign minister said Monday.'], published: '2016-12-06', source: 'DW' },
  );
  assert.equal(events.length, 2);
  const talks = events.find((e) => e.text.includes('talks'))!;
  assert.deepEqual(talks.articleIds, ['wire', 'copy', 'dw']);
  assert.deepEqual(talks.sources, ['Wire', 'DW']);
  assert.equal(talks.text, 'Russia said on Monday it would start talks with the United States on a rebel withdrawal.');
  const shelling = events.find((e) => e.text.includes('shelling'))!;
  assert.deepEqual(shelling.articleIds, ['wire']);
});

test('a forecast and the event it forecast are two events', () => {
  const events = timeline(
    { id: 'a', paragraphs: ['Forecasters expect more rain on Tuesday across the valley.'], published: '2025-04-07' },
    { id: 'b', paragraphs: ['Rain returned to the valley on Tuesday afternoon.'], published: '2025-04-08' },
  );
  assert.deepEqual(events.map((e) => [e.date, e.tense, e.articleIds.join()]), [
    ['2025-04-08', 'future', 'a'],
    ['2025-04-08', 'past', 'b'],
  ]);
});

test('German weekdays, "Nacht zum", fused parts of the day and "im Jahr" resolve like the English', () => {
  const events = timeline({
    id: 'de',
    language: 'de',
    paragraphs: ['Der Damm war in der Nacht zum Montag gebrochen.', 'Der Wetterdienst erwartet bis Mittwochabend weiteren Regen.', 'Eine Inspektion im Jahr 2023 fand Sickerwasser.'],
    published: '2025-04-08',
  });
  assert.deepEqual(events.map((e) => [e.date, e.phrase, e.tense]), [
    ['2023', 'im Jahr 2023', 'past'],
    ['2025-04-07', 'Nacht zum Montag', 'past'],
    ['2025-04-09', 'bis Mittwochabend', 'future'],
  ]);
});

test('undated articles keep their absolute dates and drop their relative ones', () => {
  const events = timeline({ id: 'a', paragraphs: ['The pact was signed on Monday.', 'It took effect on 1 March 2017.'], published: null });
  assert.deepEqual(events.map((e) => e.date), ['2017-03-01']);
});

test('resolveExpression keeps a range only when its second end follows the first', () => {
  const [e] = findExpressions('Talks would begin on Tuesday evening or Wednesday morning.');
  assert.ok(e);
  assert.deepEqual(resolveExpression(e, { base: '2016-12-05', future: true, yesterdayStyle: false, dayFirst: null }), {
    date: '2016-12-06',
    end: '2016-12-07',
    precision: 'day',
    relative: true,
  });
});
