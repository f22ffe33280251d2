import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletFromFooter, outletFromTitleLine, outletFromUrl } from './outlet.ts';

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
