/**
 * Golden cases over the fictional example corpus (`examples/`, described in its README): every page
 * runs through the real pipeline — ingest, template evidence over all the text dumps, `extract()` —
 * and is checked against `fixtures/examples/<stem>/{expected.txt, expected-meta.json}`.
 *
 * Body: word-level F1 (WCXB's bag-of-words measure, `eval/lib.ts`) must reach the page's floor in
 * `BODY_F1_FLOORS`. Metadata: title, originalSource, published, outlet and language must equal the
 * fixture. Where today's extractor is known to fall short, the check still runs against the fixture's
 * truth but is marked TODO with the reason in `KNOWN_GAPS`, so the gap is reported on every run and
 * never hidden by a lowered bar or a bent fixture.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runExampleCases, stemOf, EXAMPLES_DIR, EXAMPLE_FIXTURES_DIR as FIXTURES_DIR, type ExpectedMeta } from '../eval/examples.ts';
import type { ExtractResult } from '../src/records/index.ts';
import { normTitle, wordF1 } from '../eval/lib.ts';


/**
 * No page may pass with a body word-F1 under this: below it a reader sees chrome in the article or
 * misses a paragraph. A page that scores under it is listed in KNOWN_GAPS as `body`, never given a
 * lower floor.
 */
const MIN_BODY_F1 = 0.9;

/**
 * Per-page body F1 floors, pinned about 0.02 under the scores measured after the second passes on
 * the text, HTML and signals extractors (capped at 0.98), never under MIN_BODY_F1. Raise a floor when
 * the extractor improves; never lower one without saying why in the commit.
 */
const BODY_F1_FLOORS: Record<string, number> = {
  'comet-lorvania-star-ledger': 0.98, // measured 1.000 (a Markdown export)
  'court-carvenia-tribune': 0.98, // measured 1.000
  'court-europa-welle': 0.92, // measured 0.939 (standfirst kept, as the seed labels keep one)
  'court-global-briefing': 0.98, // measured 1.000
  'court-lakeshore-gazette': 0.98, // measured 1.000
  'dam-alpenkurier': 0.98, // measured 1.000
  'dam-capital-courier': 0.98, // measured 1.000
  'dam-daily-lantern': 0.935, // measured 0.954 ("This is an excerpt…" prompt kept)
  'dam-europa-welle': 0.94, // measured 0.961 (standfirst kept)
  'dam-meridian-press': 0.98, // measured 1.000
  'dam-northgate-times': 0.98, // measured 1.000
  'dam-valdoria-herald': 0.98, // measured 1.000
  'recipe-crumb-and-kettle': 0.97, // measured 0.989
  'review-gearlog': 0.98, // measured 1.000
  'strike-eastwind-news': 0.98, // measured 1.000
  'strike-harbour-voice': 0.98, // measured 1.000
  'strike-metro-daily': 0.93, // measured 0.949 ("Ana Brill for Metro Daily" credit and captions kept)
  'strike-valdoria-herald': 0.98, // measured 1.000
  'strike-vessmark-chronicle': 0.98, // measured 1.000
};

type Field = 'body' | 'title' | 'originalSource' | 'published' | 'outlet' | 'language' | 'refused';

/**
 * Checks that fail today because of a genuine extractor weakness, keyed `<stem>.<field>`, with the
 * reason. They run as TODO: reported, not fatal. Remove an entry when its check passes.
 */
const KNOWN_GAPS: Partial<Record<`${string}.${Field}`, string>> = {
  'strike-vessmark-chronicle.title':
    'title taken from <title> with the site prefix ("Vessmark Chronicle - …"); the headline is an <h2> in a table layout',
};

// The pipeline exactly as the CLI runs it: HTML pages extracted alone, text dumps after template
// evidence is built over all of them.
const cases = await runExampleCases();
const results = new Map<string, ExtractResult>(cases.map((c) => [c.stem, c.result]));

