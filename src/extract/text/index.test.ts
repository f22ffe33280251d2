import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawPage } from '../../records/index.ts';
import { buildTemplateIndex, extractTextDraft } from './index.ts';
import { restoreCase } from './title.ts';

// Synthetic dumps only: invented sentences in the shapes scrapers save.
const P = [
  'The city council voted on Tuesday to approve a new budget that raises spending on public transport by a fifth.',
  'Council members said the plan would add twelve bus routes and extend evening service to the northern districts.',
  'Opponents argued that the money should have gone to road repairs, which residents have demanded for years.',
  '“We listened to the people who ride the buses every day,” the council leader told reporters after the vote.',
  'The budget takes effect in January, and the first new routes are expected to open in the spring of next year.',
];

function page(content: string, url: string | null = null): RawPage {
  return { source: 't.txt', url, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length };
}
function run(lines: string[], url: string | null = null) {
  return extractTextDraft(page(lines.join('\n\n'), url), null);
}
function reasonOf(d: ReturnType<typeof run>, text: string) {
  return d.removed.find((r) => r.text === text)?.reason;
}

test('keeps the article paragraphs in order', () => {
  const d = run(['Council Approves Transit Budget', ...P]);
  assert.deepEqual(d.paragraphs, P);
  assert.equal(d.title, 'Council Approves Transit Budget');
});

test('tickers: label and " // " headline lines', () => {
  const d = run(['Just in:', 'Markets Fall Again // Storm Hits Coast // New Phone Released //', 'Council Approves Transit Budget', ...P]);
  assert.equal(reasonOf(d, 'Just in:'), 'ticker');
  assert.equal(reasonOf(d, 'Markets Fall Again // Storm Hits Coast // New Phone Released //'), 'ticker');
  assert.deepEqual(d.paragraphs, P);
});

test('ads, photo labels, captions, credits and image file names', () => {
  const d = run([
    'Council Approves Transit Budget',
    '12Budget superJumbo',
    'Photo',
    'Buses wait at the central depot on Tuesday morning.',
    'Credit',
    'Jane Doe/Associated Press',
    P[0]!,
    'ADVERTISEMENT',
    P[1]!,
    'A bus crosses the river bridge in the evening. REUTERS/John Smith',
    P[2]!,
    'Riders board a late bus (Getty Images/AFP/J. Roe)',
    'Evening service will be extended',
    ...P.slice(3),
  ]);
  assert.deepEqual(d.paragraphs, P);
  assert.equal(reasonOf(d, '12Budget superJumbo'), 'credit');
  assert.equal(reasonOf(d, 'Photo'), 'credit');
  assert.equal(reasonOf(d, 'Buses wait at the central depot on Tuesday morning.'), 'caption');
  assert.equal(reasonOf(d, 'Jane Doe/Associated Press'), 'credit');
  assert.equal(reasonOf(d, 'ADVERTISEMENT'), 'ad');
  assert.equal(reasonOf(d, 'A bus crosses the river bridge in the evening. REUTERS/John Smith'), 'caption');
  assert.equal(reasonOf(d, 'Evening service will be extended'), 'caption');
});

test('a caption before a credit line without labels', () => {
  const d = run(['Council Approves Transit Budget', 'Buses wait at the central depot on Tuesday morning.', 'Jane Doe/Agence France-Presse — Getty Images', ...P]);
  assert.equal(reasonOf(d, 'Buses wait at the central depot on Tuesday morning.'), 'caption');
  assert.deepEqual(d.paragraphs, P);
});

test('navigation menus in other languages and breadcrumbs fused with the title', () => {
  const content = [
    'Council Approves Transit Budget | City| Local news | Daily Example | 05.12.2016',
    '  1. Inhalt\n  2. Navigation\n  3. Suche',
    'Local',
    'HomeCityCouncil Approves Transit Budget',
    'Council Approves Transit Budget',
    ...P,
  ].join('\n\n');
  const d = extractTextDraft(page(content), null);
  assert.equal(d.title, 'Council Approves Transit Budget');
  assert.deepEqual(d.paragraphs, P);
  assert.equal(reasonOf(d, '1. Inhalt'), 'nav');
  assert.ok(d.headerLines.some((h) => h.includes('05.12.2016')), 'the dated title line is a header line');
  assert.ok(d.headerLines.includes('HomeCityCouncil Approves Transit Budget'));
});

