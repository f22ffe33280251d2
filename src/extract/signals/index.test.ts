import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawPage } from '../../records/index.ts';
import type { Draft } from '../types.ts';
import { applySignals } from './index.ts';

const BODY = [
  'The government said on Monday it would begin talks with its neighbours this week on a withdrawal of troops from the border region.',
  'Officials gave no timetable for the talks, but said a first meeting could take place within days if both sides agreed to the agenda.',
  'Residents of the border towns said they hoped the talks would bring an end to months of shelling that has destroyed homes and farms.',
];

function draft(over: Partial<Draft> = {}): Draft {
  return {
    title: 'Talks set to begin on border withdrawal',
    paragraphs: BODY,
    removed: [],
    headerLines: [],
    outlet: null,
    originalSource: null,
    published: null,
    byline: null,
    dateline: null,
    declaredLanguage: null,
    ...over,
  };
}

function page(content = '', over: Partial<RawPage> = {}): RawPage {
  return { source: 't.txt', url: null, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length, ...over };
}

test('a wire dateline names the original source and the dateline place', () => {
  const first = `PARIS/LONDON (Reuters) - ${BODY[0]}`;
  const s = applySignals(draft({ paragraphs: [first, ...BODY.slice(1)] }), page());
  assert.deepEqual(s.originalSource, { value: 'Reuters', evidence: 'PARIS/LONDON (Reuters) -' });
  assert.equal(s.dateline, 'PARIS/LONDON');
  assert.equal(s.paragraphs[0], first, 'the dateline stays in the paragraph');
  assert.equal(s.language, 'en');
});

test('a caption credit near the top loses to a credit fused onto the end of the body', () => {
  const last = `${BODY[2]!.slice(0, -1)}, he said.” — Al Jazeera`;
  const s = applySignals(
    draft({
      paragraphs: [...BODY.slice(0, 2), last],
      headerLines: ['Talks set to begin Thousands have fled the border towns — Reuters'],
      removed: [{ text: 'Thousands have fled the border towns — Reuters', reason: 'caption' }],
    }),
    page(),
  );
  assert.deepEqual(s.originalSource, { value: 'Al Jazeera', evidence: '— Al Jazeera' });
  assert.equal(s.paragraphs.length, 3, 'no body paragraph is dropped');
  assert.ok(s.paragraphs[2]!.endsWith('he said.”'));
  assert.ok(s.removed.some((r) => r.reason === 'metadata' && r.text === '— Al Jazeera'));
  assert.equal(s.outlet, null, 'a dash-credited caption is not the outlet');
});

test('photo credits never become the original source', () => {
  const s = applySignals(
    draft({
      paragraphs: [BODY[0]!, 'John Smith/Associated Press', ...BODY.slice(1)],
      removed: [{ text: 'Smoke rises over the town. REUTERS/Jane Roe', reason: 'caption' }],
    }),
    page(),
  );
  assert.equal(s.originalSource, null);
});

test('a standalone credit line just below the body (text dump) names the source', () => {
  const content = [...BODY, '', 'Continue reading the main story', '', 'NYtimes', '', '', 'Example Post strives to deliver the most accurate information.'].join('\n');
  const d = draft({
    removed: [
      { text: 'Continue reading the main story', reason: 'paywall', line: 5 },
      { text: 'NYtimes', reason: 'boilerplate', line: 7 },
      { text: 'Example Post strives to deliver the most accurate information.', reason: 'error-report', line: 10 },
    ],
  });
  const s = applySignals(d, page(content));
  assert.deepEqual(s.originalSource, { value: 'The New York Times', evidence: 'NYtimes' });
  assert.equal(s.outlet?.value, 'Example Post');
});

test('a credit line far below the body (related stories, footers) is not this story’s', () => {
  const filler = Array.from({ length: 20 }, () => '');
  const content = [...BODY, ...filler, 'Reuters'].join('\n');
  const s = applySignals(draft({ removed: [{ text: 'Reuters', reason: 'boilerplate', line: 24 }] }), page(content));
  assert.equal(s.originalSource, null);
});

test('a credit line left in the body is moved to removed and read', () => {
  const s = applySignals(draft({ paragraphs: [...BODY, 'Source: AFP'] }), page());
  assert.equal(s.originalSource?.value, 'AFP');
  assert.deepEqual(s.paragraphs, BODY);
  assert.ok(s.removed.some((r) => r.text === 'Source: AFP' && r.reason === 'metadata'));
});

