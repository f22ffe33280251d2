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
import { basename, join } from 'node:path';
import { readInputs } from '../src/ingest/index.ts';
import { runExtract } from '../src/pipeline/index.ts';
import type { ExtractResult } from '../src/records/index.ts';
import { REPO_ROOT, normTitle, wordF1 } from '../eval/lib.ts';

const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
const FIXTURES_DIR = join(REPO_ROOT, 'fixtures', 'examples');

/**
 * No page may pass with a body word-F1 under this: below it a reader sees chrome in the article or
 * misses a paragraph. A page that scores under it is listed in KNOWN_GAPS as `body`, never given a
 * lower floor.
 */
const MIN_BODY_F1 = 0.9;

/**
 * Per-page body F1 floors, pinned about 0.02 under the scores the extractors reached at commit d04adb4
 * (first HTML body, text dump, signals and pipeline commits), raised where 5bc867c scored higher,
 * clamped to MIN_BODY_F1. Raise a floor
 * when the extractor improves; never lower one without saying why in the commit.
 */
const BODY_F1_FLOORS: Record<string, number> = {
  'court-carvenia-tribune': 0.98, // measured 1.000
  'court-europa-welle': MIN_BODY_F1, // measured 0.886: see KNOWN_GAPS
  'court-global-briefing': 0.98, // measured 1.000
  'court-lakeshore-gazette': 0.94, // measured 0.962 (AP photo caption kept)
  'dam-alpenkurier': 0.905, // measured 0.925 at d04adb4 (kicker, standfirst, caption, initials kept); 0.891 at 5bc867c, a regression
  'dam-capital-courier': 0.98, // measured 1.000
  'dam-daily-lantern': 0.93, // measured 0.954 ("This is an excerpt…" prompt kept)
  'dam-europa-welle': MIN_BODY_F1, // measured 0.914 (standfirst and caption pair kept)
  'dam-meridian-press': 0.925, // measured 0.947 at 5bc867c (0.909 at d04adb4; caption, reporting credits kept)
  'dam-northgate-times': 0.975, // measured 0.997 (trailing "— Meridian Press" kept)
  'dam-valdoria-herald': 0.965, // measured 0.989 ("Published …" line kept)
  'recipe-crumb-and-kettle': 0.97, // measured 0.989 at 5bc867c (0.971 at d04adb4; photo caption kept)
  'review-gearlog': 0.98, // measured 1.000
  'strike-eastwind-news': 0.98, // measured 1.000
  'strike-harbour-voice': 0.905, // measured 0.925 (fused caption/title kept, last paragraph lost)
  'strike-metro-daily': 0.92, // measured 0.942 (captions and photo credit kept)
  'strike-valdoria-herald': 0.965, // measured 0.987 ("Published …" line kept)
  'strike-vessmark-chronicle': 0.905, // measured 0.927 (headline, caption, copyright line kept)
};

type Field = 'body' | 'title' | 'originalSource' | 'published' | 'outlet' | 'language' | 'refused';

/**
 * Checks that fail today because of a genuine extractor weakness, keyed `<stem>.<field>`, with the
 * reason. They run as TODO: reported, not fatal. Remove an entry when its check passes.
 */
const KNOWN_GAPS: Partial<Record<`${string}.${Field}`, string>> = {
  'court-europa-welle.body':
    'F1 0.886: the standfirst under the headline, the photo caption and the caption title ("The ruling was passed by seven votes to two") are kept as body; on a 213-word article they cost 0.11 precision',
  'court-lakeshore-gazette.title':
    'the "Updated: 4:18 PM CEST May 21, 2025" line is taken as the title; the headline line sits between nav lines and a "By …" line',
  'court-lakeshore-gazette.outlet':
    'outlet read from the wire\'s copyright line ("Copyright 2025 The Associated Press…") instead of "© 2025 Lakeshore Gazette"',
  'dam-alpenkurier.originalSource':
    'the editor-initials line "ks/jw (Meridian Press, dpa)" in an HTML body is kept as a paragraph, not read as a staff credit',
  'dam-daily-lantern.originalSource':
    '"(Meridian Press) -" is not read: wire datelines accept only names in the sources table',
  'dam-daily-lantern.outlet': 'the title suffix "- Daily Lantern" and "More on Daily Lantern" are not read as the site name',
  'dam-europa-welle.originalSource':
    'the initials line "kb/rt (Meridian Press, Reuters)" is not read (its wires are outside the sources table), while "jm/sw (AFP, AP)" is',
  'dam-meridian-press.originalSource': '"(Meridian Press) -" is not read: wire datelines accept only names in the sources table',
  'dam-northgate-times.originalSource':
    'the trailing "— Meridian Press" on the last paragraph is not read (name outside the sources table) and stays in the body',
  'dam-valdoria-herald.originalSource': '"(Meridian Press) -" is not read: wire datelines accept only names in the sources table',
  'dam-valdoria-herald.published': 'the line "Published April 7, 2025, 11:42 a.m." is neither read as the date nor removed',
  'strike-harbour-voice.title': 'a caption fused onto the headline line (seed 004 shape) yields no title',
  'strike-harbour-voice.originalSource': 'the trailing "— AFP" on the last paragraph is not read, and that paragraph is lost',
  'strike-harbour-voice.published': 'the standalone date line "17 Apr 2025" is kept as body, not read as the date',
  'strike-metro-daily.outlet': 'the page names itself only in credits ("Ana Brill for Metro Daily") and a trailing "Metro Daily" line',
  'strike-valdoria-herald.published': 'the line "Published April 14, 2025, 9:05 a.m." is neither read as the date nor removed',
  'strike-vessmark-chronicle.title':
    'title taken from <title> with the site prefix ("Vessmark Chronicle - …"); the headline is an <h2> in a table layout',
};

interface ExpectedMeta {
  title: string | null;
  outlet: string | null;
  originalSource: string | null;
  published: string | null;
  dateline: string | null;
  byline: string | null;
  language: string | null;
  ok: boolean;
  errorCode?: string;
}

const stemOf = (source: string) => basename(source).replace(/\.(txt|html)$/, '');

// The pipeline exactly as the CLI runs it: HTML pages extracted alone, text dumps after template
// evidence is built over all of them.
const run = await runExtract(readInputs([EXAMPLES_DIR]));
const results = new Map<string, ExtractResult>(run.results.map((r) => [stemOf(r.source), r]));

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
  return JSON.parse(readFileSync(join(FIXTURES_DIR, stem, 'expected-meta.json'), 'utf8')) as ExpectedMeta;
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