test('scraper date line goes to headerLines and removed', () => {
  const d = run(['Saturday / March 23.', 'Council Approves Transit Budget', ...P]);
  assert.equal(reasonOf(d, 'Saturday / March 23.'), 'scraper-date');
  assert.ok(d.headerLines.includes('Saturday / March 23.'));
  assert.deepEqual(d.paragraphs, P);
});

test('truncated teaser repeating the lead is dropped, the complete lead kept', () => {
  const teaser = P[0]!.slice(0, 70) + '...';
  const d = run(['Council Approves Transit Budget', teaser, ...P]);
  assert.equal(reasonOf(d, teaser), 'teaser');
  assert.deepEqual(d.paragraphs, P);
});

test('related lists, paywall labels, comments and error-report blocks after the body', () => {
  const d = run([
    'Council Approves Transit Budget',
    ...P,
    'Continue reading the main story',
    'Related Topics: CITY',
    'What To Read Next',
    'A long teaser about a school board election that has nothing to do with the budget story above it.',
    'Members Only',
    'Another teaser sentence about a farm fair that draws visitors from all over the county every summer.',
    'Notice an issue?',
    'Daily Example strives to deliver the most accurate information; if you believe you have identified an error, contact our editorial team.',
    'You Might Also Like',
    'Comments',
  ]);
  assert.deepEqual(d.paragraphs, P);
  assert.equal(reasonOf(d, 'Continue reading the main story'), 'paywall');
  assert.equal(reasonOf(d, 'Related Topics: CITY'), 'related');
  assert.equal(reasonOf(d, 'What To Read Next'), 'related');
  assert.equal(reasonOf(d, 'Members Only'), 'paywall');
  assert.equal(reasonOf(d, 'Notice an issue?'), 'error-report');
  assert.equal(reasonOf(d, 'Comments'), 'comments');
});

test('media widgets and recommendation headers', () => {
  const d = run(['Council Approves Transit Budget', ...P, 'Watch video 01:09', 'Riders react to the new routes', 'Daily Example recommends', 'Audios and videos on the topic']);
  assert.deepEqual(d.paragraphs, P);
  assert.equal(reasonOf(d, 'Watch video 01:09'), 'media');
  assert.equal(reasonOf(d, 'Riders react to the new routes'), 'media');
  assert.equal(reasonOf(d, 'Daily Example recommends'), 'related');
});

test('attribution lines and a trailing attribution fused onto the last paragraph', () => {
  const last = P[4]! + ' — Al Jazeera';
  const d = run(['Council Approves Transit Budget', ...P.slice(0, 4), last, 'NYtimes', 'ab/cd (dpa, Reuters, AFP)']);
  assert.deepEqual(d.paragraphs, P);
  assert.equal(reasonOf(d, '— Al Jazeera'), 'metadata');
  assert.equal(reasonOf(d, 'NYtimes'), 'metadata');
  assert.equal(reasonOf(d, 'ab/cd (dpa, Reuters, AFP)'), 'metadata');
});

test('a headline fused with a caption that recurs below it', () => {
  const caption = 'Thousands rode the buses on the first day of the new schedule — Reuters';
  const d = run([`Council Approves Transit Budget ${caption}`, caption, caption, ...P]);
  assert.equal(d.title, 'Council Approves Transit Budget');
  assert.deepEqual(d.paragraphs, P);
});

test('subheadings inside the body are kept; every dropped line has a 1-based line number', () => {
  const d = run(['Council Approves Transit Budget', ...P.slice(0, 3), 'What comes next', ...P.slice(3)]);
  assert.deepEqual(d.paragraphs, [...P.slice(0, 3), 'What comes next', ...P.slice(3)]);
  for (const r of d.removed) assert.ok(r.line !== undefined && r.line >= 1);
  assert.equal(d.removed.find((r) => r.reason === 'title')?.line, 1);
});

test('no body: a page of menu items gives no paragraphs', () => {
  const d = run(['Home', 'News', 'Sport', 'Weather', 'Contact us', 'Privacy policy']);
  assert.deepEqual(d.paragraphs, []);
  assert.ok(d.removed.length === 6);
});

