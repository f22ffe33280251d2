import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WIRE_COPY_NOTICE, WIRE_COPY_NOTICE_OPENING_ANY_CASE } from './tables.ts';
import { footerMarkedLines, outletFromFooter, outletFromPhotoCredit, outletFromTitleDash, outletFromTitleLine, outletFromUrl } from './outlet.ts';

test('title-line site suffixes, skipping dates and taglines', () => {
  assert.equal(outletFromTitleLine('Talks begin | Europe| News and analysis of events in Europe | DW | 05.12.2016'), 'DW');
  assert.equal(outletFromTitleLine('Talks begin | The Daily Example'), 'The Daily Example');
  assert.equal(outletFromTitleLine('Talks begin | Deutsche Welle'), 'DW');
});

test('dash suffixes and taglines are not read as sites', () => {
  assert.equal(outletFromTitleLine('Talks begin — Reuters'), null);
  assert.equal(outletFromTitleLine('Talks begin'), null);
  assert.equal(outletFromTitleLine('Jane Doe | Senior Writer | July 2, 2025'), null);
  assert.equal(outletFromTitleLine('Talks begin | News and analysis of events in the world today'), null);
});

test('footers that speak in the site’s name', () => {
  assert.equal(outletFromFooter('Example Post strives to deliver the most accurate information to its readers.'), 'Example Post');
  assert.equal(outletFromFooter('© 2024 The Daily Example. All rights reserved.'), 'The Daily Example');
  assert.equal(outletFromFooter('Copyright © 2024 Example Media Ltd. All rights reserved.'), 'Example Media');
  assert.equal(outletFromFooter('The Daily Example © 2024'), 'The Daily Example');
  assert.equal(outletFromFooter('© Copyright Example Media Limited'), 'Example Media');
  assert.equal(outletFromFooter('Copyright© 2026 Example Diamond Singapore Pte. Ltd. All Rights Reserved.'), 'Example Diamond Singapore');
  assert.equal(outletFromFooter('© 2026 Jane Q. Public · Privacy · Terms'), 'Jane Q. Public');
  assert.equal(outletFromFooter('© 2016 Thomson Reuters'), 'Reuters');
});

test('prose and bare copyright lines name no outlet', () => {
  assert.equal(outletFromFooter('Rebels strives to hold the city, a commander said.'), null);
  assert.equal(outletFromFooter('All rights reserved.'), null);
  assert.equal(outletFromFooter('Copyright Policy'), null);
  assert.equal(outletFromFooter('About Us'), null);
  assert.equal(outletFromFooter('Subscribe to Our Newsletter'), null);
  assert.equal(outletFromFooter('Example Edge 2026'), null);
  assert.equal(outletFromFooter('The talks went on until late at night.'), null);
});

test('URL outlets come with the URL as evidence', () => {
  assert.deepEqual(outletFromUrl('https://www.aljazeera.com/news/x'), { value: 'Al Jazeera', evidence: 'https://www.aljazeera.com/news/x' });
  assert.equal(outletFromUrl('https://example.com/x'), null);
});

test('dash title suffixes only when confirmed, never a wire', () => {
  assert.equal(outletFromTitleDash('Dam gives way above the town - Harbour Lantern', () => true), 'Harbour Lantern');
  assert.equal(outletFromTitleDash('Zahl der Toten steigt – Examplekurier', () => true), 'Examplekurier');
  assert.equal(outletFromTitleDash('Dam gives way above the town - Harbour Lantern', () => false), null);
  assert.equal(outletFromTitleDash('Talks begin — Reuters', () => true), null, 'a wire credits the copy');
  assert.equal(outletFromTitleDash('Talks begin - 05.12.2016', () => true), null);
  assert.equal(outletFromTitleDash('Talks begin - and the talks went on into the night', () => true), null);
  assert.equal(outletFromTitleDash('Talks begin without a dash', () => true), null);
});

test('copyright lines with the year after the name', () => {
  assert.equal(outletFromFooter('© Examplekurier 2025'), 'Examplekurier');
  assert.equal(outletFromFooter('© Harbour Gazette, 2024'), 'Harbour Gazette');
});

test('photographers credited "for" a site', () => {
  assert.equal(outletFromPhotoCredit('Ana Brill for Harbour Daily'), 'Harbour Daily');
  assert.equal(outletFromPhotoCredit('Photo: Ana Brill for The Harbour Gazette'), 'The Harbour Gazette');
  assert.equal(outletFromPhotoCredit('Ana Brill for Reuters'), 'Reuters');
  assert.equal(outletFromPhotoCredit('Practical Tips for Shoppers'), null, 'a heading');
  assert.equal(outletFromPhotoCredit('Optimizing Short Videos for SEO'), null, 'a topic acronym');
  assert.equal(outletFromPhotoCredit('The Partnership for Student Success'), null);
  assert.equal(outletFromPhotoCredit('She said she voted for the Harbour Party last year.'), null);
});

test('footer-marked lines: each line holding a mark, once, in order, wherever the mark sits', () => {
  const content = [
    'aims to please', // a mark at the very start of the page
    'Top story',
    '',
    'We are committed to truth. Copyright 2024 © Example',
    'Stories that lives and gives', // "ves" alone is not "strives"
    'Example Post strives to deliver\r',
    '(c) Example',
    'Endeavour',
    'dedicated',
  ].join('\n');
  assert.deepEqual(footerMarkedLines(content, content.split('\n')), [
    'aims to please',
    'We are committed to truth. Copyright 2024 © Example',
    'Example Post strives to deliver\r',
    '(c) Example',
    'dedicated',
  ]);
  assert.deepEqual(footerMarkedLines('No marks here', ['No marks here']), []);
});

test("a wire's redistribution notice passes the cheap test before its pattern, in any case", () => {
  for (const line of [
    'This material may not be published, broadcast, rewritten or redistributed.',
    'THIS MATERIAL MAY NOT BE PUBLISHED',
    'It May Not Be Reproduced without permission',
    '© 2025 Reuters. mAy NoT bE redistributed',
  ]) {
    assert.equal(WIRE_COPY_NOTICE.test(line), true, line);
    assert.equal(WIRE_COPY_NOTICE_OPENING_ANY_CASE.test(line), true, line);
  }
  assert.equal(WIRE_COPY_NOTICE_OPENING_ANY_CASE.test('This may be published.'), false);
});
