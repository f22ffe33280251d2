import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wrapJoins, wrapWidth } from './wrap.ts';
import { extractTextDraft } from './index.ts';
import type { RawPage } from '../../records/index.ts';

/** Greedy word wrap at `width` columns, as text browsers and html-to-text do it. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

const PARAGRAPHS = [
  'The harbour authority in Vessmark approved a new ferry link to the outer islands on Tuesday, ending a dispute over the route that had run for two years and divided the council.',
  'The service will run four times a day from June and cost the city about 12 million crowns a year, officials said, with the regional government paying a third of the bill.',
  '"We have waited long enough for this connection," said Ina Marl, who chairs the islanders\' council and led the campaign for the route since the old ferry stopped running.',
  'Work on the new pier at the northern end of the harbour begins next month, and the operator expects to hire forty crew members and station staff before the first sailing.',
];

const page = (content: string): RawPage => ({ source: 'x', url: null, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length });

test('the width of a wrapped dump is found; an unwrapped one has none', () => {
  const wrapped = PARAGRAPHS.flatMap((p) => [...wrap(p, 72), '']);
  assert.ok((wrapWidth(wrapped) ?? 0) >= 64 && wrapWidth(wrapped)! <= 72, `width ${wrapWidth(wrapped)}`);
  assert.equal(wrapWidth(PARAGRAPHS.flatMap((p) => [p, ''])), null);
  // Short menu lines alone are no evidence of wrapping.
  assert.equal(wrapWidth(['Home', 'World', 'Business', 'Sport', 'Culture', 'Opinion', 'Video', 'Podcasts']), null);
});

test('wrapped lines join back into their paragraphs, and nothing else joins', () => {
  const lines = ['Ferry link approved', '', ...PARAGRAPHS.flatMap((p) => [...wrap(p, 72), ''])];
  const joins = wrapJoins(lines)!;
  assert.ok(joins);
  let at = 2;
  for (const p of PARAGRAPHS) {
    const n = wrap(p, 72).length;
    assert.equal(joins[at], 0, 'a paragraph opens its own line');
    for (let k = 1; k < n; k++) assert.equal(joins[at + k], 1, `line ${at + k} continues`);
    at += n + 1;
  }
  assert.equal(joins[0], 0);
});

test('list items, cut teasers and menu lines are not joined', () => {
  const base = PARAGRAPHS.flatMap((p) => [...wrap(p, 72), '']);
  // Each of these fills its line to the width, and the next line's first word would not fit after it.
  const lines = [
    ...base,
    'The council also discussed the budget for the coming year and plans for',
    '* harbour works, listed below in full as the council approved them.',
    'Many people dream of becoming ferry captains, and the hardest part is...',
    'Letting technology do the heavy lifting for certain monotonous tasks...',
    'Home About Contact News Sport Weather Culture Opinion Podcasts Videos',
    'Archive',
  ];
  for (const l of lines.slice(-6, -1)) assert.ok(l.length >= 60 && l.length <= 72, `${l.length}: ${l}`);
  const links = new Uint16Array(lines.length);
  links[lines.length - 2] = 9;
  const joins = wrapJoins(lines, links)!;
  const n = base.length;
  assert.equal(joins[n + 1], 0, 'a bullet opens a new item');
  assert.equal(joins[n + 3], 0, 'a teaser cut with "..." ends its line');
  assert.equal(joins[n + 5], 0, 'a line of links is a menu');
  assert.equal(wrapJoins(lines)![n + 5], 1, 'without the link counts the same lines would join');
});

test('the text extractor reads a hard-wrapped dump as paragraphs', () => {
  const dump = ['Ferry link to the islands approved', '', ...PARAGRAPHS.flatMap((p) => [...wrap(p, 72), ''])].join('\n');
  const draft = extractTextDraft(page(dump), null);
  assert.deepEqual(draft.paragraphs, PARAGRAPHS);
  assert.equal(draft.title, 'Ferry link to the islands approved');
});