test('template index: lines repeated across different articles of one host are template, wire copies are not', () => {
  const other = [
    'A storm closed the coastal highway on Sunday, and crews worked through the night to clear fallen trees.',
    'Officials said power would return to most homes by Monday evening, though some villages may wait longer.',
    'The weather service warned that another storm could reach the coast later in the week, bringing more rain.',
    'Residents were asked to stay off the roads unless travel was necessary and to check on elderly neighbours.',
  ];
  const footer = 'Daily Example is an independent newspaper serving the region since 1901 with local reporting every day.';
  const a = page(['Council Approves Transit Budget', ...P, footer].join('\n\n'), 'https://example.com/a');
  const b = page(['Storm Closes Highway', ...other, footer].join('\n\n'), 'https://example.com/b');
  const copy = page(['Transit budget approved', ...P].join('\n\n'), 'https://other.example.org/c');
  const index = buildTemplateIndex([a, b, copy]);
  assert.equal(index.isTemplate(footer, 'https://example.com/z'), true);
  assert.equal(index.isTemplate(P[0]!, 'https://example.com/a'), false, 'shared only by copies of one article');
  const d = extractTextDraft(a, index);
  assert.deepEqual(d.paragraphs, P);
  assert.equal(reasonOf(d, footer), 'template');
});

test('date lines go to the header as metadata, never to the body or the title', () => {
  const d = run(['Council Approves Transit Budget', 'Published March 4, 2025, 9:15 a.m.', P[0]!, '12 Mar 2025', ...P.slice(1)]);
  assert.deepEqual(d.paragraphs, P);
  assert.equal(d.title, 'Council Approves Transit Budget');
  assert.equal(reasonOf(d, 'Published March 4, 2025, 9:15 a.m.'), 'metadata');
  assert.ok(d.headerLines.includes('Published March 4, 2025, 9:15 a.m.'));
  const u = run(['Council Approves Transit Budget', 'By JANE DOE Example Wire', 'Updated: 4:18 PM CEST May 21, 2025', ...P]);
  assert.equal(u.title, 'Council Approves Transit Budget');
});

test('captions with a credit of any agency: parenthesised, or a trailing "— … Photo Agency"', () => {
  const d = run([
    'Council Approves Transit Budget',
    P[0]!,
    'Buses wait at the central depot on Tuesday (Harbour Press Agency/L. Moor)',
    'The depot will get forty new buses',
    P[1]!,
    'A driver checks the timetable. (Example Photo/Jane Roe)',
    ...P.slice(2),
  ]);
  assert.deepEqual(d.paragraphs, P);
  assert.equal(reasonOf(d, 'The depot will get forty new buses'), 'caption');
  // Prose ending in an abbreviation pair is not a caption.
  const p = P[0]!.replace(/\.$/, ' (EU/EEA)');
  assert.ok(run(['Council Approves Transit Budget', p, ...P.slice(1)]).paragraphs.includes(p));
});

test('a caption fused onto the headline, and a closing "— AFP" after the last sentence', () => {
  const caption = 'Buses wait at the central depot before dawn — Lumen Photo Agency';
  const last = P[4]!.replace(/\.$/, '. — AFP');
  const d = run([`Council Approves Transit Budget ${caption}`, caption, ...P.slice(0, 4), last, 'Comments']);
  assert.equal(d.title, 'Council Approves Transit Budget');
  assert.deepEqual(d.paragraphs, P);
  assert.ok(d.removed.some((r) => r.reason === 'metadata' && r.text === '— AFP'));
});

test('title: the document title repeated as a heading wins over later labels; the site part is cut by host', () => {
  const d = run(['Council Approves Transit Budget', 'Menu', 'Council Approves Transit Budget', 'Table of Contents', ...P]);
  assert.equal(d.title, 'Council Approves Transit Budget');
  const s = run(['Daily Example - Council Approves Transit Budget', 'Daily Example', 'Start Free Trial', ...P], 'https://www.dailyexample.com/a');
  assert.equal(s.title, 'Council Approves Transit Budget');
});

test('a headline set in capitals takes the case the page prints it in elsewhere', () => {
  assert.equal(restoreCase('THE BEST CRM SOFTWARE FOR 2026', 'Home > The best CRM software for 2026\nTHE BEST CRM SOFTWARE FOR 2026'), 'The best CRM software for 2026');
  // Never printed in another case: it stays; a mixed-case title is never touched.
  assert.equal(restoreCase('THE BEST CRM SOFTWARE', 'THE BEST CRM SOFTWARE\nOther text'), 'THE BEST CRM SOFTWARE');
  assert.equal(restoreCase('Ferry link approved', 'FERRY LINK APPROVED'), 'Ferry link approved');
  assert.equal(restoreCase('NASA', 'Nasa news'), 'NASA', 'an acronym alone is no shouted headline');
  assert.equal(restoreCase(null, 'x'), null);
});
