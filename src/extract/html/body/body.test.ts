import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../dom.ts';
import { extractBody } from './index.ts';
import { collectBlocks, countWords, scan, scanParts } from './blocks.ts';
import { ANY_CHROME_CLASS_RE, CHROME_CLASS_RULES } from './patterns.ts';

const prose = (n: number, word = 'river'): string =>
  Array.from({ length: n }, (_, i) => `The ${word} rose by ${i + 2} metres overnight, and officials said the levees held.`).join(' ');

function page(article: string, extra = ''): string {
  return `<!doctype html><html><head><title>Flood</title><script>var x = "not text";</script></head><body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <header class="site-header"><a href="/">The Daily Example</a></header>
  <article><h1>River floods the old town</h1>
  <p class="byline">By Jane Doe, March 3, 2024</p>
  ${article}
  </article>
  ${extra}
  <footer><p>Copyright 2024 The Daily Example. All rights reserved. Contact us for licensing.</p></footer>
  </body></html>`;
}

test('keeps article paragraphs and drops nav, footer and scripts', () => {
  const body = extractBody(parseHtml(page(`<p>${prose(3)}</p><p>${prose(2, 'creek')}</p>`)), 'River floods the old town');
  assert.equal(body.paragraphs.length, 2);
  assert.ok(body.paragraphs[0]!.startsWith('The river rose by 2 metres'));
  assert.ok(!body.paragraphs.some((p) => p.includes('Home') || p.includes('Copyright') || p.includes('not text')));
  const reasons = new Set(body.removed.map((r) => r.reason));
  assert.ok(reasons.has('nav'));
  assert.ok(reasons.has('footer'));
});

test('the headline h1 is not body: removed as title and offered as a header line', () => {
  const body = extractBody(parseHtml(page(`<p>${prose(3)}</p>`)), 'River floods the old town');
  assert.ok(!body.paragraphs.includes('River floods the old town'));
  assert.deepEqual(
    body.removed.filter((r) => r.reason === 'title').map((r) => r.text),
    ['River floods the old town'],
  );
  assert.ok(body.headerLines.includes('River floods the old town'));
});

test('a byline/date line by the headline goes to headerLines, not paragraphs', () => {
  const body = extractBody(parseHtml(page(`<p>${prose(3)}</p>`)), 'River floods the old town');
  assert.ok(body.headerLines.some((l) => l.startsWith('By Jane Doe')));
  assert.ok(!body.paragraphs.some((p) => p.startsWith('By Jane Doe')));
});

test('subheadings, list items, quotes and table rows are kept in document order', () => {
  const html = page(`<p>${prose(3)}</p><h2>What happens next</h2><ul><li>Schools stay closed on Monday</li><li>Bridges reopen after inspection</li></ul>
    <blockquote>We have never seen water this high in the square.</blockquote>
    <table><tr><th>Town</th><th>Level</th></tr><tr><td>Upper Ford</td><td>4.2 m</td></tr></table><p>${prose(2, 'lake')}</p>`);
  const body = extractBody(parseHtml(html), 'River floods the old town');
  const at = (s: string): number => body.paragraphs.findIndex((p) => p.startsWith(s));
  assert.ok(at('What happens next') > 0);
  assert.ok(at('Schools stay closed') > at('What happens next'));
  assert.ok(at('Bridges reopen') > at('Schools stay closed'));
  assert.ok(at('We have never seen') > at('Bridges reopen'));
  assert.ok(at('Upper Ford 4.2 m') > at('We have never seen'));
  assert.ok(at('The lake rose') > at('Upper Ford'));
});

