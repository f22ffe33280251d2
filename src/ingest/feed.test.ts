import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryPage, looksLikeFeed, parseFeed } from './feed.ts';

test('Atom: first-published date as the hint (not updated), full content before summary, relative links made absolute', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:desk</id><updated>2026-03-02T00:00:00Z</updated>
<entry><id>urn:1</id><title type="text">Talks resume</title><link rel="alternate" href="/world/talks"/>
  <published>2026-03-01T06:00:00+01:00</published><updated>2026-03-02T09:00:00Z</updated>
  <summary>Short.</summary><content type="html">&lt;p&gt;Full &amp;amp; final text.&lt;/p&gt;</content></entry>
<entry><id>urn:2</id><title>No content</title><link href="https://desk.example/b"/><updated>2026-03-02T10:00:00Z</updated><summary>Only a summary.</summary></entry>
</feed>`;
  const feed = parseFeed(atom, 'https://desk.example/atom.xml');
  assert.ok(feed.ok);
  assert.equal(feed.title, 'Desk');
  assert.deepEqual(feed.entries, [
    { id: 'urn:1', link: 'https://desk.example/world/talks', title: 'Talks resume', publishedHint: '2026-03-01T05:00:00.000Z', html: '<p>Full &amp; final text.</p>' },
    { id: 'urn:2', link: 'https://desk.example/b', title: 'No content', publishedHint: '2026-03-02T10:00:00.000Z', html: 'Only a summary.' },
  ]);
});

test('RSS: guid as id, link as id when there is no guid, a content hash when there is neither; non-http links dropped', () => {
  const xml = `<rss version="2.0"><channel><title>T</title><link>https://x.example/</link><description>d</description>
<item><title>A</title><link>https://x.example/a?utm_source=rss</link><guid>ga</guid></item>
<item><title>B</title><link>https://x.example/b</link></item>
<item><title>C</title><link>javascript:alert(1)</link><description>Body C</description></item>
</channel></rss>`;
  const feed = parseFeed(xml);
  assert.ok(feed.ok);
  const [a, b, c] = feed.entries;
  assert.equal(a?.id, 'ga');
  assert.equal(a?.link, 'https://x.example/a');
  assert.equal(b?.id, 'https://x.example/b');
  assert.equal(c?.link, null);
  assert.match(c?.id ?? '', /^sha1:[0-9a-f]{40}$/);
  const again = parseFeed(xml);
  assert.ok(again.ok);
  assert.equal(again.entries[2]?.id, c?.id, 'the hash id is stable across parses');
});

test('an empty Atom feed is empty, not an error; other XML, HTML and broken XML are refused with a reason', () => {
  assert.deepEqual(parseFeed('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>'), { ok: true, title: null, entries: [] });
  const sitemap = parseFeed('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
  assert.ok(!sitemap.ok && sitemap.error.code === 'unsupported_type');
  assert.equal(looksLikeFeed('<!DOCTYPE html><html><body>rss</body></html>'), false);
  const broken = parseFeed('<rss version="2.0"><channel><item><title>x</item></channel>');
  assert.ok(!broken.ok && broken.error.code === 'bad_input' && /cannot be parsed/.test(broken.error.message));
});

test('a DOCTYPE with nested entities (billion laughs) is parsed without expanding them', () => {
  const lol = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<rss version="2.0"><channel><title>x</title><item><title>&d;</title><guid>1</guid><description>&d;&d;</description></item></channel></rss>`;
  const feed = parseFeed(lol);
  assert.ok(feed.ok);
  assert.ok((feed.entries[0]?.title?.length ?? 0) < 1000 && (feed.entries[0]?.html?.length ?? 0) < 1000);
});

test('an entry as a page: the title escaped into <title> and <h1>, the feed HTML as the body', () => {
  const html = entryPage({ id: '1', link: null, title: 'Gas <prices> & "talks"', publishedHint: null, html: '<p>Body.</p>' });
  assert.match(html, /<title>Gas &lt;prices&gt; &amp; &quot;talks&quot;<\/title>/);
  assert.match(html, /<article><h1>Gas &lt;prices&gt; &amp; &quot;talks&quot;<\/h1>\n<p>Body\.<\/p><\/article>/);
});
