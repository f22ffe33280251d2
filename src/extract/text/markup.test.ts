import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectMarkup, unmarkDump } from './markup.ts';
import { extractTextDraft } from './index.ts';
import { buildTemplateIndex } from './template.ts';
import type { RawPage } from '../../records/index.ts';

const page = (content: string, url: string | null = null): RawPage => ({
  source: 'x',
  url,
  format: 'text',
  content,
  fetchedAt: null,
  encoding: 'utf-8',
  bytes: content.length,
});

const BODY = [
  'The harbour authority in Vessmark approved a new ferry link to the islands on Tuesday, ending a two-year dispute over the route.',
  'The service will run four times a day from June and cost the city about 12 million crowns a year, officials said.',
  '"We have waited long enough for this connection," said Ina Marl, who chairs the islanders\' council.',
];

/** A crawler's Markdown export of a news page: menus as links, a logo image, a block link, a related list. */
const MARKDOWN = [
  '[Skip to content](#main)',
  '',
  '[',
  '',
  '![Harbour Voice logo](https://harbourvoice.example/logo.png)',
  '',
  '](https://harbourvoice.example/)',
  '',
  '-   [News](https://harbourvoice.example/news/)',
  '-   [Sport](https://harbourvoice.example/sport/ "All sport")',
  '-   [Weather](/weather)',
  '',
  '# Ferry link to the islands approved',
  '',
  'By [Tomas Reel](https://harbourvoice.example/author/reel/)',
  '',
  '![The ferry terminal at dusk](https://harbourvoice.example/img/terminal.jpg "Terminal")',
  '',
  `The harbour authority in **Vessmark** approved a [new ferry link](https://harbourvoice.example/ferry/) to the islands on Tuesday, ending a two\\-year dispute over the route.`,
  '',
  'The service will run four times a day from June and cost the city about 12 million crowns a year, officials _said_.',
  '',
  `> "We have waited long enough for this connection," said Ina Marl, who chairs the islanders' council.`,
  '',
  '* * *',
  '',
  '## Related',
  '',
  '-   [Bridge tolls to rise in autumn](https://harbourvoice.example/tolls/)',
  '-   [Port strike called off](https://harbourvoice.example/strike/)',
].join('\n');

test('a plain dump is not taken for markup, whatever brackets it holds', () => {
  const plain = ['Home', 'World', 'A headline [updated]', `${BODY[0]} [1]`, 'See [Photo] and (https://example.com/x).', 'One link [https://a.example/b] quoted.'].join('\n');
  assert.equal(detectMarkup(plain), null);
  const r = unmarkDump(plain);
  assert.equal(r.content, plain);
  assert.deepEqual(r.removed, []);
  // Two Markdown links are not yet evidence either.
  assert.equal(detectMarkup('[a](https://x.example/a) and [b](https://x.example/b)'), null);
});

