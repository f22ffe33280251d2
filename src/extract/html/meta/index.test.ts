import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../dom.ts';
import { cleanByline, parseDateValue, readHtmlMeta, stripSiteName } from './index.ts';
import { mayEchoTitle } from './collect.ts';
import { squash } from './title.ts';

const page = (head: string, body = '') => parseHtml(`<!doctype html><html lang="en-US"><head>${head}</head><body>${body}</body></html>`);

test('JSON-LD @graph: the Article node gives headline, date, person author and publisher', () => {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Harbor Gazette' },
      { '@type': 'WebPage', name: 'Tide tables change | Harbor Gazette', datePublished: '2020-01-01' },
      {
        '@type': ['NewsArticle'],
        headline: 'Tide tables change for the winter',
        datePublished: '2024-03-17T08:00:00+01:00',
        author: [{ '@type': 'Person', name: 'Ana Ruiz' }, { '@type': 'Organization', name: 'Harbor Gazette' }],
        publisher: { '@type': 'Organization', name: 'Harbor Gazette' },
      },
    ],
  };
  const m = readHtmlMeta(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`), null);
  assert.equal(m.title, 'Tide tables change for the winter');
  assert.equal(m.published?.value, '2024-03-17');
  assert.match(m.published?.evidence ?? '', /datePublished/);
  assert.equal(m.byline, 'Ana Ruiz');
  assert.equal(m.outlet?.value, 'Harbor Gazette');
  assert.equal(m.language, 'en');
});

test('broken JSON-LD (trailing comma, raw newline) is repaired', () => {
  const raw = `{"@type": "BlogPosting", "headline": "Ferry fares
 rise", "datePublished": "2023-11-02", "author": {"@type": "Person", "name": "Li Wei"},}`;
  const m = readHtmlMeta(page(`<script type="application/ld+json">${raw}</script>`), null);
  assert.equal(m.title, 'Ferry fares rise');
  assert.equal(m.published?.value, '2023-11-02');
  assert.equal(m.byline, 'Li Wei');
});

test('site suffix and prefix are stripped from the <title> when no h1 confirms it', () => {
  const m = readHtmlMeta(page('<title>Ferry fares rise again | Harbor Gazette</title><meta property="og:site_name" content="Harbor Gazette">'), null);
  assert.equal(m.title, 'Ferry fares rise again');
  assert.equal(stripSiteName('Harbor Gazette: Ferry fares rise again', ['Harbor Gazette'], null), 'Ferry fares rise again');
  assert.equal(stripSiteName('Ferry fares rise again - Local - harborgazette.com', [], 'harborgazette'), 'Ferry fares rise again - Local');
  // A headline's own colon stays.
  assert.equal(stripSiteName('Ferries: what changes in May', ['Harbor Gazette'], null), 'Ferries: what changes in May');
});

test('the h1 wins over an SEO og:title; a logo h1 in the header does not', () => {
  const m = readHtmlMeta(
    page(
      '<meta property="og:title" content="Ferry Fares 2024: Everything You Need To Know">',
      '<header><h1 class="site-logo">Harbor Gazette</h1></header><article><h1>Ferry fares rise for the third year</h1></article>',
    ),
    null,
  );
  assert.equal(m.title, 'Ferry fares rise for the third year');
});

test('dates are read as written, not converted to UTC', () => {
  assert.equal(parseDateValue('2025-09-04T23:30:00-05:00'), '2025-09-04');
  assert.equal(parseDateValue('Tue, 17 Mar 2024 22:00:00 GMT'), '2024-03-17');
  const m = readHtmlMeta(page('<meta property="article:published_time" content="2025-09-04T23:30:00-05:00">'), null);
  assert.equal(m.published?.value, '2025-09-04');
  assert.equal(m.published?.evidence, 'article:published_time="2025-09-04T23:30:00-05:00"');
});

