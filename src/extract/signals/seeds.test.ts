/**
 * End-to-end metadata on the five seed dumps (../shared/seeds), through `extract()`: the text-dump
 * extractor and these signals together. Labels name seeds by number only; the text is read at run time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../index.ts';

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'seeds');

interface Expected {
  originalSource: string | null | undefined; // undefined: not labelled
  published: string | null;
  /** A fragment the published evidence must contain. */
  publishedEvidence?: string;
  outlet: string | null;
  dateline: string | null;
}

const LABELS: Record<string, Expected> = {
  '000': { originalSource: undefined, published: null, outlet: null, dateline: 'BEIRUT, Lebanon' },
  '001': { originalSource: 'The New York Times', published: null, outlet: 'Arabian Post', dateline: 'BEIRUT, Lebanon' },
  '002': { originalSource: 'Reuters', published: '2016-12-05', publishedEvidence: 'December 5, 2016', outlet: null, dateline: 'BEIRUT/MOSCOW' },
  '003': { originalSource: 'DW', published: '2016-12-05', publishedEvidence: '05.12.2016', outlet: 'DW', dateline: null },
  '004': { originalSource: 'Al Jazeera', published: null, outlet: null, dateline: null },
};

test('seed dumps: source, date, outlet, dateline and language', (t) => {
  if (!existsSync(SEEDS)) {
    console.warn(`SKIPPED: ${SEEDS} not found — seed metadata is not checked`);
    t.skip('../shared/seeds not found');
    return;
  }
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length >= Object.keys(LABELS).length, 'all labelled seeds are present');
  for (const f of files) {
    const label = LABELS[f.slice(0, 3)];
    if (!label) continue;
    const content = readFileSync(join(SEEDS, f), 'utf8');
    const r = extract({ source: f, url: null, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length });
    assert.ok(r.ok, `${f} extracts`);
    if (label.originalSource !== undefined) assert.equal(r.originalSource, label.originalSource, `${f} originalSource`);
    assert.equal(r.published, label.published, `${f} published`);
    assert.equal(r.outlet, label.outlet, `${f} outlet`);
    assert.equal(r.dateline, label.dateline, `${f} dateline`);
    assert.equal(r.language, 'en', `${f} language`);
    if (label.publishedEvidence) assert.ok(r.publishedEvidence?.includes(label.publishedEvidence), `${f} published evidence`);
    // Evidence is verbatim: it can be found in the page as scraped.
    for (const ev of [r.originalSourceEvidence, r.publishedEvidence]) {
      if (ev) assert.ok(content.includes(ev), `${f} evidence "${ev}" is verbatim`);
    }
    // Credits are metadata, not body.
    assert.ok(!r.paragraphs.some((p) => /—\s*Al Jazeera$|^NYtimes$|^[a-z]+\/[a-z]+ \(/u.test(p)), `${f} body holds no credit line`);
  }
});
