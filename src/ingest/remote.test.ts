import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { readInputs } from './read.ts';
import { readUrl, newFeedState } from './remote.ts';
import type { IngestItem, IngestOptions } from './types.ts';

/**
 * One local server on 127.0.0.1 for every test here: a feed, its pages, a redirect chain, a redirect
 * loop, an oversize page, slow pages, a non-HTML type, a 404 and a Latin-1 page. No real network.
 */
let server: Server;
let base = '';
const hits: string[] = [];
const FIXED_NOW = new Date('2026-03-01T12:00:00Z');
const page = (title: string, body: string): string => `<!DOCTYPE html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

function feedXml(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Local News</title><link>${base}/</link><description>test</description>
<item><title>Plain page</title><link>${base}/a</link><guid>a-1</guid><pubDate>Sun, 01 Mar 2026 09:00:00 GMT</pubDate></item>
<item><title>Moved page</title><link>/r/3</link><guid>b-1</guid><pubDate>Sun, 01 Mar 2026 08:00:00 GMT</pubDate></item>
<item><title>Huge page</title><link>${base}/big</link><guid>c-1</guid><description>Short teaser only.</description>
  <content:encoded><![CDATA[<p>The full text of the huge story, from the feed.</p>]]></content:encoded></item>
<item><title>Slow &amp; steady</title><link>${base}/slow-body</link><guid>d-1</guid><description>&lt;p&gt;Feed copy of the slow story.&lt;/p&gt;</description></item>
<item><title>A picture</title><link>${base}/image</link><guid>e-1</guid></item>
<item><title>No link</title><guid isPermaLink="false">f-1</guid><description>&lt;p&gt;Only in the feed.&lt;/p&gt;</description><dc:date>2026-02-28T23:00:00Z</dc:date></item>
</channel></rss>`;
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  hits.push(path);
  const html = (body: string, headers: Record<string, string> = {}): void => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  const redirect = /^\/r\/(\d+)$/.exec(path);
  if (redirect) {
    const n = Number(redirect[1]);
    res.writeHead(n === 2 ? 301 : 302, { location: n > 1 ? `/r/${n - 1}` : `${base}/b` });
    res.end();
  } else if (path === '/feed.xml') {
    const etag = '"feed-v1"';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(feedXml());
  } else if (path === '/a') html(page('Plain page', 'The plain story.'));
  else if (path === '/b') html(page('Moved page', 'The story that moved.'));
  else if (path === '/gz') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(gzipSync(page('Zipped', 'Compressed on the wire.')));
  } else if (path === '/big') {
    // No Content-Length (chunked), so the cap has to stop the stream itself.
    res.writeHead(200, { 'content-type': 'text/html' });
    for (let i = 0; i < 40; i++) res.write(`<p>${'x'.repeat(1000)}</p>`);
    res.end();
  } else if (path === '/big-declared') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': '500000' });
    res.end('<p>' + 'y'.repeat(499_993) + '</p>');
  } else if (path === '/slow-body') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<p>start');
    const t = setTimeout(() => res.end('</p>'), 5_000);
    res.on('close', () => clearTimeout(t));
  } else if (path === '/slow-headers') {
    const t = setTimeout(() => html(page('Late', 'too late')), 5_000);
    res.on('close', () => clearTimeout(t));
  } else if (path === '/image') {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  } else if (path === '/loop') {
    res.writeHead(302, { location: '/loop' });
    res.end();
  } else if (path === '/to-file') {
    res.writeHead(302, { location: 'file:///etc/passwd' });
    res.end();
  } else if (path === '/latin1') {
    res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
    res.end(Buffer.concat([Buffer.from('<html><body><p>Caf'), Buffer.from([0xe9]), Buffer.from(' cr'), Buffer.from([0xe8]), Buffer.from('me</p></body></html>')]));
  } else if (path === '/sitemap.xml') {
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end('<?xml version="1.0"?><urlset><url><loc>/a</loc></url></urlset>');
  } else {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('not found');
  }
}