test('editor initials mean the outlet wrote it; the wires were inputs', () => {
  const d = draft({
    paragraphs: [...BODY, 'ab/cde (dpa, Reuters, AFP)'],
    headerLines: ['Talks set to begin | Europe | DW | 05.12.2016'],
  });
  const s = applySignals(d, page());
  assert.equal(s.outlet?.value, 'DW');
  assert.deepEqual(s.originalSource, { value: 'DW', evidence: 'ab/cde (dpa, Reuters, AFP)' });
  assert.deepEqual(s.published, { value: '2016-12-05', evidence: 'Talks set to begin | Europe | DW | 05.12.2016' });
  assert.deepEqual(s.paragraphs, BODY);
});

test('editor initials on an unknown outlet name no source', () => {
  const s = applySignals(draft({ paragraphs: [...BODY, 'ab/cde (dpa, Reuters)'] }), page());
  assert.equal(s.originalSource, null);
  assert.deepEqual(s.paragraphs, BODY);
});

test('draft metadata from HTML is trusted first', () => {
  const d = draft({
    paragraphs: [`PARIS (AFP) - ${BODY[0]}`, ...BODY.slice(1)],
    headerLines: ['Published 6 December 2016', 'By Jane Doe'],
    outlet: { value: 'The Daily Example', evidence: 'og:site_name' },
    published: { value: '2016-12-05', evidence: 'datePublished' },
    byline: 'John Roe',
  });
  const s = applySignals(d, page('', { format: 'html' }));
  assert.deepEqual(s.outlet, { value: 'The Daily Example', evidence: 'og:site_name' });
  assert.deepEqual(s.published, { value: '2016-12-05', evidence: 'datePublished' });
  assert.equal(s.byline, 'John Roe');
  assert.equal(s.originalSource?.value, 'AFP');
});

test('a scraper date without a year gives no date; body dates are ignored', () => {
  const d = draft({
    paragraphs: [...BODY, 'The conflict began on March 3, 2011, and has not stopped since.'],
    removed: [{ text: 'Saturday / March 23.', reason: 'scraper-date', line: 1 }],
    headerLines: ['Saturday / March 23.'],
  });
  assert.equal(applySignals(d, page()).published, null);
});

test('header dates beat caption dates; caption dates fill in when nothing else', () => {
  const caption = { text: 'Smoke rises over the town December 4, 2016. REUTERS/Jane Roe', reason: 'caption' as const };
  const withHeader = applySignals(draft({ headerLines: ['Published Dec. 5, 2016'], removed: [caption] }), page());
  assert.equal(withHeader.published?.value, '2016-12-05');
  const updatedCaption = { text: 'Site notice. Last Updated: January 12, 2016.', reason: 'caption' as const };
  assert.equal(applySignals(draft({ removed: [updatedCaption] }), page()).published, null);
  const captionOnly = applySignals(draft({ removed: [caption] }), page());
  assert.deepEqual(captionOnly.published, { value: '2016-12-04', evidence: caption.text });
});

test('"Published" wins over "Updated"; an "Updated" date alone is not a publication date', () => {
  const s = applySignals(draft({ headerLines: ['Updated 7 December 2016', 'Published 5 December 2016'] }), page());
  assert.equal(s.published?.value, '2016-12-05');
  assert.equal(applySignals(draft({ headerLines: ['Updated 7 December 2016'] }), page()).published, null);
});

test('a header sentence holding a date is not a date line', () => {
  const s = applySignals(draft({ headerLines: ['The new harbour tariff applies to all cargo from 5 December 2016'] }), page());
  assert.equal(s.published, null);
});

test('URL dates and URL outlets', () => {
  const s = applySignals(draft(), page('', { format: 'html', url: 'https://www.example-news.com/2016/12/05/world/talks.html' }));
  assert.equal(s.published?.value, '2016-12-05');
  const bbc = applySignals(draft(), page('', { format: 'html', url: 'https://www.bbc.com/news/world-1' }));
  assert.equal(bbc.outlet?.value, 'BBC');
  assert.equal(bbc.originalSource?.value, 'BBC', 'a known newsroom with no other credit wrote its own copy');
});

