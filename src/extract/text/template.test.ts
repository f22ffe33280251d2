import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawPage } from '../../records/index.ts';
import { SEEDS_DIR } from '../../../eval/lib.ts';
import { buildTemplateIndex, indexByHashes, indexByStrings, keyOfSlice, keyOfString, normaliseLine, type LineIndex, type LineKey } from './template.ts';

const EXAMPLES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'examples');

// Lines at the edges of the hashing path: case, runs of spaces, other white space, list markers,
// digits, and code units whose lower case is not one context-free unit.
const TRICKY = [
  'Read More', 'read more', 'READ  MORE', '  read more  ', 'read\tmore', 'read\u00a0more', 'read more\r', '* Read more',
  '*Read more', '-  read more', '- ', '-', '12. Read more', '123) read more', '1234. read more', '12.read more', '7 read more',
  '• Read more', '– Read more', '— read more', '· read more', '© 2025 Example', '“Quoted” line', 'It’s here', 'ÉLAN VITAL',
  'İstanbul news', 'ΟΔΥΣΣΕΥΣ ΣΤΟ', 'οδυσσευς στο', '\u212Aelvin', 'kelvin', 'emoji 😀 line', 'zero\u200bwidth', 'x',
  'a b', ' a ', 'ŒUVRE', 'STRASSE ẞ', 'Ｆｕｌｌ ｗｉｄｔｈ', '\u2028sep', 'tab\tinside  and  spaces', '(c) 2024 Site',
  // No-break spaces and tabs (which make the whole line collapse), beside markers and other white space.
  '\u00a0Read more', 'Read more\u00a0', 'read \u00a0 more', '*\u00a0Read more', '-\tread more', '•\u00a0read more',
  '•read more', '–', '— ', '· \tx', '12.\u00a0read more', '3)\tread', '\t\u00a0\t', 'a\u00a0b\u2028c', 'a\tb\rc',
  'a\u00a0b\u202fc', '•\u2028x', '\u212Aelvin\u00a0x', '\u00a0© 2025', '\u200d\u00a0x', 'x\u00a0\u00a0', '\ufeffx y',
  // Other white space inside, which stays or becomes a space as the line's indentation decides.
  'a\u2028b c', 'Wide\u3000gap here', '* a\u2028b c', 'ΣΟΦΙΑ ΣΤΟ ΣΠΙΤΙ ΤΗΣ ΜΕΓΑΛΗΣ ΠΟΛΗΣ ΣΗΜΕΡΑ',
];

function samplePages(): RawPage[] {
  const texts: string[] = [];
  for (const dir of [EXAMPLES, SEEDS_DIR]) {
    if (!existsSync(dir)) {
      console.warn(`${dir} not found: template index checked without it`);
      continue;
    }
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  // Pages that share the tricky lines in different raw forms, so the same normalised line recurs.
  for (let i = 0; i < 6; i++) texts.push(TRICKY.map((l, j) => ((i + j) % 3 === 0 ? l.toUpperCase() : (i + j) % 3 === 1 ? `  ${l}` : l)).join('\n'));
  return texts.map((content, i) => ({
    source: `p${i}`,
    url: `https://site${i % 3}.example/a${i}`,
    format: 'text',
    content,
    fetchedAt: null,
    encoding: 'utf-8',
    bytes: content.length,
  }));
}

test('a line hashed as read has the key of its normalised string', () => {
  const lines = [...TRICKY];
  for (const p of samplePages()) lines.push(...p.content.split('\n'));
  let hashed = 0;
  const a: LineKey = { h1: 0, h2: 0, length: 0, words: 0 };
  const b: LineKey = { h1: 0, h2: 0, length: 0, words: 0 };
  for (const raw of lines) {
    const want = keyOfString(normaliseLine(raw), b);
    // Inside a longer text too: the slice bounds are respected.
    const padded = `x\n${raw}\ny`;
    for (const got of [keyOfSlice(raw, 0, raw.length, a), keyOfSlice(padded, 2, 2 + raw.length, a)]) {
      if (got === false) continue;
      hashed++;
      assert.deepEqual({ ...got }, { ...want }, JSON.stringify(raw));
    }
  }
  assert.ok(hashed > lines.length, 'most lines take the hashing path');
  assert.equal(keyOfSlice('ΟΔΥΣΣΕΥΣ', 0, 8, a), false, 'capital sigma takes the string path');
  assert.equal(keyOfSlice('İstanbul', 0, 8, a), false, 'dotted capital I takes the string path');
});

test('normaliseLine is lower case, white space collapsed and trimmed, and one list marker gone', () => {
  // The definition the fast paths are held to: collapsed only when a tab, a no-break space or two
  // spaces in a row say so (other white space stays otherwise).
  const reference = (line: string): string => {
    let s = line.toLowerCase();
    if (/[\t\u00a0]| {2}/.test(s)) s = s.replace(/\s+/g, ' ');
    return s.trim().replace(/^(?:[*•·–—-]|\d{1,3}[.)])\s+/, '');
  };
  const lines = [...TRICKY];
  for (const m of ['*', '•', '·', '–', '—', '-', '1.', '12)', '123.', '1234.', 'a.', 'Ω', '§', '"', '(', 'é', 'Ж', '中']) lines.push(`${m} Item`, `${m}Item`, ` ${m}\titem`);
  for (const p of samplePages()) lines.push(...p.content.split('\n'));
  for (const line of lines) assert.equal(normaliseLine(line), reference(line), JSON.stringify(line));
});