before(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const local = (extra: Partial<IngestOptions> = {}): IngestOptions => ({
  maxBytes: 20_000,
  allowPrivate: true,
  connectTimeoutMs: 1_000,
  fetchTimeoutMs: 400,
  now: () => FIXED_NOW,
  ...extra,
});

async function collect(gen: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of gen) out.push(item);
  return out;
}

test('a feed served on 127.0.0.1: each item link fetched, redirects followed, failures fall back to the feed content', async () => {
  const warnings: string[] = [];
  // A total limit of 2 s: local pages take milliseconds (2 s leaves room for a loaded machine); /slow-body takes 5 s.
  const items = await collect(readInputs([`${base}/feed.xml`], local({ fetchTimeoutMs: 2_000, onWarning: (m) => warnings.push(m) })));
  assert.equal(items.length, 6);
  const [a, b, big, slow, image, noLink] = items;

  assert.ok(a?.ok, JSON.stringify(a));
  assert.equal(a.page.url, `${base}/a`);
  assert.equal(a.page.source, `${base}/a`);
  assert.equal(a.page.format, 'html');
  assert.equal(a.page.fetchedAt, FIXED_NOW.toISOString());
  assert.match(a.page.content, /The plain story\./);
  assert.equal(a.publishedHint, '2026-03-01T09:00:00.000Z');
  assert.deepEqual(a.feed, { feed: `${base}/feed.xml`, entryId: 'a-1', title: 'Plain page', fromFeedContent: false });

  // A relative link, three redirects (302, 301, 302): the page's own URL is the end of the chain.
  assert.ok(b?.ok, JSON.stringify(b));
  assert.equal(b.page.url, `${base}/b`);
  assert.match(b.page.content, /The story that moved\./);

  // Over the cap while streaming → the feed's full content (content:encoded, not the teaser).
  assert.ok(big?.ok && big.feed?.fromFeedContent === true);
  assert.equal(big.page.url, `${base}/big`);
  assert.match(big.page.content, /The full text of the huge story/);
  assert.doesNotMatch(big.page.content, /Short teaser/);
  assert.match(big.page.content, /<title>Huge page<\/title>/);

  // Too slow → the description's HTML; the title is escaped into the page.
  assert.ok(slow?.ok && slow.feed?.fromFeedContent);
  assert.match(slow.page.content, /<p>Feed copy of the slow story\.<\/p>/);
  assert.match(slow.page.content, /<h1>Slow &amp; steady<\/h1>/);

  // Not HTML and nothing in the feed to fall back to → the fetch's own error.
  assert.ok(image && !image.ok);
  assert.equal(image.error.code, 'unsupported_type');
  assert.equal(image.source, `${base}/image`);

  // No link: the feed's content, named by feed and guid, with the dc:date hint.
  assert.ok(noLink?.ok);
  assert.equal(noLink.page.url, null);
  assert.equal(noLink.page.source, `${base}/feed.xml#f-1`);
  assert.equal(noLink.publishedHint, '2026-02-28T23:00:00.000Z');
  assert.equal(noLink.page.fetchedAt, FIXED_NOW.toISOString());

  assert.equal(warnings.length, 2);
  assert.match(warnings[0]!, /\/big: too_large/);
  assert.match(warnings[1]!, /\/slow-body: timeout/);
});

test('the same feed URL is refused by default as private_address, before any request', async () => {
  const before = hits.length;
  const items = await collect(readInputs([`${base}/feed.xml`, `${base}/a`], { maxBytes: 20_000 }));
  assert.deepEqual(
    items.map((i) => (i.ok ? 'ok' : i.error.code)),
    ['private_address', 'private_address'],
  );
  assert.ok(!items[0]!.ok && /127\.0\.0\.1 is a loopback address/.test(items[0]!.error.message));
  assert.equal(hits.length, before);
});

