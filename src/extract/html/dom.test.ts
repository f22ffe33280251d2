import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { Element } from 'domhandler';
import { textContent, getElementsByTagName } from 'domutils';
import { FRAMEWORK_JSON_MAX_CHARS, classAndIdOf, dateJsonAttributes, isFrameworkJsonScript, parseHtml } from './dom.ts';

const PAGE = `<!doctype html><html><head><title>T &amp; U</title>
  <script>var x = "<p>not text</p>";</script>
  <script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script>
  <style>p { color: red }</style></head>
  <body>
    <div>
      <p>One <b>bold</b> <i>word</i>, <!-- c -->two</p>
      <svg><path d="M0 0"/><text>icon</text></svg>
      <noscript><img src="x.gif"> Enable JS</noscript>
    </div>
  </body></html>`;

test('readers see the same text as with domhandler, without scripts, styles, svg and noscript content', () => {
  const ours = parseHtml(PAGE);
  const p = getElementsByTagName('p', ours)[0]!;
  assert.equal(textContent(p), 'One bold word, two');
  const title = getElementsByTagName('title', ours)[0]!;
  assert.equal(textContent(title), 'T & U');
  const scripts = getElementsByTagName('script', ours);
  assert.equal(scripts.length, 2);
  assert.equal(textContent(scripts[0]!), '');
  assert.equal(JSON.parse(textContent(scripts[1]!)).headline, 'H');
  for (const gone of ['svg', 'noscript', 'style']) assert.equal(textContent(getElementsByTagName(gone, ours)[0]!), '', gone);
  assert.ok(!textContent(ours).includes('icon'));
  assert.ok(!textContent(ours).includes('Enable JS'));
});

test('white space between inline elements is kept; indentation between blocks is dropped', () => {
  const ours = parseHtml('<div>\n  <p><b>a</b> <i>b</i></p>\n  <p>c</p>\n</div><span>x</span> <span>y</span>');
  const div = ours.children[0] as Element;
  assert.deepEqual(div.children.map((c) => (c as Element).name), ['p', 'p']);
  assert.equal(textContent(div.children[0]!), 'a b');
  assert.equal(textContent(ours).replace(/\s+/g, ' '), 'a bcx y');
});

test('nodes keep domhandler shape: prototypes and parent links', () => {
  const ours = parseHtml('<ul><li>a</li><li>b</li></ul>');
  const ul = ours.children[0] as Element;
  assert.ok(ul instanceof Element);
  assert.equal(ul.type, 'tag');
  const [a, b] = ul.children as Element[];
  assert.equal(b!.parent, ul);
  assert.equal(ul.firstChild, a);
  assert.equal(ul.parent, ours);
});