test('bylines are read and moved out of the body', () => {
  const s = applySignals(draft({ paragraphs: ['By JANE DOE and JOHN ROE', ...BODY] }), page());
  assert.equal(s.byline, 'Jane Doe, John Roe');
  assert.deepEqual(s.paragraphs, BODY);
  assert.ok(s.removed.some((r) => r.reason === 'metadata' && r.text === 'By JANE DOE and JOHN ROE'));
  const header = applySignals(draft({ headerLines: ['Jane Doe | Reporter'] }), page());
  assert.equal(header.byline, 'Jane Doe');
});

test('a page that says nothing gets nulls, not guesses', () => {
  const s = applySignals(draft(), page());
  assert.equal(s.outlet, null);
  assert.equal(s.originalSource, null);
  assert.equal(s.published, null);
  assert.equal(s.byline, null);
  assert.equal(s.dateline, null);
  assert.deepEqual(s.paragraphs, BODY);
});

test('language falls back to the declared language when the text is too short', () => {
  const s = applySignals(draft({ title: null, paragraphs: ['Kurz.'], declaredLanguage: 'de' }), page());
  assert.equal(s.language, 'de');
});

test('a credit the extractor already split off the last line counts as an end credit', () => {
  const content = [...BODY.slice(0, 2), `${BODY[2]} — Al Jazeera`, '', 'You Might Also Like'].join('\n');
  const d = draft({ removed: [{ text: '— Al Jazeera', reason: 'metadata', line: 3 }] });
  const s = applySignals(d, page(content));
  assert.deepEqual(s.originalSource, { value: 'Al Jazeera', evidence: '— Al Jazeera' });
});

test('scraper dates flagged by the extractor, "today" banners and labels on the line above', () => {
  const content = ['Friday, December 9, 2016', 'Menu', 'Talks set to begin', '', 'Last update:', 'December 7, 2016', '', 'December 5, 2016', ...BODY].join('\n');
  const d = draft({
    headerLines: ['Friday, December 9, 2016', 'Talks set to begin', 'Last update:', 'December 7, 2016', 'December 5, 2016'],
    removed: [{ text: 'Talks set to begin', reason: 'title', line: 3 }],
  });
  assert.equal(applySignals(d, page(content)).published?.value, '2016-12-05');
  const flagged = draft({ headerLines: ['Friday, December 9, 2016'], removed: [{ text: 'Friday, December 9, 2016', reason: 'scraper-date', line: 1 }] });
  assert.equal(applySignals(flagged, page()).published, null);
});

// The names below are invented on purpose: these rules must work for outlets and wires in no table.

test('an unknown wire in a dateline after a date line the extractor kept: both read, the date line moved out', () => {
  const lead = `HALDEN, Norvia (Quill Newswire) - ${BODY[0]}`;
  const s = applySignals(draft({ paragraphs: ['Published April 7, 2025, 11:42 a.m.', lead, ...BODY.slice(1)] }), page());
  assert.deepEqual(s.originalSource, { value: 'Quill Newswire', evidence: 'HALDEN, Norvia (Quill Newswire) -' });
  assert.equal(s.dateline, 'HALDEN, Norvia');
  assert.deepEqual(s.published, { value: '2025-04-07', evidence: 'Published April 7, 2025, 11:42 a.m.' });
  assert.deepEqual(s.paragraphs, [lead, ...BODY.slice(1)]);
  assert.ok(s.removed.some((r) => r.reason === 'metadata' && r.text.startsWith('Published April 7')));
});

test('a bare date line under the headline is the date; an "Updated" line is moved out but not the date', () => {
  const s = applySignals(draft({ paragraphs: ['17 Apr 2025', ...BODY] }), page());
  assert.equal(s.published?.value, '2025-04-17');
  assert.deepEqual(s.paragraphs, BODY);
  const u = applySignals(draft({ paragraphs: ['Updated: 4:18 PM CEST May 21, 2025', ...BODY] }), page());
  assert.equal(u.published, null, 'an update time alone is not the publication date');
  assert.deepEqual(u.paragraphs, BODY);
  const both = applySignals(draft({ headerLines: ['May 20, 2025'], paragraphs: ['Updated: 4:18 PM CEST May 21, 2025', ...BODY] }), page());
  assert.equal(both.published?.value, '2025-05-20');
});