test('the date printed under the headline is taken; comment and copyright dates are not', () => {
  const m = readHtmlMeta(
    page(
      '',
      '<article><h1>Ferry fares rise for the third year</h1><p class="meta">Updated on March 3, 2024</p><p>Body text.</p></article>' +
        '<div class="comments"><p>Posted May 1, 2024</p></div><footer>© 2025 Harbor Gazette</footer>',
    ),
    null,
  );
  assert.equal(m.published?.value, '2024-03-03');
});

test('no date anywhere gives null, not a copyright year or today', () => {
  const m = readHtmlMeta(page('<title>About us</title>', '<h1>About us</h1><p>Founded in 1999.</p><footer>© 2025 Harbor Gazette</footer>'), 'https://example.org/about');
  assert.equal(m.published, null);
});

test('a date in the URL path is the last resort', () => {
  const m = readHtmlMeta(page('<title>x</title>'), 'https://example.org/news/2024/03/17/ferry-fares/');
  assert.equal(m.published?.value, '2024-03-17');
});

test('byline cleaning keeps names only', () => {
  assert.equal(cleanByline('By Jane Doe and John Roe, Staff Writer'), 'Jane Doe, John Roe');
  assert.equal(cleanByline('Written by: Ana Ruiz | Updated March 3, 2024'), 'Ana Ruiz');
  assert.equal(cleanByline('Dylan Bailey, MS, RD'), 'Dylan Bailey, MS, RD');
  assert.equal(cleanByline('Liz Kenny Former McKinsey Consultant'), 'Liz Kenny');
  assert.equal(cleanByline('admin'), null);
  assert.equal(cleanByline('https://www.facebook.com/harborgazette'), null);
  assert.equal(cleanByline('@harborgazette'), null);
  assert.equal(cleanByline('Harbor Gazette', ['Harbor Gazette']), null);
  assert.equal(cleanByline('Reviewed by Dr. Sam Lee'), null);
});

test('byline elements and meta authors are read when JSON-LD has none', () => {
  const fromMeta = readHtmlMeta(page('<meta name="author" content="Ana Ruiz">'), null);
  assert.equal(fromMeta.byline, 'Ana Ruiz');
  const fromEl = readHtmlMeta(page('', '<h1>Ferry fares rise</h1><div class="byline">By <a href="/a">Ana Ruiz</a><span>Transport Reporter</span></div>'), null);
  assert.equal(fromEl.byline, 'Ana Ruiz');
});

test('original source only when the markup credits one', () => {
  const credited = readHtmlMeta(page('<meta name="original-source" content="Reuters"><meta property="og:site_name" content="Harbor Gazette">'), null);
  assert.equal(credited.originalSource?.value, 'Reuters');
  const none = readHtmlMeta(page('<meta property="og:site_name" content="Harbor Gazette">'), null);
  assert.equal(none.originalSource, null);
});

test('heading lines: <br> and block children are spaced, a <time> inside the h1 is not title text', () => {
  const caps = readHtmlMeta(page('<title>Weekend Coding Agent | Harbor Labs</title>', '<h1> WEEKEND<br>CODING<br><span>AGENT</span></h1>'), null);
  assert.equal(caps.title, 'Weekend Coding Agent');
  const dated = readHtmlMeta(
    page('<meta property="og:title" content="Preparing a ferry timetable">', '<h1><a href="/x"><time datetime="2025-12-18">Dec <span>18</span> 2025</time> Preparing a ferry timetable</a></h1>'),
    null,
  );
  assert.equal(dated.title, 'Preparing a ferry timetable');
  assert.equal(dated.published?.value, '2025-12-18');
});

test('a meta title inside the h1 wins when the rest is a date or a source badge', () => {
  const m = readHtmlMeta(
    page(
      '<meta property="og:title" content="Ferry fares rise for the third year - Harbor Gazette"><meta property="og:site_name" content="Harbor Gazette">',
      '<h1>Ferry fares rise for the third year (harborgazette.com) 87</h1>',
    ),
    'https://news.example.org/story/1',
  );
  assert.equal(m.title, 'Ferry fares rise for the third year');
});

