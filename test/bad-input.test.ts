/**
 * Bad input end to end: a folder mixing good pages (fictional articles written here) with empty,
 * binary, oversized, legacy-encoded, BOM/CRLF, UTF-16, broken-gzip and malformed-HTML files. Every file
 * gets its error code or a correct decode, nothing throws, and every good page becomes an article.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs, type IngestItem } from '../src/ingest/index.ts';
import { runExtract } from '../src/pipeline/index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../src/extract/index.ts';

/** Small enough that the "huge" file is over it, big enough for every good page. */
const MAX_BYTES = 64 * 1024;

const LIBRARY = [
  'Riverside library reopens after flood repairs',
  'The Riverside branch library reopened on Tuesday after eight months of repairs, following the spring flood that soaked its ground floor and ruined more than four thousand books.',
  'Librarians spent the winter sorting what could be saved. Volunteers dried maps and local newspapers page by page in a borrowed school gym, and a conservator rebound the oldest parish records.',
  'The rebuilt reading room sits a metre higher than before, and the children’s corner has moved upstairs. “We wanted the most loved part of the building out of reach of the river,” the branch manager said.',
  'The council paid for most of the work from its emergency fund, while residents raised the rest at bake sales and a sponsored swim across the harbour in October.',
];
const FERRY = [
  'Harbour ferry adds night crossings for shift workers',
  'The harbour ferry will run every forty minutes through the night from next month, the transport authority said, answering a long campaign by hospital and port staff who finish late.',
  'Until now the last boat left the north pier shortly after midnight, leaving workers to take a taxi or a ninety-minute bus ride around the bay.',
  'The authority expects about six hundred passengers a night at first. Two older boats will be refitted with better lighting and heated cabins before the service begins.',
  'Union representatives welcomed the plan but asked for a guarantee that the night crossings would survive the next budget review.',
];
const CAFE = [
  'Café owners fight plan to close old market street',
  'Owners of the six cafés on Market Lane say a plan to close the street to delivery vans before noon would force them to throw away fresh bread and milk every morning.',
  '“We open at seven, the bakery van comes at eight,” said the owner of the oldest café, who has run it for twenty-two years. “After noon nobody wants a croissant.”',
  'The planning office says the closure would make the lane safer for the primary school at its far end, where parents have complained about vans reversing onto the pavement.',
  'A public meeting on the proposal is set for the end of the month, and the café owners have collected nine hundred signatures against it.',
];
const ORCHESTRA = [
  'School orchestra wins regional prize with a piece by its own pupil',
  'The orchestra of Hillcrest Secondary School won first prize at the regional youth music festival on Saturday, playing a suite written by one of its own sixteen-year-old violinists.',
  'The judges praised the suite’s slow second movement and the confidence of the brass section, which had only four players two years ago and now has eleven.',
  'The prize brings a grant for new instruments and a place at the national festival in the summer, where the orchestra will play the suite again.',
  'The young composer said she wrote most of it on the bus to school, humming the tunes into her phone so she would not forget them.',
];
const BIKES = [
  'Council approves protected bike lanes on two main roads',
  'The city council voted on Thursday to build protected bike lanes along Station Road and the ring road, after a year of consultation and two trial closures that drew large crowds of cyclists.',
  'The lanes will be separated from traffic by low concrete kerbs, and twelve junctions will get new signals that give cyclists a head start on turning cars.',
  'Shop owners on Station Road had worried about losing parking. The final plan keeps loading bays on side streets and moves forty parking spaces to a nearby car park.',
  'Work on the first section is due to start in the spring and should take about five months, the council’s transport committee said.',
];
const RESCUE = [
  'Mountain rescue team trains three new search dogs',
  'The valley mountain rescue team has begun training three young search dogs, which will join its two older dogs on callouts from next winter if they pass their assessments.',
  'The dogs learn to find people buried under snow by scent alone. Handlers hide in snow caves on the lower slopes while the dogs work the ground in wide zigzags.',
  'Training a dog takes about two years and costs the volunteer team several thousand euros, most of it raised by a yearly hill race that starts in the village square.',
  'Last season the team answered more than sixty calls, most of them for walkers who had lost the path in fog on the ridge above the lake.',
];

/** A rendered page as a scraper dumps it: chrome lines, headline, date, body, footer. */
function textDump(story: string[], site: string): string {
  const [title, ...body] = story;
  return [site, 'Home > Local > News', 'Menu', 'Search', title, 'Published 4 March 2024', '', ...body.flatMap((p) => [p, '']), 'Share this article', `© 2024 ${site}. All rights reserved.`].join('\n');
}

