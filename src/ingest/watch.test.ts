import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestItem } from './types.ts';
import { watchInputs, type WatchOptions } from './watch.ts';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-watch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Backdates a file so the watch takes it as settled at its first sighting. */
function settled(path: string): void {
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
}

/** Pulls items from a running watch one at a time, with a deadline so a broken watch fails instead of hanging. */
class Tap {
  private readonly iterator: AsyncIterator<IngestItem>;
  constructor(iterable: AsyncIterable<IngestItem>) {
    this.iterator = iterable[Symbol.asyncIterator]();
  }
  async next(ms = 5_000): Promise<IteratorResult<IngestItem>> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no item within ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([this.iterator.next(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
  async item(ms?: number): Promise<IngestItem> {
    const r = await this.next(ms);
    assert.ok(!r.done, 'the watch ended early');
    return r.value;
  }
}

const sourceOf = (item: IngestItem): string => (item.ok ? item.page.source : `${item.source} ${item.error.code}`);

test('watching a folder: files present at start, then a file added later; abort ends the iteration', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), 'First page.');
  writeFileSync(join(dir, 'sub', 'b.html'), '<p>Second page.</p>');
  settled(join(dir, 'a.txt'));
  settled(join(dir, 'sub', 'b.html'));
  writeFileSync(join(dir, 'notes.csv'), 'not a page');
  const warnings: string[] = [];
  const stop = new AbortController();
  const options: WatchOptions = { maxBytes: 1e6, intervalMs: 30, signal: stop.signal, onWarning: (m) => warnings.push(m) };
  const tap = new Tap(watchInputs([dir], options));

  assert.equal(sourceOf(await tap.item()), join(dir, 'a.txt'));
  assert.equal(sourceOf(await tap.item()), join(dir, 'sub', 'b.html'));

  // Written after the start: yielded once its size and mtime hold still for a poll.
  writeFileSync(join(dir, 'sub', 'c.txt'), 'A page that arrived later.');
  const added = await tap.item();
  assert.ok(added.ok);
  assert.equal(added.page.source, join(dir, 'sub', 'c.txt'));
  assert.equal(added.page.content, 'A page that arrived later.');

  // A changed file is read again; unchanged files are not.
  writeFileSync(join(dir, 'a.txt'), 'First page, corrected.');
  const changed = await tap.item();
  assert.ok(changed.ok && changed.page.content === 'First page, corrected.');

  stop.abort();
  const end = await tap.next(2_000);
  assert.equal(end.done, true);
  // Several polls passed over notes.csv; it was reported once.
  assert.equal(warnings.filter((w) => /notes\.csv/.test(w)).length, 1);
});

test('initial: false skips what exists at start and yields only what appears later', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'old.txt'), 'Already here.');
  settled(join(dir, 'old.txt'));
  const stop = new AbortController();
  const tap = new Tap(watchInputs([dir], { maxBytes: 1e6, intervalMs: 30, signal: stop.signal, initial: false }));
  const next = tap.item();
  await new Promise((resolve) => setTimeout(resolve, 100));
  writeFileSync(join(dir, 'new.txt'), 'Arrived after the start.');
  assert.equal(sourceOf(await next), join(dir, 'new.txt'));
  stop.abort();
  assert.equal((await tap.next(2_000)).done, true);
});

function rss(items: Array<{ guid: string; title: string }>): string {
  const body = items
    .map((i) => `<item><title>${i.title}</title><guid isPermaLink="false">${i.guid}</guid><description>&lt;p&gt;${i.title} text.&lt;/p&gt;</description></item>`)
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link><description>d</description>\n${body}\n</channel></rss>`;
}

test('watching a feed file: entries already seen are skipped by guid, new ones yielded', async (t) => {
  const dir = tempDir(t);
  const feed = join(dir, 'wire.rss');
  writeFileSync(feed, rss([{ guid: 'g1', title: 'One' }, { guid: 'g2', title: 'Two' }]));
  settled(feed);
  const stop = new AbortController();
  const tap = new Tap(watchInputs([feed], { maxBytes: 1e6, intervalMs: 30, signal: stop.signal }));
  const first = [await tap.item(), await tap.item()];
  assert.deepEqual(first.map(sourceOf), [`${feed}#g1`, `${feed}#g2`]);

  // The feed is rewritten with one new entry on top: only that one comes out.
  writeFileSync(feed, rss([{ guid: 'g3', title: 'Three' }, { guid: 'g1', title: 'One' }, { guid: 'g2', title: 'Two' }]));
  const third = await tap.item();
  assert.equal(sourceOf(third), `${feed}#g3`);
  assert.ok(third.ok && third.feed?.entryId === 'g3' && /Three text\./.test(third.page.content));
  stop.abort();
  assert.equal((await tap.next(2_000)).done, true);
});

test('watching a feed URL: a down feed is reported once, not on every poll; new entries after recovery', async (t) => {
  let state: 'down' | 'v1' | 'v2' = 'down';
  let polls = 0;
  const server = createServer((req, res) => {
    polls++;
    if (state === 'down') {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('maintenance');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rss(state === 'v1' ? [{ guid: 'u1', title: 'Up one' }] : [{ guid: 'u2', title: 'Up two' }, { guid: 'u1', title: 'Up one' }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
  const warnings: string[] = [];
  const stop = new AbortController();
  const tap = new Tap(
    watchInputs([url], { maxBytes: 1e6, intervalMs: 20, signal: stop.signal, allowPrivate: true, onWarning: (m) => warnings.push(m) }),
  );
  const down = await tap.item();
  assert.ok(!down.ok && down.error.code === 'http_status' && /HTTP 503/.test(down.error.message));
  const pending = tap.item();
  while (polls < 4) await new Promise((resolve) => setTimeout(resolve, 10));
  state = 'v1';
  const up = await pending;
  assert.ok(up.ok && up.feed?.entryId === 'u1', JSON.stringify(up));
  assert.ok(warnings.filter((w) => /still failing/.test(w)).length >= 2);
  state = 'v2';
  const next = await tap.item();
  assert.ok(next.ok && next.feed?.entryId === 'u2');
  stop.abort();
  assert.equal((await tap.next(2_000)).done, true);
});