test('a count the h1 lost is taken back from the meta title; a real extra word is not', () => {
  const lost = readHtmlMeta(page('<meta property="og:title" content="8 Ferry Routes Worth Taking">', '<h1>Ferry Routes Worth Taking</h1>'), null);
  assert.equal(lost.title, '8 Ferry Routes Worth Taking');
  const word = readHtmlMeta(page('<meta property="og:title" content="Discover Ferry Routes Worth Taking">', '<h1>Ferry Routes Worth Taking</h1>'), null);
  assert.equal(word.title, 'Ferry Routes Worth Taking');
});

test('short dash/pipe tags are cut, subtitles and sentence continuations are kept', () => {
  const tag = readHtmlMeta(page('', '<h1>How meditation changes the brain | Opinion</h1>'), null);
  assert.equal(tag.title, 'How meditation changes the brain');
  const sub = readHtmlMeta(page('', '<h1>Ferry fares explained – What the new tariff means for commuters</h1>'), null);
  assert.equal(sub.title, 'Ferry fares explained – What the new tariff means for commuters');
  const cont = readHtmlMeta(page('', '<h1>The busiest ferry route of 2024 — and 5 trends for 2025</h1>'), null);
  assert.equal(cont.title, 'The busiest ferry route of 2024 — and 5 trends for 2025');
});

test('breadcrumb h1s and host names are not headlines; the URL slug arbitrates a tagline h1', () => {
  const crumb = readHtmlMeta(
    page('<meta property="og:title" content="Tidal models for small harbours">', '<h1>Science > Oceanography</h1><h1>Tidal models for small harbours</h1>'),
    null,
  );
  assert.equal(crumb.title, 'Tidal models for small harbours');
  const host = readHtmlMeta(page('<title>harborblog.net Tide Notes</title>', '<h1>harborblog.net</h1>'), 'https://harborblog.net/2025/tide-notes.html');
  assert.equal(host.title, 'Tide Notes');
  const tagline = readHtmlMeta(
    page(
      '<meta property="og:title" content="How to Start a Ferry Company | Harbor Guides"><title>How to Start a Ferry Company | Harbor Guides</title>',
      '<h1>Launch your fleet today</h1>',
    ),
    'https://guides.example.com/how-to-start-a-ferry-company',
  );
  assert.equal(tagline.title, 'How to Start a Ferry Company');
});