test('false friends of body date lines: sentences, year-less scraper dates, photo credits', () => {
  const sentence = 'The new harbour tariff applies to all cargo arriving from 5 December 2016 onwards.';
  const s = applySignals(draft({ paragraphs: [sentence, ...BODY] }), page());
  assert.equal(s.published, null);
  assert.equal(s.paragraphs[0], sentence);
  const scraper = applySignals(draft({ paragraphs: ['Monday / April 14.', ...BODY] }), page());
  assert.equal(scraper.published, null);
  const credit = applySignals(draft({ paragraphs: ['Smoke rises, December 5, 2016. REUTERS/Jane Roe', ...BODY] }), page());
  assert.equal(credit.paragraphs[0], 'Smoke rises, December 5, 2016. REUTERS/Jane Roe', 'credits are not date lines');
});

test('a trailing unknown newsroom credits the copy; a trailing person or photo desk does not', () => {
  const last = `${BODY[2]} — Quill Newswire`;
  const s = applySignals(draft({ paragraphs: [...BODY.slice(0, 2), last] }), page());
  assert.deepEqual(s.originalSource, { value: 'Quill Newswire', evidence: '— Quill Newswire' });
  assert.deepEqual(s.paragraphs, BODY);
  const person = applySignals(draft({ paragraphs: [...BODY.slice(0, 2), `${BODY[2]} — Jane Roe`] }), page());
  assert.equal(person.originalSource, null);
  const caption = 'Union members will vote on the agreement next week — Lumen Photo Agency';
  const photo = applySignals(draft({ paragraphs: [caption, ...BODY] }), page());
  assert.equal(photo.originalSource, null, 'a caption credit near a photo is not a copy credit');
});

test('a last standalone newsroom line credits the copy, unless it is the outlet’s own name', () => {
  const s = applySignals(draft({ paragraphs: [...BODY, 'Quill Newswire'] }), page());
  assert.equal(s.originalSource?.value, 'Quill Newswire');
  assert.deepEqual(s.paragraphs, BODY);
  const own = applySignals(
    draft({ paragraphs: [...BODY, 'Harbour Gazette'], headerLines: ['Talks set to begin | Harbour Gazette'] }),
    page(),
  );
  assert.equal(own.outlet?.value, 'Harbour Gazette');
  assert.equal(own.originalSource, null, 'the site signing off is chrome, not a credit');
  const prompt = applySignals(draft({ paragraphs: [...BODY, 'Follow Us On Social Media'] }), page());
  assert.equal(prompt.originalSource, null);
  const label = applySignals(draft({ paragraphs: [...BODY, 'FAQ'] }), page());
  assert.equal(label.originalSource, null);
});

test('editor initials naming unknown wires mean the outlet’s staff, in HTML bodies too', () => {
  const d = draft({ paragraphs: [...BODY, 'kb/rt (Quill Newswire, Reuters)'], outlet: { value: 'Example Welle', evidence: 'og:site_name' } });
  const s = applySignals(d, page('', { format: 'html' }));
  assert.deepEqual(s.originalSource, { value: 'Example Welle', evidence: 'kb/rt (Quill Newswire, Reuters)' });
  assert.deepEqual(s.paragraphs, BODY);
  assert.ok(s.removed.some((r) => r.reason === 'metadata' && r.text === 'kb/rt (Quill Newswire, Reuters)'));
  // The outlet from an HTML footer "© Example Kurier 2025".
  const footer = draft({
    paragraphs: [...BODY, 'ks/jw (Quill Newswire, dpa)'],
    removed: [{ text: '© Examplekurier 2025', reason: 'footer' }],
  });
  const f = applySignals(footer, page('', { format: 'html' }));
  assert.equal(f.outlet?.value, 'Examplekurier');
  assert.equal(f.originalSource?.value, 'Examplekurier');
});