/**
 * Runs one check as a subtest; a check listed in KNOWN_GAPS runs as TODO, and says so loudly when it
 * starts passing, so the entry gets removed and the check becomes a guard again.
 */
async function check(t: TestContext, stem: string, field: Field, name: string, fn: () => void): Promise<void> {
  const key = `${stem}.${field}` as const;
  const reason = KNOWN_GAPS[key];
  await t.test(name, reason ? { todo: reason } : {}, () => {
    fn();
    if (reason) console.warn(`KNOWN_GAPS['${key}'] now passes: remove the entry from test/examples.test.ts`);
  });
}

test('every example page has a fixture and every fixture a page', () => {
  const pages = readdirSync(EXAMPLES_DIR).filter((f) => /\.(txt|html)$/.test(f)).map(stemOf).sort();
  const fixtures = readdirSync(FIXTURES_DIR).sort();
  assert.ok(pages.length >= 18, `expected at least 18 example pages, found ${pages.length}`);
  assert.deepEqual(fixtures, pages);
  assert.deepEqual([...results.keys()].sort(), pages);
  for (const stem of pages) assert.ok(stem in BODY_F1_FLOORS || !readMeta(stem).ok, `no body floor for ${stem}`);
});

test('KNOWN_GAPS and floors name only real pages, and no floor is under the minimum', () => {
  for (const key of Object.keys(KNOWN_GAPS)) {
    const stem = key.slice(0, key.lastIndexOf('.'));
    assert.ok(results.has(stem), `KNOWN_GAPS entry for unknown page ${key}`);
  }
  for (const [stem, floor] of Object.entries(BODY_F1_FLOORS)) {
    assert.ok(results.has(stem), `floor for unknown page ${stem}`);
    assert.ok(floor >= MIN_BODY_F1, `${stem}: floor ${floor} is under ${MIN_BODY_F1}`);
  }
});

function readMeta(stem: string): ExpectedMeta {
  const c = cases.find((x) => x.stem === stem);
  assert.ok(c?.expected, `no fixture for ${stem}`);
  return c.expected.meta;
}

for (const stem of [...results.keys()].sort()) {
  const result = results.get(stem)!;
  const dir = join(FIXTURES_DIR, stem);
  if (!existsSync(dir)) continue; // reported by the inventory test above
  const meta = readMeta(stem);

  if (!meta.ok) {
    test(`${stem}: refused as ${meta.errorCode}`, async (t) => {
      await check(t, stem, 'refused', 'refusal code', () => {
        assert.equal(result.ok, false, `expected a refusal, got an article: ${result.ok ? result.text.slice(0, 200) : ''}`);
        if (!result.ok) assert.equal(result.error.code, meta.errorCode);
      });
    });
    continue;
  }

  test(stem, async (t) => {
    assert.ok(result.ok, `expected an article, got ${result.ok ? '' : `${result.error.code}: ${result.error.message}`}`);
    if (!result.ok) return;
    const gold = readFileSync(join(dir, 'expected.txt'), 'utf8');
    const floor = BODY_F1_FLOORS[stem] ?? MIN_BODY_F1;

    await check(t, stem, 'body', 'body word-F1', () => {
      const f = wordF1(result.text, gold);
      assert.ok(
        f.f1 >= floor,
        `F1 ${f.f1.toFixed(3)} (P ${f.precision.toFixed(3)}, R ${f.recall.toFixed(3)}) is under the floor ${floor}`,
      );
    });
    await check(t, stem, 'title', 'title', () => {
      assert.equal(normTitle(result.title), normTitle(meta.title));
    });
    const exact: Array<['originalSource' | 'published' | 'outlet' | 'language', string | null]> = [
      ['originalSource', result.originalSource],
      ['published', result.published],
      ['outlet', result.outlet],
      ['language', result.language],
    ];
    for (const [field, got] of exact) {
      await check(t, stem, field, field, () => {
        assert.equal(got, meta[field]);
      });
    }
  });
}