test('a truncated JSON-LD headline gives way to the full og:title; casing follows an exact meta match', () => {
  const long = 'Fix It Friday: Three Readers Rearrange Their Living Rooms With One Simple Trick That Works';
  const ld = { '@type': 'BlogPosting', headline: long.slice(0, 60) };
  const m = readHtmlMeta(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:title" content="${long}">`), null);
  assert.equal(m.title, long);
  const cased = readHtmlMeta(
    page('<meta property="og:title" content="The top 10 ferry rules"><title>The Top 10 Ferry Rules | Harbor</title>', '<h1>The top 10 ferry rules</h1>'),
    null,
  );
  assert.equal(cased.title, 'The top 10 ferry rules');
});

test('site-specific published-date metas are read', () => {
  const m = readHtmlMeta(page('<meta name="w-published-date" content="2025-05-27T06:03:43.274Z">'), null);
  assert.equal(m.published?.value, '2025-05-27');
  const upd = readHtmlMeta(page('<meta name="last-published-update" content="2025-06-01">'), null);
  assert.equal(upd.published, null);
});

test('a printed "Updated" date later than the declared publication date gives way to it, unless the markup declares a modification', () => {
  const ld = (extra: object) =>
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'Article', headline: 'Kettles compared', datePublished: '2021-03-04', ...extra })}</script>`;
  const body = '<article><h1>Kettles compared</h1><p class="byline">Updated May 2, 2025</p><p>We boiled water in nine kettles.</p></article>';
  assert.equal(readHtmlMeta(page(ld({}), body), null).published?.value, '2021-03-04');
  // With a declared dateModified the printed date is taken as the reader sees it (the gold splits evenly there).
  assert.equal(readHtmlMeta(page(ld({ dateModified: '2025-05-02' }), body), null).published?.value, '2025-05-02');
});

test('microdata dates: from a title attribute, from a multi-valued itemprop, and one in a post footer', () => {
  // Blogger-style post: the site name is the h1, the post's only date sits in a "post-footer" block.
  const blog = readHtmlMeta(
    page(
      '<title>Ferry notes</title>',
      `<header><h1>Harbor Notes Blog</h1></header>
       <div class="post"><h3 class="post-title">Ferry notes</h3><p>Body text of the post.</p>
       <div class="post-footer">Posted at <abbr class="published" itemprop="datePublished" title="2025-12-19T15:18:00-05:00">December 19</abbr></div></div>`,
    ),
    null,
  );
  assert.equal(blog.published?.value, '2025-12-19');
  const multi = readHtmlMeta(page('<meta itemprop="dateCreated datePublished" content="2024-12-03T11:03:55-04:00">'), null);
  assert.equal(multi.published?.value, '2024-12-03');
  // Two different dates in footer-like blocks are a related list, not the post's date.
  const related = readHtmlMeta(
    page(
      '',
      `<h1>Ferry notes</h1><div class="related-posts"><span itemprop="datePublished" content="2021-01-01"></span>
       <span itemprop="datePublished" content="2022-02-02"></span></div>`,
    ),
    null,
  );
  assert.equal(related.published, null);
});

test('a declared publication date later than every declared modification is passed over', () => {
  const m = readHtmlMeta(
    page(
      `<meta name="published-time" content="2026-03-09T08:45:32.183Z"><meta name="modified-date" content="2024-07-30">
       <meta name="published-date" content="2021-02-16"><meta name="modified-time" content="2026-01-15T17:15:38Z">`,
    ),
    null,
  );
  assert.equal(m.published?.value, '2021-02-16');
  // Alone, the later value is still the best the page offers.
  const alone = readHtmlMeta(page('<meta name="published-time" content="2026-03-09"><meta name="modified-time" content="2026-01-15">'), null);
  assert.equal(alone.published?.value, '2026-03-09');
});

test('JSON-LD carried in an attribute, entity-escaped in the source, gives the date', () => {
  const json = '{"@type":"Article","headline":"Fares","dateModified":"2025-11-18","datePublished":"2025-11-17T09:00:00-05:00"}';
  const m = readHtmlMeta(page(`<meta name="script:ld+json" content="${json.replace(/"/g, '&quot;')}">`), null);
  assert.equal(m.published?.value, '2025-11-17');
  // Escaped once more inside a JSON string of a framework's props.
  const props = `{"page":"{\\"datePublished\\":\\"2024-05-06\\"}"}`;
  const n = readHtmlMeta(page('', `<div data-props="${props.replace(/"/g, '&quot;')}"></div>`), null);
  assert.equal(n.published?.value, '2024-05-06');
});

test('a class-marked or byline-block date far from the headline, after any declared date', () => {
  const filler = Array.from({ length: 80 }, (_, i) => `<p>Paragraph <b>${i}</b></p>`).join('');
  const body = `<article><h1>Ferry fares rise</h1>${filler}<p class="date">December 3, 2025. <i>Updated: December 7, 2025</i></p></article>`;
  assert.equal(readHtmlMeta(page('', body), null).published?.value, '2025-12-03');
  // The declared date still comes first.
  assert.equal(readHtmlMeta(page('<meta property="article:published_time" content="2025-11-01">', body), null).published?.value, '2025-11-01');
  const byline = `<article><h1>Ferry fares rise</h1>${filler}<div class="resource-author-details"><p>Ana Ruiz</p><small>December 17, 2025</small></div></article>`;
  assert.equal(readHtmlMeta(page('', byline), null).published?.value, '2025-12-17');
  // A card's or an event's "__date" is not the article's.
  const card = `<article><h1>Ferry fares rise</h1>${filler}<div class="garden-hours__date">March 14, 2026</div></article>`;
  assert.equal(readHtmlMeta(page('', card), null).published, null);
});