/**
 * A line index's recurring lines as [line, prose, pages], sorted; lines neither prose nor short
 * enough to be template are left out (the string-keyed index never lists them, and no verdict reads them).
 */
function recurringLines(index: LineIndex): [string, boolean, number[]][] {
  const out: [string, boolean, number[]][] = [];
  for (let i = 0; i < index.count; i++) {
    const line = index.lineOf(i);
    if (index.prose[i] === 0 && line.length > 400) continue;
    out.push([line, index.prose[i] === 1, [...index.pages.subarray(index.pagesFrom[i], index.pagesFrom[i + 1])]]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Asserts that the hashed line index lists what the string-keyed one lists; returns the recurring lines. */
function assertSameLineIndex(pages: RawPage[]): [string, boolean, number[]][] {
  const byStrings = indexByStrings(pages);
  const byHashes = indexByHashes(pages);
  assert.ok(byHashes !== null);
  const want = recurringLines(byStrings);
  assert.deepEqual(recurringLines(byHashes), want);
  // Prose as the index counts it: 12 or more runs of other than space and tab.
  for (const [line, prose] of want) assert.equal(prose, line.split(/[ \t]+/).filter((w) => w !== '').length >= 12, line);
  // Prose counts need be exact for pages holding three or more prose lines that 50 pages or fewer
  // hold (no other page can be paired as a copy).
  const sharing = new Map<number, number>();
  for (const [, prose, list] of want) if (prose && list.length <= 50) for (const pi of list) sharing.set(pi, (sharing.get(pi) ?? 0) + 1);
  for (const [pi, n] of sharing) if (n >= 3) assert.equal(byHashes.proseCount[pi], byStrings.proseCount[pi], `prose lines of page ${pi}`);
  return want;
}

test('the hashed line index is the string-keyed one', () => {
  const pages = samplePages();
  const shared = assertSameLineIndex(pages);
  assert.ok(shared.length >= TRICKY.length / 2, 'the sample pages share lines');
  const fast = buildTemplateIndex(pages);
  const slow = buildTemplateIndex(pages, indexByStrings(pages));
  for (const p of pages) {
    for (const line of p.content.split('\n')) assert.equal(fast.isTemplate(line, p.url), slow.isTemplate(line, p.url), JSON.stringify(line));
  }
  assert.equal(fast.isTemplate('read more', 'https://site0.example/x'), true);
});

test('the hashed index stays right when its table grows mid-run', () => {
  // 60 pages of 80 lines: 4,800 distinct lines, past the smallest table, with lines every page shares
  // and lines a few pages share, listed before and after the table grows.
  const pages: RawPage[] = [];
  for (let p = 0; p < 60; p++) {
    const lines: string[] = ['Skip to content', `Section ${p % 4} news`];
    for (let l = 0; l < 80; l++) lines.push(`Page ${p} line ${l} says something of its own about item ${l * 7 + p}`);
    lines.push(`Shared footer of group ${p % 5}`, 'All rights reserved');
    const content = lines.join('\n');
    pages.push({ source: `g${p}`, url: `https://g${p % 2}.example/${p}`, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length });
  }
  const shared = assertSameLineIndex(pages);
  assert.equal(shared.length, 2 + 4 + 5);
  // An index stays readable after the next build (which reuses the table).
  const index = indexByHashes(pages)!;
  const before = recurringLines(index);
  indexByHashes(samplePages());
  assert.deepEqual(recurringLines(index), before);
});

test('lines that share their ends, spellings of one line and indented copies are told apart as strings are', () => {
  // A site's lists of places (same first and last words, another middle), one menu item in several
  // spellings and depths, and lines whose inside white space makes the indentation matter.
  // (More of them than a group is walked for: past that, they are found by key.)
  const places = ['08004, Camden', '08010, Burlington', '08012, Camden', '19019, Bucks', '08004, Mercer', '08004, Camdem'];
  for (let i = 0; i < 30; i++) places.push(`${18900 + i * 7}, ${['Bucks', 'Camden', 'Mercer'][i % 3]}`);
  const spellings = ['Home', 'HOME', '   * Home', '\tHome', '- home', '1. Home', ' Home ', 'Ho me', 'Home\u00a0'];
  // (Far enough from the ends that the fingerprint does not read it.)
  // Six words a side: twelve when the inside space breaks words, eleven when it does not.
  const mid = 'Alpha beta gamma delta epsilon zeta';
  const inside = [`${mid}\u2028${mid}`, `  ${mid}\u2028${mid}`, `\t${mid}\u2028${mid}`, `* ${mid}\u2028${mid}`, `${mid}\u3000${mid}`, `  ${mid}\u3000${mid}`];
  const pages: RawPage[] = [];
  for (let p = 0; p < 12; p++) {
    const lines = [spellings[p % spellings.length]!, inside[p % inside.length]!, `Own line ${p} of this page`];
    for (let i = 0; i < places.length; i++) {
      const line = ` * Affordable Gym in ${places[i]} County, New Jersey`;
      if ((p + i) % 3 !== 0) lines.push((p + i) % 5 === 0 ? line.toUpperCase() : (p + i) % 7 === 0 ? line.replace('Gym in', 'Gym  in') : line);
    }
    lines.push(spellings[(p + 4) % spellings.length]!, inside[(p + 1) % inside.length]!);
    const content = lines.join('\n');
    pages.push({ source: `s${p}`, url: `https://s${p % 3}.example/${p}`, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length });
  }
  const shared = assertSameLineIndex(pages);
  assert.ok(shared.length >= places.length + 3, 'the places, the menu item and the inside-space lines recur');
});

test('an index built with a prior index keeps the prior verdicts and adds its own', () => {
  const page = (i: number, host: string, lines: string[]): RawPage => {
    const content = [...lines, `Story ${i} has a sentence of its own that no other page in this set repeats.`].join('\n');
    return { source: `w${i}`, url: `https://${host}/${i}`, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length };
  };
  // First window: two articles of one host share a menu line; five hosts share a cookie line.
  const first = [
    page(1, 'a.example', ['Alpha menu home', 'Accept all cookies']),
    page(2, 'a.example', ['Alpha menu home', 'Accept all cookies']),
    page(3, 'b.example', ['Accept all cookies']),
    page(4, 'c.example', ['Accept all cookies']),
    page(5, 'd.example', ['Accept all cookies']),
  ];
  const prior = buildTemplateIndex(first);
  assert.equal(prior.isTemplate('Alpha menu home', 'https://a.example/9'), true);
  assert.equal(prior.isTemplate('Accept all cookies', 'https://z.example/9'), true);
  assert.deepEqual([...prior.perHost.get('a.example')!], ['alpha menu home']);

  // Second window: one page of host a (its menu alone says nothing) and two pages of host e with their own menu.
  const second = [page(6, 'a.example', ['Alpha menu home']), page(7, 'e.example', ['Echo menu']), page(8, 'e.example', ['Echo menu'])];
  const alone = buildTemplateIndex(second);
  assert.equal(alone.isTemplate('Alpha menu home', 'https://a.example/6'), false);
  const carried = buildTemplateIndex(second, undefined, prior);
  assert.equal(carried.isTemplate('Alpha menu home', 'https://a.example/6'), true);
  assert.equal(carried.isTemplate('Alpha menu home', 'https://e.example/7'), false, 'a host verdict stays with its host');
  assert.equal(carried.isTemplate('Accept all cookies', 'https://e.example/7'), true);
  assert.equal(carried.isTemplate('Echo menu', 'https://e.example/7'), true);
  assert.equal(carried.isTemplate('Story 6 has a sentence of its own that no other page in this set repeats.', 'https://a.example/6'), false);
});