test('related, share, comments and newsletter boxes inside the page are pruned with their reasons', () => {
  const html = page(
    `<p>${prose(3)}</p>
     <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <span>Share this story with your friends today</span></div>
     <div class="newsletter-signup"><p>Get the morning briefing delivered to your inbox every single weekday.</p></div>
     <p>${prose(2, 'canal')}</p>`,
    `<section class="related-articles"><h3>Related</h3><p>Another long teaser paragraph about a different story entirely, with many words in it.</p></section>
     <div id="comments"><p>Commenter one says this is the worst flood they have seen in forty years of living here.</p></div>`,
  );
  const body = extractBody(parseHtml(html), 'River floods the old town');
  const text = body.paragraphs.join('\n');
  assert.ok(text.includes('The canal rose'));
  for (const gone of ['Share this story', 'morning briefing', 'different story entirely', 'Commenter one']) {
    assert.ok(!text.includes(gone), gone);
  }
  const reasonOf = (s: string) => body.removed.find((r) => r.text.includes(s))?.reason;
  assert.equal(reasonOf('Share this story'), 'share');
  assert.equal(reasonOf('morning briefing'), 'newsletter');
  assert.equal(reasonOf('Commenter one'), 'comments');
});

test('a chrome-looking class on a wrapper that holds the whole article does not remove it', () => {
  const html = `<html><body class="has-sidebar social-enabled"><div class="page-wrap sidebar-layout"><article>
    <p>${prose(3)}</p><p>${prose(3, 'stream')}</p></article></div></body></html>`;
  const body = extractBody(parseHtml(html), null);
  assert.equal(body.paragraphs.length, 2);
});

test('a link-dense list inside the article container is dropped as navigation', () => {
  const links = Array.from({ length: 8 }, (_, i) => `<li><a href="/t${i}">Topic number ${i}</a></li>`).join('');
  const body = extractBody(parseHtml(page(`<p>${prose(3)}</p><ul>${links}</ul>`)), null);
  assert.ok(!body.paragraphs.some((p) => p.startsWith('Topic number')));
  assert.ok(body.removed.some((r) => r.text === 'Topic number 3' && r.reason === 'nav'));
});

test('hidden and aria-hidden elements are skipped; React streamed sections and collapsed panels are read', () => {
  const html = `<html><body><div hidden><p>${prose(3, 'secret')}</p></div><div aria-hidden="true"><p>${prose(2, 'ghost')}</p></div>
    <div hidden id="S:0"><main><p>${prose(3)}</p><div class="accordion-panel" style="display: none"><p>${prose(2, 'pond')}</p></div></main></div></body></html>`;
  const body = extractBody(parseHtml(html), null);
  assert.ok(body.paragraphs.some((p) => p.startsWith('The river rose')));
  assert.ok(body.paragraphs.some((p) => p.startsWith('The pond rose')));
  assert.ok(!body.paragraphs.some((p) => p.includes('secret') || p.includes('ghost')));
});

test('captions are removed as captions', () => {
  const html = page(`<p>${prose(3)}</p><figure><img src="a.jpg"><figcaption>Sandbags on Main Street. Photo: J. Doe</figcaption></figure>`);
  const body = extractBody(parseHtml(html), null);
  assert.ok(!body.paragraphs.some((p) => p.includes('Sandbags')));
  assert.equal(body.removed.find((r) => r.text.includes('Sandbags'))?.reason, 'caption');
});

test('a page with no article gives no paragraphs', () => {
  const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
  const html = `<html><body><nav><ul>${links}</ul></nav><div class="menu"><a href="/login">Log in</a></div><footer>© 2024</footer></body></html>`;
  assert.deepEqual(extractBody(parseHtml(html), null).paragraphs, []);
  assert.deepEqual(extractBody(parseHtml(''), null).paragraphs, []);
});

test('malformed and truncated HTML never throws and still yields the text', () => {
  const broken = [
    `<html><body><div><p>${prose(3)}<p>${prose(2, 'brook')}</div></span></b><p>unclosed <b>bold <i>italic`,
    `<html><body><article><p>${prose(3)}</p><p>Cut off in the mid`,
    `<<<>>><p =="x">${prose(3)}</p><!-- never closed`,
    '<table><tr><td><p>cell</td></tr></p></table></table>',
  ];
  for (const html of broken) {
    const body = extractBody(parseHtml(html), null);
    assert.ok(Array.isArray(body.paragraphs));
  }
  assert.ok(extractBody(parseHtml(broken[0]!), null).paragraphs.some((p) => p.includes('The brook rose')));
  assert.ok(extractBody(parseHtml(broken[1]!), null).paragraphs.some((p) => p.includes('Cut off in the mid')));
});