test('an article-level <footer> is read; the site footer is still noise', () => {
  const filler = Array.from({ length: 80 }, (_, i) => `<p>Paragraph <b>${i}</b></p>`).join('');
  const inArticle = `<article><h1>Ferry fares rise</h1>${filler}<footer><span class="article-template-date"><time datetime="2025-08-12T11:15:06Z">August 12, 2025</time></span></footer></article>`;
  assert.equal(readHtmlMeta(page('', inArticle), null).published?.value, '2025-08-12');
  const site = `<article><h1>Ferry fares rise</h1>${filler}</article><footer><span class="post-date"><time datetime="2025-08-12">August 12, 2025</time></span></footer>`;
  assert.equal(readHtmlMeta(page('', site), null).published, null);
});

test('"Post time:" labels a date line; a wire dateline opens the description', () => {
  const filler = Array.from({ length: 80 }, (_, i) => `<p>Paragraph <b>${i}</b></p>`).join('');
  const post = readHtmlMeta(page('', `<h1>Ferry fares rise</h1>${filler}<div>Post time: 01-04-2024</div>`), null);
  assert.equal(post.published?.value, '2024-01-04');
  const wire = readHtmlMeta(page('<meta name="description" content="By Ana Ruiz LONDON, Dec 20, 2025 (Reuters) - Ferry fares rose again.">'), null);
  assert.equal(wire.published?.value, '2025-12-20');
  // A description opening with a place but no date gives nothing.
  assert.equal(readHtmlMeta(page('<meta name="description" content="LONDON, the capital - a guide.">'), null).published, null);
});

test('a framework data script gives the last-resort date: datePublished, else a post record\'s "date"', () => {
  const next = (o: unknown) => `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(o)}</script>`;
  const wp = readHtmlMeta(page('', `<h1>Ferry fares rise</h1>${next({ props: { post: { slug: 'ferry-fares', date: '2024-04-08T06:59:34' } } })}`), null);
  assert.equal(wp.published?.value, '2024-04-08');
  const both = readHtmlMeta(page('', next({ createdAt: '2020-01-01', date: '2021-02-02', datePublished: '2022-03-03' })), null);
  assert.equal(both.published?.value, '2022-03-03');
  // A record's creation stamp is not a publication date.
  assert.equal(readHtmlMeta(page('', next({ createdAt: '2020-01-01T00:00:00Z' })), null).published, null);
  // Declared metadata still comes first.
  const declared = readHtmlMeta(page('<meta property="article:published_time" content="2023-05-05">', next({ date: '2021-02-02' })), null);
  assert.equal(declared.published?.value, '2023-05-05');
});

test('a printed <time> classed as the update, later than the declared publication, gives way to it', () => {
  const head = '<meta property="article:published_time" content="2023-10-02T09:00:00+00:00"><meta property="article:modified_time" content="2024-12-06T11:29:12+00:00">'
    + `<script type="application/ld+json">${JSON.stringify({ '@type': 'Article', headline: 'Ferry fares rise', datePublished: '2023-10-02', dateModified: '2024-12-06' })}</script>`;
  const updated = `<h1>Ferry fares rise</h1><div class="entry-meta"><time class="entry-date updated" datetime="2024-12-06T11:29:12+00:00">December 6, 2024</time></div>`;
  assert.equal(readHtmlMeta(page(head, updated), null).published?.value, '2023-10-02');
  // A printed date not marked as the update still wins (the reader sees it).
  const plain = `<h1>Ferry fares rise</h1><div class="entry-meta"><time class="entry-date" datetime="2024-12-06T11:29:12+00:00">December 6, 2024</time></div>`;
  assert.equal(readHtmlMeta(page(head, plain), null).published?.value, '2024-12-06');
  // An update-classed date earlier than the declared one is not an update of it.
  const earlier = `<h1>Ferry fares rise</h1><time class="updated" datetime="2023-01-05">January 5, 2023</time>`;
  assert.equal(readHtmlMeta(page(head, earlier), null).published?.value, '2023-01-05');
});