test('the site’s own copyright beats a wire’s copyright line, which credits the copy', () => {
  const wire = 'Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.';
  const d = draft({
    removed: [
      { text: wire, reason: 'footer' },
      { text: '© 2025 Harbour Gazette. All rights reserved. | Privacy Policy', reason: 'footer' },
    ],
  });
  const s = applySignals(d, page());
  assert.equal(s.outlet?.value, 'Harbour Gazette');
  assert.equal(s.originalSource?.value, 'Associated Press');
  const only = applySignals(draft({ removed: [{ text: wire, reason: 'footer' }] }), page());
  assert.equal(only.outlet, null, 'a wire notice never names the site');
  assert.equal(only.originalSource?.value, 'Associated Press');
});

test('a dash title suffix is the outlet when the page’s chrome names it again', () => {
  const title = 'Talks set to begin on border withdrawal - Harbour Lantern';
  const confirmed = draft({
    headerLines: [title],
    removed: [
      { text: title, reason: 'title', line: 1 },
      { text: 'More on Harbour Lantern', reason: 'related', line: 30 },
    ],
  });
  assert.equal(applySignals(confirmed, page(title)).outlet?.value, 'Harbour Lantern');
  const alone = draft({ headerLines: [title], removed: [{ text: title, reason: 'title', line: 1 }] });
  assert.equal(applySignals(alone, page(title)).outlet, null, 'a dash suffix said once may be a quote or a source');
  const passedOn = draft({
    headerLines: [title],
    removed: [
      { text: title, reason: 'title', line: 1 },
      { text: 'Read the full story at Harbour Lantern', reason: 'related', line: 30 },
    ],
  });
  assert.equal(applySignals(passedOn, page(title)).outlet, null, 'an aggregator passing a story on');
});

test('a photographer credited "for" a site names the outlet when nothing better does', () => {
  const d = draft({
    paragraphs: [BODY[0]!, 'Ana Brill for Harbour Daily', ...BODY.slice(1)],
    removed: [{ text: 'Harbour Daily', reason: 'related' }],
  });
  const s = applySignals(d, page());
  assert.deepEqual(s.outlet, { value: 'Harbour Daily', evidence: 'Ana Brill for Harbour Daily' });
  assert.equal(s.originalSource, null, 'a photo credit says nothing about the copy');
  assert.deepEqual(s.paragraphs, BODY);
  const heading = draft({ paragraphs: [BODY[0]!, 'Practical Tips for Harbour Shoppers', ...BODY.slice(1)] });
  assert.equal(applySignals(heading, page()).paragraphs.length, BODY.length + 1, 'a title-case heading stays');
  const better = applySignals({ ...d, headerLines: ['Talks set to begin | Harbour Gazette'] }, page());
  assert.equal(better.outlet?.value, 'Harbour Gazette');
});

test('the last paragraph the extractor dropped for its fused credit comes back, credit split off', () => {
  const last = 'Union members will vote on the deal between April 24 and April 28. — AFP';
  const content = [BODY[0], '', BODY[1], '', BODY[2], '', last, '', 'You Might Also Like'].join('\n');
  const d = draft({ removed: [{ text: last, reason: 'boilerplate', line: 7 }] });
  const s = applySignals(d, page(content));
  assert.deepEqual(s.originalSource, { value: 'AFP', evidence: '— AFP' });
  assert.deepEqual(s.paragraphs, [...BODY, 'Union members will vote on the deal between April 24 and April 28.']);
  // Further down, past other chrome, it is a related story's teaser and stays out.
  const far = [BODY[0], '', BODY[1], '', BODY[2], '', 'Related', last].join('\n');
  const f = applySignals(draft({ removed: [{ text: 'Related', reason: 'related', line: 7 }, { text: last, reason: 'boilerplate', line: 8 }] }), page(far));
  assert.deepEqual(f.paragraphs, BODY);
});

test('a byline after the lead paragraphs moved out does not hide the dateline', () => {
  const s = applySignals(
    draft({ paragraphs: ['By Jana Oster', `VESSMARK, Estravia — ${BODY[0]}`, ...BODY.slice(1)] }),
    page(),
  );
  assert.equal(s.byline, 'Jana Oster');
  assert.equal(s.dateline, 'VESSMARK, Estravia');
});

test('a body of dated items is a list: its first date is not the page’s', () => {
  const s = applySignals(draft({ paragraphs: ['* March 16, 2026', BODY[0]!, '* March 18, 2026', ...BODY.slice(1)] }), page());
  assert.equal(s.published, null);
  assert.equal(s.paragraphs[0], '* March 16, 2026');
});