test('Markdown: link text stays, targets and images go, line numbers are kept', () => {
  assert.equal(detectMarkup(MARKDOWN), 'markdown');
  const r = unmarkDump(MARKDOWN);
  const inLines = MARKDOWN.split('\n');
  const outLines = r.content.split('\n');
  assert.equal(outLines.length, inLines.length);
  assert.equal(outLines[0], 'Skip to content');
  assert.equal(outLines[2]!.trim(), '', 'the opening bracket of a block link');
  assert.equal(outLines[4]!.trim(), '', 'the logo image');
  assert.equal(outLines[6]!.trim(), '', 'the close of the block link');
  assert.equal(outLines[8], 'News', 'bullets go: innerText shows none');
  assert.equal(outLines[9], 'Sport', 'a link title goes with its target');
  assert.equal(outLines[12], 'Ferry link to the islands approved');
  assert.equal(outLines[14], 'By Tomas Reel');
  assert.equal(outLines[18], BODY[0], 'emphasis, escapes and inline links read as text');
  assert.equal(outLines[20], BODY[1]);
  assert.equal(outLines[22], BODY[2], 'a quote keeps its words, not its marker');
  assert.equal(outLines[24], '', 'a thematic break');
  assert.equal(outLines[26], 'Related');
  // What went is reported with its line: the targets of line 9, the image of line 17.
  const byLine = new Map(r.removed.map((x) => [x.line, x]));
  assert.equal(byLine.get(9)?.reason, 'markup');
  assert.match(byLine.get(9)!.text, /^https:\/\/harbourvoice\.example\/news\/$/);
  assert.match(byLine.get(17)!.text, /^!\[The ferry terminal at dusk\]\(https:\/\/harbourvoice\.example\/img\/terminal\.jpg/);
  assert.ok(!byLine.has(13), 'a heading mark is not content and is not reported');
  // Link density, as HTML gives it: a menu item is all link text, a sentence with one link little.
  assert.equal(r.linkShare![8], 1);
  assert.ok(r.linkShare![18]! > 0 && r.linkShare![18]! < 0.2, `share ${r.linkShare![18]}`);
  assert.equal(r.linkShare![20], 0);
});

test('Markdown tables read as tab-separated cells and their rule line goes', () => {
  const md = ['[a](/a) [b](/b) [c](/c)', '', '| Party | Seats |', '|---|:---:|', '| Greens | 12 |'].join('\n');
  const out = unmarkDump(md).content.split('\n');
  assert.deepEqual(out.slice(2), ['Party\tSeats', '', 'Greens\t12']);
});

test('link targets printed after the link text go; a full stop wrapped after one returns to its sentence', () => {
  const dump = [
    'Home [https://site.example/] World [/world] Sport [/sport]',
    '',
    'Logo',
    '[https://site.example/logo.png]',
    '',
    'The council approved the plan on Tuesday, the mayor said in a statement on her',
    'website [https://site.example/mayor/statement?id=4]',
    '[https://site.example/mayor/statement?id=4].',
    'Work starts in June.',
    '--------------------------------------------------------------------------------',
  ].join('\n');
  assert.equal(detectMarkup(dump), 'link-targets');
  const r = unmarkDump(dump);
  const out = r.content.split('\n');
  assert.equal(out.length, 10);
  assert.equal(out[9], '', 'an <hr> drawn as dashes');
  assert.equal(out[0], 'Home World Sport');
  assert.equal(out[3], '');
  assert.equal(out[6], 'website.');
  assert.equal(out[7], '');
  assert.equal(out[8], 'Work starts in June.');
  assert.deepEqual(
    r.removed.map((x) => x.line),
    [1, 4, 7, 8],
  );
  assert.equal(r.removed[0]!.text, '[https://site.example/] [/world] [/sport]');
  // Where a link starts is not marked: a short line ending in its target counts as one link.
  assert.equal(r.linkShare![0], 1);
  assert.equal(r.linkShare![5], 0);
  assert.equal(r.linksPerLine![0], 3);
});

test('the text extractor reads a Markdown dump as the page it renders', () => {
  const draft = extractTextDraft(page(MARKDOWN), null);
  assert.equal(draft.title, 'Ferry link to the islands approved');
  assert.deepEqual(draft.paragraphs, BODY);
  // The menu's lines are all link text: navigation, as a link-dense block is in HTML.
  for (const line of [9, 10, 11]) assert.equal(draft.removed.find((r) => r.line === line && r.reason !== 'markup')?.reason, 'nav', `line ${line}`);
  const markup = draft.removed.filter((r) => r.reason === 'markup');
  assert.ok(markup.some((r) => r.line === 17 && r.text.includes('terminal.jpg')));
  for (const r of draft.removed) assert.ok(!/\]\(|https?:/.test(r.reason === 'markup' ? '' : r.text), `markup left in a removed line: ${r.text}`);
  // Removed entries stay in line order.
  const lines = draft.removed.map((r) => r.line!);
  assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
});

test('template evidence sees the menus of Markdown dumps as the lines a reader sees', () => {
  // Five articles of one site share the menu; each line of it is a link there.
  const pages = ['ferry', 'tolls', 'strike', 'budget', 'school'].map((slug, i) =>
    page(
      [
        '-   [News](https://harbourvoice.example/news/)',
        '-   [Sport](https://harbourvoice.example/sport/)',
        '-   [Weather](https://harbourvoice.example/weather/)',
        '',
        `# Story ${slug}`,
        '',
        `Story number ${i} about the ${slug} has its own long paragraph of reporting with quite a few words in it to read as prose.`,
      ].join('\n'),
      `https://harbourvoice.example/${slug}/`,
    ),
  );
  const index = buildTemplateIndex(pages);
  assert.equal(index.isTemplate('- Sport', 'https://harbourvoice.example/ferry/'), true);
  assert.equal(index.isTemplate('Sport', 'https://harbourvoice.example/ferry/'), true);
});

test('runs of brackets that never close a target are left as they are', () => {
  // Each try at a "[" ends at the next one: linear, where a try running to the line's end was not.
  assert.equal(detectMarkup('[/'.repeat(50000)), null);
  const dump = `Home [/] News [/news] Sport [/sport]\n${'[/'.repeat(50000)}`;
  const r = unmarkDump(dump);
  assert.equal(r.markup, 'link-targets');
  assert.equal(r.content.split('\n')[1], '[/'.repeat(50000));
});

test('emphasis marks go where they open or close words; other stars and underscores stay', () => {
  const links = '[a](/a) [b](/b) [c](/c)\n';
  const cases: Array<[string, string]> = [
    ['**bold** and _em_ and *star*', 'bold and em and star'],
    ['**Seka Moving**, a firm', 'Seka Moving, a firm'],
    ['***both***', 'both'],
    ['snake_case stays', 'snake_case stays'],
    ['5 * 3 = 15', '5 * 3 = 15'],
    ['escaped \\*stars\\* stay', 'escaped *stars* stay'],
    // Unclosed delimiters on a long line are read one by one (a lazy pairing pattern was quadratic).
    ['**a '.repeat(5000).trim(), 'a '.repeat(5000).trim()],
  ];
  for (const [md, plain] of cases) assert.equal(unmarkDump(links + md).content.split('\n')[1], plain);
});

/** A page as `lynx -dump` prints it: link head, numbered markers, widgets, nested bullets, the list of targets. */
const LYNX = [
  '#[1]Harbour Voice » Feed [2]Harbour Voice » Comments Feed [3]Harbour Voice »',
  'Ferry link approved Comments Feed',
  '',
  'IFRAME: [4]//www.googletagmanager.com/ns.html?id=GTM-XXXX',
  '',
  '[5]Harbour Voice (BUTTON) Menu',
  '  * [6]News',
  '     + [7]Local',
  '  * [8]Sport',
  '',
  'Ferry link to the islands approved',
  '',
  `${BODY[0]!.replace('new ferry link', '[9]new ferry link')}`,
  '',
  BODY[1]!,
  '',
  'Email Address * ____________________',
  '[ ] Keep me signed in',
  '',
  'References',
  '',
  '   Visible links:',
  '   1. https://harbourvoice.example/feed/',
  '   5. https://harbourvoice.example/',
  '   9. https://harbourvoice.example/ferry/',
  '',
  '   Hidden links:',
  '  10. https://harbourvoice.example/search',
].join('\n');

test('a text browser dump: markers, widgets, link head, frames and the list of targets go', () => {
  assert.equal(detectMarkup(LYNX), 'lynx');
  const r = unmarkDump(LYNX);
  const out = r.content.split('\n');
  assert.equal(out.length, LYNX.split('\n').length);
  assert.deepEqual(out.slice(0, 4).map((l) => l.trim()), ['', '', '', ''], 'the <link> head and the frame');
  assert.equal(out[5]!.trim(), 'Harbour Voice  Menu');
  assert.deepEqual(out.slice(6, 9), ['News', 'Local', 'Sport']);
  assert.equal(out[12], BODY[0]);
  assert.equal(out[16]!.trim(), 'Email Address *');
  assert.equal(out[17]!.trim(), 'Keep me signed in');
  assert.ok(out.slice(19).every((l) => l === ''), 'the list of targets');
  const reported = r.removed.map((x) => x.line);
  for (const line of [1, 2, 4, 20, 23, 28]) assert.ok(reported.includes(line), `line ${line} reported`);
  assert.equal(r.linkShare![6], 1, 'a menu item is one link');
  // Markers without the closing list are no evidence: "[1]" footnotes in an innerText dump stay.
  assert.equal(detectMarkup('A claim.[1] Another.[2] A third.[3]\n\nNotes\n1. A source'), null);
});