test('a page with no h1 anchors "near the headline" on the text that prints the title', () => {
  const nav = Array.from({ length: 30 }, (_, i) => `<div><a href="/p${i}">Plan ${i}</a></div>`).join('');
  const body = `${nav}<div><p class="hero-text">Ferry fares rise again in 2026</p></div><div><p>Ana Ruiz</p><p>Feb 16, 2026</p></div><p>Ferries cost more.</p>`;
  assert.equal(readHtmlMeta(page('<title>Ferry fares rise again in 2026 | Harbor Gazette</title>', body), null).published?.value, '2026-02-16');
  // Without the printed title there is no anchor, and a stray date is not taken.
  assert.equal(readHtmlMeta(page('<title>Harbor Gazette</title>', body.replace('Ferry fares rise again in 2026', 'Welcome')), null).published, null);
  // With an h1 elsewhere, the h1 stays the anchor.
  const withH1 = `<h1>Harbor Gazette home</h1>${body}`;
  assert.equal(readHtmlMeta(page('<title>Ferry fares rise again in 2026 | Harbor Gazette</title>', withH1), null).published, null);
});

test('mayEchoTitle is false only where squash(text) cannot be a title echo', () => {
  const key = squash('Storm Hits the Northern Coast Overnight — The Daily');
  const echoes = (t: string) => { const k = squash(t); return k.length >= 12 && key.includes(k); };
  const texts = [
    'Storm hits the northern coast', 'STORM HITS THE NORTHERN', 'storm hits', 'Weather', 'the Northern Coast Overnight!',
    'Sign up for our newsletter today', '', '   ', 'Stórm hits the northern coast', 'Storm hits the northérn coast',
    'Storm-hits-the-northern-coast-overnight', 'coast overnight the daily', '12345678901234',
  ];
  for (const t of texts) {
    if (echoes(t)) assert.ok(mayEchoTitle(t, key), t);
  }
  assert.equal(mayEchoTitle('Sign up for our newsletter today', key), false);
  assert.equal(mayEchoTitle('storm hits', key), false, 'too short to be an echo');
  assert.equal(mayEchoTitle('Stórm hits the northern coast', key), true, 'non-ASCII is left to squash');
  assert.equal(mayEchoTitle('Storm hits the northern coast', key), true);
  assert.equal(mayEchoTitle('“Sign up” — for our newsletter…', key), false, 'curly quotes, dashes and ellipses are skipped like ASCII punctuation');
  assert.equal(mayEchoTitle('™ and more words here', squash('TM and more words here today')), true, '™ squashes to "tm": left to squash');

  // Random texts over letters, punctuation and symbols that NFKD decomposes, cut from titles or not.
  const alphabet = ['a', 'b', 'D', 'E', 'x', '1', ' ', '-', ',', '’', '“', '—', '…', '™', 'é', 'ß', '\u0301', '①', '²', 'ﬁ', 'Σ', '«', '\u00a0', '\u200b'];
  let seed = 7;
  const rnd = (k: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % k;
  };
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
  let echoesSeen = 0;
  for (let i = 0; i < 20_000; i++) {
    const title = pick(30);
    const titleKey = squash(title);
    const start = rnd(title.length);
    const t = i % 2 === 0 ? title.slice(start, start + 5 + rnd(25)) : pick(rnd(30));
    const k = squash(t);
    if (k.length >= 12 && titleKey.includes(k)) {
      echoesSeen++;
      assert.ok(mayEchoTitle(t, titleKey), JSON.stringify(t));
    }
  }
  assert.ok(echoesSeen > 1000, `the random texts held echoes (${echoesSeen})`);
});