test('only the attributes readers use are kept, first occurrence winning; date JSON is kept from any attribute', () => {
  const json = '{"@type":"NewsArticle","datePublished":"2024-04-08"}';
  const esc = json.replace(/"/g, '&quot;');
  const doc = parseHtml(
    `<div CLASS="a" class="b" href="/x" style="color:red" hidden data-props="${esc}" data-props="{&quot;datePublished&quot;:&quot;2000-01-01&quot;, &quot;x&quot;: 1}" data-other="[1]">` +
      `<meta itemprop="datePublished" content='${json}'><span>t</span></div></br>`,
  );
  const div = doc.children[0] as Element;
  assert.equal(div.attribs['class'], 'a');
  assert.equal(div.attribs['hidden'], '');
  assert.equal(div.attribs['href'], undefined);
  assert.equal(div.attribs['style'], undefined);
  assert.equal(div.attribs['id'], undefined);
  assert.deepEqual(dateJsonAttributes(div), [json]);
  const meta = div.children[0] as Element;
  assert.equal(meta.attribs['itemprop'], 'datePublished');
  assert.deepEqual(dateJsonAttributes(meta), [json]);
  const span = div.children[1] as Element;
  assert.equal(span.attribs['class'], undefined);
  assert.deepEqual(dateJsonAttributes(span), []);
  // A stray </br> is an implied <br> with no attributes.
  const br = doc.children[1] as Element;
  assert.equal(br.name, 'br');
  assert.equal(br.attribs['class'], undefined);
});

test('text reads the same as domhandler on malformed and truncated markup', () => {
  const strip = (s: string) => s.replace(/\s+/g, ' ').trim();
  const cases = ['<p>unclosed <b>bold <i>italic', '<table><tr><td><p>cell</td></tr></p></table></table>', '<<<>>><p =="x">x</p><!-- never closed', '', '<div><p>a</div></span>b'];
  for (const html of cases) {
    assert.equal(strip(textContent(parseHtml(html))), strip(textContent(parseDocument(html, { decodeEntities: true }))), html);
  }
  // Everything an unclosed <svg> holds is its content, and is dropped.
  assert.equal(strip(textContent(parseHtml('<p>before</p><svg><g><p>in svg</p></div>after'))), 'before');
});

test('framework JSON data scripts keep their text, capped; other scripts stay empty', () => {
  const data = JSON.stringify({ props: { pageProps: { post: { title: 'Ferry fares rise', date: '2024-04-08T06:59:34' } } } });
  const doc = parseHtml(
    `<html><body><p>Hi</p><script id="__NEXT_DATA__" type="application/json">${data}</script>` +
      `<script type="application/json" data-x>{"a":"${'x'.repeat(FRAMEWORK_JSON_MAX_CHARS)}"}</script><script>var y = 1;</script></body></html>`,
  );
  const [next, big, code] = getElementsByTagName('script', doc);
  assert.equal(JSON.parse(textContent(next!)).props.pageProps.post.date, '2024-04-08T06:59:34');
  assert.equal(textContent(big!).length, FRAMEWORK_JSON_MAX_CHARS);
  assert.equal(textContent(code!), '');
  assert.ok(isFrameworkJsonScript({ type: 'Application/JSON' }));
  assert.ok(!isFrameworkJsonScript({ type: 'text/javascript' }));
});

/** Everything the readers can see of a tree: names, kept attributes, date JSON, text, in order. */
function treeText(nodes: readonly unknown[], out: string[] = []): string[] {
  for (const n of nodes as (Element | { type: string; data?: string })[]) {
    if (n instanceof Element) {
      out.push(`<${n.name} ${JSON.stringify({ ...n.attribs })} ${JSON.stringify(dateJsonAttributes(n))}>`);
      treeText(n.children, out);
      out.push(`</${n.name}>`);
    } else out.push(`${n.type}:${n.data ?? ''}`);
  }
  return out;
}

test('a page written in pieces parses to the same tree, wherever the cuts fall', () => {
  const json = '{"@type":"NewsArticle","datePublished":"2024-04-08T10:00:00Z"}';
  const page =
    PAGE.replace('</body>', '') +
    `<p class="lead  intro" id="x">Caf&eacute; &amp; bar&nbsp;— “quoted” &#x41;&#66;</p>\n   \n  <div data-props='${json}'>` +
    `<script type="application/json" id="__NEXT_DATA__">{"props":{"date":"2024-04-08"}}</script>` +
    `<span> a </span> <em>b</em>\t<a href="/story?x=1&amp;y=2" title="a > b">link</a><p>unclosed <b>bold` +
    // Upper-case names, and a repeated attribute whose second value is date JSON (not kept: the first wins).
    `<SECTION Data-X="1" CLASS="k" data-x='{"datePublished":"2001-01-01T01:01"}' DATA-Y='{"datePublished":"2002-02-02T02:02"}'>s</SECTION>` +
    '</div></body></html>';
  const want = treeText(parseHtml(page).children).join('\n');
  for (const size of [1, 2, 3, 5, 17, 64, 1000]) {
    const pieces: string[] = [];
    for (let i = 0; i < page.length; i += size) pieces.push(page.slice(i, i + size));
    assert.equal(treeText(parseHtml(pieces).children).join('\n'), want, `pieces of ${size}`);
  }
  assert.ok(want.includes('Café & bar\u00a0— “quoted” AB'), 'entities decoded across cuts');
  assert.ok(want.includes('2024-04-08T10:00:00Z'), 'date JSON kept across cuts');
  assert.ok(want.includes('<section {"class":"k"} ["{\\"datePublished\\":\\"2002-02-02T02:02\\"}"]>'), 'names lower-cased; a repeated name keeps its first value');
});

test('elements of a page with the same class and no id share one class-and-id record; an id gives one of its own', () => {
  const doc = parseHtml(
    '<div class="menu item"><p class="menu item">a</p><p class="Menu item">b</p><p class="menu item" id="x">c</p><p id="x">d</p><p>e</p></div>',
  );
  const els = [...getElementsByTagName('div', doc), ...getElementsByTagName('p', doc)];
  const [div, same, otherCase, withId, idOnly, bare] = els.map(classAndIdOf);
  assert.ok(div && div === same, 'same class string, no id: one record');
  assert.ok(otherCase && otherCase !== div, 'a class spelled otherwise is another string: its own record');
  assert.ok(withId && withId !== div && idOnly && idOnly !== withId, 'an id: a record of its own');
  assert.equal(bare, null, 'neither attribute: no record');
  assert.notEqual(classAndIdOf(getElementsByTagName('div', parseHtml('<div class="menu item"></div>'))[0]!), div, 'pages never share records');
  // An element built elsewhere (not by parseHtml) gets its record on first use.
  const foreign = new Element('div', { class: 'a' });
  assert.equal(classAndIdOf(foreign), classAndIdOf(foreign));
  assert.equal(classAndIdOf(new Element('div', {})), null);
});

test('attribute values with entities and quotes: kept ones decoded, date JSON read when its first character or entity opens it, whole or in pieces', () => {
  const json = '{"datePublished":"2024-04-08T10:00:00Z","n":"a&b"}';
  const entityOpened = json.replace(/"/g, '&quot;').replace('{', '&#123;').replace('&b', '&amp;b');
  const page =
    `<div href="/a?x=1&amp;y=2&quot;z&#39;" style='a:"b"&gt;' data-a="&#123;&quot;datePublished&quot;:&quot;2001-01-01T00:00:00Z&quot;, &quot;x&quot;: 1}"` +
    ` data-b='${entityOpened.replace(/'/g, '&#39;')}' data-c="&notanentity; {&quot;datePublished&quot;:&quot;2003-03-03T00:00:00Z&quot;, &quot;p&quot;: 2}" class="k &amp; l" title="&lt;T&gt;">` +
    `<span data-d=" {&quot;datePublished&quot;:&quot;2004-04-04T00:00:00Z&quot;, &quot;p&quot;: 3}" data-e="[{&quot;datePublished&quot;:&quot;2005-05-05T00:00:00Z&quot;, &quot;q&quot;:4}]" id='i"d'>t &amp; u</span></div>`;
  const check = (doc: ReturnType<typeof parseHtml>, label: string): void => {
    const div = getElementsByTagName('div', doc)[0]!;
    assert.equal(div.attribs['class'], 'k & l', label);
    assert.equal(div.attribs['title'], '<T>', label);
    assert.deepEqual(
      dateJsonAttributes(div),
      ['{"datePublished":"2001-01-01T00:00:00Z", "x": 1}', json],
      `${label}: JSON opened by an entity is read; a value opening with anything else is dropped`,
    );
    const span = getElementsByTagName('span', doc)[0]!;
    assert.equal(span.attribs['id'], 'i"d', label);
    assert.deepEqual(dateJsonAttributes(span), ['[{"datePublished":"2005-05-05T00:00:00Z", "q":4}]'], label);
    assert.equal(textContent(span), 't & u', label);
  };
  check(parseHtml(page), 'whole');
  for (const size of [1, 2, 3, 7, 31]) {
    const pieces: string[] = [];
    for (let i = 0; i < page.length; i += size) pieces.push(page.slice(i, i + size));
    check(parseHtml(pieces), `pieces of ${size}`);
  }
  // The kept attributes read as htmlparser2 reads them.
  const theirs = getElementsByTagName('div', parseDocument(page))[0]!;
  assert.equal(theirs.attribs['class'], 'k & l');
  assert.equal(theirs.attribs['data-b'], json);
});