test('blocks split at block elements, join inline text and measure link text', () => {
  const blocks = collectBlocks(parseHtml('<div>Lead <b>bold</b> and <a href="#">a link</a><p>Second</p>tail</div>'));
  assert.deepEqual(
    blocks.map((b) => b.text),
    ['Lead bold and a link', 'Second', 'tail'],
  );
  assert.equal(blocks[0]!.linkChars, 'a link'.length);
  assert.equal(blocks[0]!.tag, 'div');
});

test('kicker, standfirst, foreign-language byline and consent banner around a German headline are not body', () => {
  const html = `<html lang="de"><body><div id="x9"><p>Wir und unsere Partner verwenden Cookies, um Inhalte zu personalisieren. Sie können Ihre Einwilligung jederzeit widerrufen.</p></div>
    <article class="beitrag"><p class="dachzeile">Unwetter im Norden</p><h1>Fluss tritt über die Ufer</h1>
    <p class="vorspann">Helfer sichern die Altstadt mit Sandsäcken. Die Schulen bleiben geschlossen.</p>
    <div class="autor">Von Anna Beispiel · 08.04.2025, 16:20 Uhr</div>
    <div class="text"><p>${prose(3)}</p><p>${prose(2, 'creek')}</p>
    <p>Wir verwenden Cookies. Mit Klick auf Akzeptieren stimmen Sie der Nutzung zu.</p></div></article></body></html>`;
  const body = extractBody(parseHtml(html), 'Fluss tritt über die Ufer');
  const text = body.paragraphs.join('\n');
  for (const gone of ['Unwetter im Norden', 'Helfer sichern', 'Von Anna Beispiel', 'Cookies']) assert.ok(!text.includes(gone), gone);
  assert.equal(body.paragraphs.length, 2);
  assert.ok(body.headerLines.some((l) => l.startsWith('Von Anna Beispiel')));
  assert.equal(body.removed.find((r) => r.text.startsWith('Helfer'))?.reason, 'teaser');
});

test('a summary class on the wrapper of the whole body does not remove the body', () => {
  const html = `<html><body><article><h1>River floods the old town</h1><div class="standfirst"><p>${prose(3)}</p><p>${prose(3, 'lake')}</p></div></article></body></html>`;
  assert.equal(extractBody(parseHtml(html), 'River floods the old town').paragraphs.length, 2);
});

test('credit lines, copyright lines and text captions with a photo credit are dropped; ordinary parentheses stay', () => {
  const html = page(
    `<p><img src="a.jpg"><br><i>Sandbags on Main Street on Tuesday. (Gazette photo / Jo Bloggs)</i></p>
     <p>${prose(3)}</p><p>Bring boots (photo, video, snacks) if you go.</p><p>${prose(2, 'canal')}</p>
     <p>Reporting by Jane Doe in Upper Ford; Editing by John Roe</p>
     <p>Copyright 2024 The Daily Example. This article may not be reproduced without permission.</p>`,
  );
  const body = extractBody(parseHtml(html), 'River floods the old town');
  const text = body.paragraphs.join('\n');
  assert.ok(text.includes('Bring boots'));
  const reasonOf = (s: string) => body.removed.find((r) => r.text.includes(s))?.reason;
  assert.equal(reasonOf('Sandbags on Main'), 'caption');
  assert.equal(reasonOf('Reporting by'), 'metadata');
  assert.equal(reasonOf('may not be reproduced'), 'footer');
  assert.ok(body.headerLines.some((l) => l.startsWith('Reporting by')));
});

