import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { readInputs, type IngestItem } from './index.ts';

async function collect(inputs: string[], opts: Partial<Parameters<typeof readInputs>[1]> = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, { maxBytes: 1_000_000, ...opts })) items.push(item);
  return items;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sw-ingest-'));
}

test('a folder is walked recursively in sorted order, hidden files skipped, unknown extensions warned', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'b'));
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, 'b', 'two.txt'), 'Second page text.');
  writeFileSync(join(dir, 'a.html'), '<html><body><p>First</p></body></html>');
  writeFileSync(join(dir, '.secret.txt'), 'hidden');
  writeFileSync(join(dir, '.hidden', 'x.txt'), 'hidden');
  writeFileSync(join(dir, 'notes.csv'), 'a,b');
  writeFileSync(join(dir, 'c.htm.gz'), gzipSync('<p>Third</p>'));
  writeFileSync(join(dir, 'd.md'), '# Fourth\n\n[A link](https://example.com/)');
  const warnings: string[] = [];
  const items = await collect([dir], { onWarning: (m) => warnings.push(m) });
  const pages = items.map((i) => (i.ok ? [i.page.source.slice(dir.length + 1), i.page.format] : ['fail']));
  assert.deepEqual(pages, [
    ['a.html', 'html'],
    [join('b', 'two.txt'), 'text'],
    ['c.htm.gz', 'html'],
  ]);
  // A folder's `.md` is as likely its README: read only when named.
  assert.equal(warnings.length, 2);
  assert.match(warnings.join('\n'), /notes\.csv/);
  assert.match(warnings.join('\n'), /d\.md: read as a page only when named/);
  const named = await collect([join(dir, 'd.md')]);
  assert.ok(named[0]!.ok && named[0]!.page.format === 'text');
  const gz = items[2]!;
  assert.ok(gz.ok && gz.page.content === '<p>Third</p>' && gz.page.bytes > 0);
});

test('a missing path is read_failed, and reading goes on', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'ok.txt'), 'fine');
  const items = await collect([join(dir, 'nope.txt'), join(dir, 'ok.txt')]);
  assert.equal(items.length, 2);
  assert.ok(!items[0]!.ok && items[0]!.error.code === 'read_failed');
  assert.ok(items[1]!.ok);
});

test('JSONL: one page per line, bad lines named, blank lines skipped', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'pages.jsonl');
  writeFileSync(
    path,
    [
      JSON.stringify({ url: 'https://example.test/a', text: 'A text page\r\nwith CRLF', fetchedAt: '2024-05-01T10:00:00Z' }),
      '',
      JSON.stringify({ html: '<p>An html page</p>' }),
      '{"text": broken',
      JSON.stringify({ url: 'https://example.test/c' }),
      JSON.stringify({ text: 42 }),
      JSON.stringify({ url: 'https://example.test/m', markdown: '# A crawler\'s export\n\n[Home](/)', text: 'A crawler\'s export Home' }),
    ].join('\n'),
  );
  const items = await collect([path]);
  assert.equal(items.length, 6);
  // A crawler's "markdown" field is a text dump, preferred to its plain text (it marks the links).
  const m = items[5]!;
  assert.ok(m.ok && m.page.format === 'text' && m.page.content.startsWith('# A crawler'));
  const [a, b, c, d, e] = items as [IngestItem, IngestItem, IngestItem, IngestItem, IngestItem];
  assert.ok(a.ok);
  assert.deepEqual(
    { source: a.page.source, url: a.page.url, format: a.page.format, content: a.page.content, fetchedAt: a.page.fetchedAt },
    { source: `${path}#L1`, url: 'https://example.test/a', format: 'text', content: 'A text page\nwith CRLF', fetchedAt: '2024-05-01T10:00:00Z' },
  );
  assert.ok(b.ok && b.page.format === 'html' && b.page.source === `${path}#L3`);
  assert.ok(!c.ok && c.error.code === 'bad_input' && c.source === `${path}#L4`);
  assert.match(c.error.message, /line 4 is not valid JSON/);
  assert.ok(!d.ok && d.error.code === 'bad_input');
  assert.match(d.error.message, /"text", "markdown" or "html"/);
  assert.ok(!e.ok && e.error.code === 'bad_input');
  assert.match(e.error.message, /line 6: text/);
});

test('stdin: "-" reads the stream and sniffs HTML vs text', async () => {
  const html = await collect(['-'], { stdin: Readable.from([Buffer.from('<!doctype html><title>x</title>')]) });
  assert.ok(html[0]!.ok && html[0]!.page.format === 'html' && html[0]!.page.source === '-');
  const text = await collect(['-'], { stdin: Readable.from([Buffer.from('Just a dump\nof a page')]) });
  assert.ok(text[0]!.ok && text[0]!.page.format === 'text');
  const big = await collect(['-'], { maxBytes: 10, stdin: Readable.from([Buffer.alloc(8, 0x61), Buffer.alloc(8, 0x61)]) });
  assert.ok(!big[0]!.ok && big[0]!.error.code === 'too_large');
});

test('too_large is refused by size, and a gzip that inflates past the limit too', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(200));
  writeFileSync(join(dir, 'bomb.txt.gz'), gzipSync('y'.repeat(5000)));
  const items = await collect([dir], { maxBytes: 100 });
  assert.deepEqual(
    items.map((i) => (i.ok ? 'ok' : i.error.code)),
    ['too_large', 'too_large'],
  );
});

test('JSONL inside gzip is read line by line; a truncated one ends in decode_failed after the good lines', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ text: `Page number ${i} with some words that vary ${i * 7919}` })).join('\n');
  const gz = gzipSync(lines);
  writeFileSync(join(dir, 'a.jsonl.gz'), gz);
  writeFileSync(join(dir, 'b.jsonl.gz'), gz.subarray(0, Math.floor(gz.length * 0.6)));
  const whole = await collect([join(dir, 'a.jsonl.gz')]);
  assert.equal(whole.length, 400);
  assert.ok(whole.every((i) => i.ok));
  const cut = await collect([join(dir, 'b.jsonl.gz')]);
  const last = cut.at(-1)!;
  assert.ok(cut.length > 1 && cut.slice(0, -1).every((i) => i.ok));
  assert.ok(!last.ok && last.error.code === 'decode_failed');
  assert.match(last.error.message, /truncated or corrupt gzip stream after line \d+/);
});

test('symlinked files in a folder are read', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'real'));
  mkdirSync(join(dir, 'pages'));
  writeFileSync(join(dir, 'real', 'story.txt'), 'A linked page');
  symlinkSync(join(dir, 'real', 'story.txt'), join(dir, 'pages', 'linked.txt'));
  const items = await collect([join(dir, 'pages')]);
  assert.equal(items.length, 1);
  assert.ok(items[0]!.ok && items[0]!.page.content === 'A linked page');
});