function htmlPage(story: string[], site: string): string {
  const [title, ...body] = story;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | ${site}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1><time datetime="2024-03-04">4 March 2024</time>
${body.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>© 2024 ${site}</footer></body></html>`;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

/** Windows-1252 bytes for a string whose characters all exist in 1252 (the test's own encoder). */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '“': 0x93, '”': 0x94, '‘': 0x91, '’': 0x92, '–': 0x96, '—': 0x97, '…': 0x85, '€': 0x80 };
  return Buffer.from([...text].map((c) => high[c] ?? (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : assert.fail(`no 1252 byte for ${c}`))));
}

interface Case {
  name: string;
  bytes: Buffer;
  /** An error code, or the text the decoded page must contain. */
  expect: { code: string } | { contains: string; encoding: string; format: 'text' | 'html' };
  /** A good page: the run must make an article of it. */
  good?: boolean;
}

function cases(): Case[] {
  const gzHtml = gzipSync(htmlPage(FERRY, 'Harbour Post'));
  const malformed = htmlPage(RESCUE, 'Valley Echo').replace(/<\/p>/g, '').replace('</article><footer>© 2024 Valley Echo</footer></body></html>', '<div class="foot');
  return [
    { name: 'good-library.txt', bytes: Buffer.from(textDump(LIBRARY, 'Riverside Chronicle')), expect: { contains: 'Riverside branch library reopened', encoding: 'utf-8', format: 'text' }, good: true },
    { name: 'good-ferry.html', bytes: Buffer.from(htmlPage(FERRY, 'Harbour Post')), expect: { contains: 'night crossings', encoding: 'utf-8', format: 'html' }, good: true },
    { name: 'good-ferry-copy.html.gz', bytes: gzHtml, expect: { contains: 'night crossings', encoding: 'utf-8', format: 'html' }, good: true },
    { name: 'empty.txt', bytes: Buffer.alloc(0), expect: { code: 'empty' } },
    { name: 'whitespace.txt', bytes: Buffer.from('  \n\t\r\n   \n'), expect: { code: 'empty' } },
    { name: 'image.html', bytes: PNG, expect: { code: 'binary' } },
    { name: 'huge.txt', bytes: Buffer.alloc(MAX_BYTES + 1024, textDump(LIBRARY, 'Riverside Chronicle')), expect: { code: 'too_large' } },
    { name: 'cp1252.txt', bytes: windows1252(textDump(CAFE, 'Market Weekly')), expect: { contains: '“We open at seven, the bakery van comes at eight,”', encoding: 'windows-1252', format: 'text' }, good: true },
    {
      name: 'bom-crlf.txt',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(textDump(ORCHESTRA, 'Hillcrest Herald').replace(/\n/g, '\r\n'))]),
      expect: { contains: 'Hillcrest Herald\nHome > Local', encoding: 'utf-8', format: 'text' },
      good: true,
    },
    {
      name: 'utf16le.txt',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(textDump(BIKES, 'City Ledger'), 'utf16le')]),
      expect: { contains: 'protected bike lanes along Station Road', encoding: 'utf-16le', format: 'text' },
      good: true,
    },
    { name: 'truncated.html.gz', bytes: gzHtml.subarray(0, Math.floor(gzHtml.length / 2)), expect: { code: 'decode_failed' } },
    { name: 'malformed.html', bytes: Buffer.from(malformed), expect: { contains: 'three young search dogs', encoding: 'utf-8', format: 'html' }, good: true },
  ];
}

function setup(t: { after: (fn: () => void) => void }): { dir: string; all: Case[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bad-input-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const all = cases();
  for (const c of all) writeFileSync(join(dir, c.name), c.bytes);
  return { dir, all };
}

test('each bad input gets its error code and each odd encoding decodes correctly', async (t) => {
  const { dir, all } = setup(t);
  const items: IngestItem[] = [];
  for await (const item of readInputs([dir], { maxBytes: MAX_BYTES })) items.push(item);
  assert.equal(items.length, all.length);
  const bySource = new Map(items.map((i) => [(i.ok ? i.page.source : i.source).slice(dir.length + 1), i]));
  for (const c of all) {
    const item = bySource.get(c.name);
    assert.ok(item, `${c.name}: no item`);
    if ('code' in c.expect) {
      assert.ok(!item.ok, `${c.name}: expected ${c.expect.code}, got a page`);
      assert.equal(item.error.code, c.expect.code, `${c.name}: ${item.error.message}`);
      assert.ok(item.error.message.length > 0);
    } else {
      assert.ok(item.ok, `${c.name}: expected a page, got ${JSON.stringify(!item.ok && item.error)}`);
      assert.equal(item.page.encoding, c.expect.encoding, c.name);
      assert.equal(item.page.format, c.expect.format, c.name);
      assert.ok(item.page.content.includes(c.expect.contains), `${c.name}: decoded text lacks ${JSON.stringify(c.expect.contains)}`);
      assert.ok(!item.page.content.includes('\r'), `${c.name}: CR left in the text`);
      assert.notEqual(item.page.content.charCodeAt(0), 0xfeff, `${c.name}: BOM left in the text`);
    }
  }
  const gz = bySource.get('truncated.html.gz');
  assert.ok(gz && !gz.ok);
  assert.match(gz.error.message, /truncated or corrupt gzip/);
});

test('a run over the folder gives one result per file and extracts every good page', async (t) => {
  const { dir, all } = setup(t);
  const run = await runExtract(readInputs([dir], { maxBytes: MAX_BYTES }), { extract: { ...DEFAULT_EXTRACT_OPTIONS, maxChars: MAX_BYTES } });
  assert.equal(run.results.length, all.length);
  assert.equal(run.summary.pages, all.length);
  for (const c of all) {
    const r = run.results.find((x) => x.source.endsWith(`/${c.name}`));
    assert.ok(r, `${c.name}: no result`);
    if (c.good) {
      assert.ok(r.ok, `${c.name}: expected an article, got ${JSON.stringify(!r.ok && r.error)}`);
      assert.ok(r.wordCount >= 60, `${c.name}: only ${r.wordCount} words`);
    } else {
      assert.ok(!r.ok, `${c.name}: a bad input became an article`);
      assert.equal(r.id.length, 16);
    }
  }
  const cafe = run.results.find((r) => r.source.endsWith('cp1252.txt'));
  assert.ok(cafe?.ok && cafe.text.includes('“We open at seven'), 'the 1252 smart quotes survive into the article');
  assert.deepEqual(run.summary.byCode, { empty: 2, binary: 1, too_large: 1, decode_failed: 1 });
});