test('each redirect hop is re-checked: a public-looking host redirecting to loopback is refused', async () => {
  // The resolver says "localhost" is public (a lying DNS); the redirect to 127.0.0.1 must still be refused.
  const resolver = async (): Promise<Array<{ address: string; family: number }>> => [{ address: '93.184.216.34', family: 4 }];
  const port = new URL(base).port;
  const items = await collect(readInputs([`http://localhost:${port}/r/1`], { maxBytes: 20_000, resolver }));
  assert.equal(items.length, 1);
  const item = items[0]!;
  if (!item.ok && item.error.code === 'fetch_failed') {
    // localhost did not resolve to the IPv4 loopback this server listens on: nothing to show here.
    assert.match(item.error.message, /ECONNREFUSED|ENOTFOUND|EADDRNOTAVAIL/);
    return;
  }
  assert.ok(!item.ok && item.error.code === 'private_address', JSON.stringify(item));
  assert.match(item.error.message, /at http:\/\/127\.0\.0\.1:\d+\/b/);
});

test('URL failures are per-item errors with reason codes', async () => {
  const items = await collect(
    readInputs(
      [`${base}/missing`, `${base}/loop`, `${base}/to-file`, `${base}/big`, `${base}/big-declared`, `${base}/image`, `${base}/sitemap.xml`, `${base}/a`],
      local({ connectTimeoutMs: 3_000, fetchTimeoutMs: 3_000, maxRedirects: 4 }),
    ),
  );
  const codes = items.map((i) => (i.ok ? 'ok' : i.error.code));
  assert.deepEqual(codes, ['http_status', 'fetch_failed', 'fetch_failed', 'too_large', 'too_large', 'unsupported_type', 'unsupported_type', 'ok']);
  const message = (n: number): string => (items[n]!.ok ? '' : items[n]!.error.message);
  assert.match(message(0), /HTTP 404/);
  assert.match(message(1), /more than 4 redirects/);
  assert.match(message(2), /file: URL/);
  assert.match(message(3), /over the limit of 20000 bytes/);
  assert.match(message(4), /Content-Length 500000/);
  assert.match(message(5), /image\/png/);
  assert.match(message(6), /not an RSS, Atom or RDF feed/);
});

test('timeouts: no headers within the connect limit, or no complete body within the total limit', async () => {
  const items = await collect(readInputs([`${base}/slow-headers`, `${base}/slow-body`], local({ connectTimeoutMs: 200, fetchTimeoutMs: 400 })));
  assert.deepEqual(
    items.map((i) => (i.ok ? 'ok' : `${i.error.code}: ${i.error.message}`)),
    ['timeout: no response within 200 ms', 'timeout: not complete within 400 ms'],
  );
});

test('pages: the HTTP charset reaches the decoder, gzip transfer is undone, ETag turns a repeat poll into a 304', async () => {
  const [latin1, gz] = await collect(readInputs([`${base}/latin1`, `${base}/gz`], local()));
  assert.ok(latin1?.ok && gz?.ok);
  assert.match(latin1.page.content, /Café crème/);
  assert.equal(latin1.page.encoding, 'windows-1252');
  assert.match(gz.page.content, /Compressed on the wire/);

  const state = newFeedState();
  const first = await collect(readUrl(`${base}/feed.xml`, local({ fetchTimeoutMs: 300 }), state));
  assert.equal(first.length, 6);
  assert.equal(state.kind, 'feed');
  assert.equal(state.validators?.etag, '"feed-v1"');
  const hitsBefore = hits.length;
  const second = await collect(readUrl(`${base}/feed.xml`, local(), state));
  assert.deepEqual(second, []);
  assert.deepEqual(hits.slice(hitsBefore), ['/feed.xml']);
});

test('an aborted signal stops a fetch in flight', async () => {
  const stop = new AbortController();
  const started = Date.now();
  setTimeout(() => stop.abort(), 50);
  const items = await collect(readInputs([`${base}/slow-headers`], local({ connectTimeoutMs: 5_000, fetchTimeoutMs: 5_000, signal: stop.signal })));
  assert.ok(Date.now() - started < 2_000);
  assert.equal(items.length, 1);
  assert.ok(!items[0]!.ok && items[0]!.error.code === 'fetch_failed' && /aborted/.test(items[0]!.error.message));
});