test('on a page with no h1, a lower heading matching the title is the headline', () => {
  const html = `<html><body><table><tr><td class="story"><h2>Gridlock on day two of the strike</h2><p>${prose(3)}</p><p>${prose(2, 'road')}</p></td></tr></table></body></html>`;
  const body = extractBody(parseHtml(html), 'Chronicle - Gridlock on day two of the strike');
  assert.ok(!body.paragraphs.includes('Gridlock on day two of the strike'));
  assert.ok(body.removed.some((r) => r.reason === 'title' && r.text.startsWith('Gridlock')));
});

test('retry: an article inside a wrapper named like chrome is found by the second attempt', () => {
  const html = `<html><body><div class="sidebar-layout"><h1>River floods the old town</h1><p>${prose(4)}</p><p>${prose(4, 'lake')}</p><p>${prose(4, 'creek')}</p></div>
    <div class="modal"><p>${prose(3, 'license')}</p><p>${prose(3, 'credit')}</p><p>${prose(3, 'republish')}</p></div>
    <div class="teaser"><p>A short teaser line for another story here.</p></div></body></html>`;
  const body = extractBody(parseHtml(html), 'River floods the old town');
  assert.ok(body.paragraphs.some((p) => p.startsWith('The lake rose')));
  assert.ok(body.paragraphs.some((p) => p.startsWith('The creek rose')));
});

test('JSON-LD articleBody is read from @graph, markup stripped; short or broken ones are ignored', async () => {
  const { readArticleBody } = await import('./jsonld.ts');
  const long = prose(5);
  const scripts = (json: string) => {
    const out: import('domhandler').Element[] = [];
    collectBlocks(parseHtml(`<html><head><script type="application/ld+json">${json}</script></head><body><p>x</p></body></html>`), out);
    return out;
  };
  assert.equal(readArticleBody(scripts(JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', articleBody: `<p>${long}</p>` }] }))), long);
  assert.equal(readArticleBody(scripts(JSON.stringify({ articleBody: 'Too short.' }))), null);
  assert.equal(readArticleBody(scripts('{"articleBody": "broken')), null);
});

test('the merged chrome-class pattern matches exactly when some rule does', () => {
  const samples = [
    'comments', 'post-comments', 'commentlist', 'x comment-form y', 'share-buttons', 'social', 'sociable', 'related-posts',
    'relatedposts', 'yarpp-related', 'newsletter-signup', 'ad-slot', 'ads', 'header', 'adventure', 'shared', 'uncommented',
    'articlecomments', 'main content', 'entry-content', 'read-more', 'readmore', 'footer-widgets', '', ' ', 'a1 b2 c3',
    'comments2', '2comments', 'c-comments__list', 'sidebar', 'is-sticky share', 'sharebar-top',
  ];
  for (const s of samples) {
    assert.equal(ANY_CHROME_CLASS_RE.test(s), CHROME_CLASS_RULES.some((r) => r.re.test(s)), s);
  }
  assert.ok(samples.some((s) => ANY_CHROME_CLASS_RE.test(s)) && samples.some((s) => !ANY_CHROME_CLASS_RE.test(s)));
});

test("one scan over a block's parts says what the joined text's collapse test, trim and countWords say", () => {
  // Units that matter: every kind of white space, letters and digits of several scripts, both halves
  // of a surrogate pair (so pairs fall across part boundaries, and halves stand alone), punctuation.
  const units = [' ', ' ', '  ', '\t', '\n', '\r', '\u000b', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff',
    'a', 'Z', '7', 'é', 'ß', 'Ж', '日', '٣', '\ud835', '\udc00', '😀', '.', '-', '’', '\u200b', '\u0301'];
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let round = 0; round < 20000; round++) {
    const parts: string[] = [];
    const count = 1 + rand(5);
    for (let k = 0; k < count; k++) {
      let part = '';
      const len = rand(6);
      for (let i = 0; i < len; i++) part += units[rand(units.length)]!;
      parts.push(part);
    }
    const joined = parts.join('');
    scanParts(parts, parts.length);
    const label = JSON.stringify(parts);
    assert.equal(scan.words, countWords(joined), label);
    assert.equal(scan.uncollapsed, /[^\S ]| \s/.test(joined), label);
    assert.equal(scan.visible, joined.trim() !== '', label);
  }
});
