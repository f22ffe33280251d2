import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, ExtractFailure } from '../records/index.ts';
import { openStore, RECORDS_FILE, type ArticleStore } from './index.ts';

function article(id: string, title: string): Article {
  const paragraphs = [`${title} opened the new bridge on a windy morning.`];
  return {
    id,
    source: `${id}.txt`,
    url: null,
    ok: true,
    format: 'text',
    title,
    outlet: 'The Example Courier',
    originalSource: null,
    originalSourceEvidence: null,
    published: '2024-03-02',
    publishedEvidence: 'March 2, 2024',
    dateline: null,
    byline: null,
    language: 'en',
    paragraphs,
    text: paragraphs.join('\n\n'),
    wordCount: 9,
    removed: [{ text: 'Home > Local', reason: 'breadcrumb', line: 1 }],
    fetchedAt: null,
  };
}
const failure: ExtractFailure = { id: 'f1', source: 'logo.html', url: null, ok: false, error: { code: 'binary', message: 'PNG image' } };

test('folder: put, get, list, count, upsert', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store: ArticleStore = await openStore({ kind: 'folder', dir }, { onWarning: () => {} });
  assert.equal(await store.count(), 0);
  await store.put([article('a1', 'First'), failure, article('a2', 'Second')]);
  assert.equal(await store.count(), 3);
  assert.equal(await store.count({ ok: true }), 2);
  assert.equal(await store.count({ ok: false }), 1);
  assert.deepEqual(await store.get('a2'), article('a2', 'Second'));
  assert.equal(await store.get('zzz'), null);
  await store.put([article('a1', 'First, revised')]);
  assert.equal(await store.count(), 3);
  const listed = await store.list();
  assert.deepEqual(listed.map((r) => r.id), ['a1', 'f1', 'a2']);
  assert.equal((listed[0] as Article).title, 'First, revised');
  assert.deepEqual((await store.list({ ok: true, offset: 1, limit: 5 })).map((r) => r.id), ['a2']);
  await store.close();
  await assert.rejects(store.get('a1'), /closed/);
});

test('folder: records survive a reopen, last write wins', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const a = await openStore({ kind: 'folder', dir });
  await a.put([article('a1', 'First'), failure]);
  await a.put([article('a1', 'Revised')]);
  await a.close();
  const b = await openStore({ kind: 'folder', dir });
  assert.equal(await b.count(), 2);
  assert.equal(((await b.get('a1')) as Article).title, 'Revised');
  await b.close();
});

test('folder: a truncated last line is dropped with a warning, and later appends stay readable', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const a = await openStore({ kind: 'folder', dir });
  await a.put([article('a1', 'First')]);
  await a.close();
  const file = join(dir, RECORDS_FILE);
  const whole = JSON.stringify(article('a2', 'Second'));
  appendFileSync(file, whole.slice(0, whole.length / 2)); // a crash mid-write
  const warnings: string[] = [];
  const b = await openStore({ kind: 'folder', dir }, { onWarning: (m) => warnings.push(m) });
  assert.equal(await b.count(), 1);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /truncated last record/);
  await b.put([article('a3', 'Third')]);
  await b.close();
  assert.ok(readFileSync(file, 'utf8').endsWith('\n'));
  const c = await openStore({ kind: 'folder', dir }, { onWarning: (m) => assert.fail(m) });
  assert.deepEqual((await c.list()).map((r) => r.id), ['a1', 'a3']);
  await c.close();
});

test('folder: rows that fail the schema are skipped with a warning', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  appendFileSync(join(dir, RECORDS_FILE), '{"id":"x","ok":true}\nnot json\n' + JSON.stringify(failure) + '\n');
  const warnings: string[] = [];
  const s = await openStore({ kind: 'folder', dir }, { onWarning: (m) => warnings.push(m) });
  assert.equal(await s.count(), 1);
  assert.equal(warnings.length, 2);
  await s.close();
});

test('openStore fails loudly on a bad folder spec', async () => {
  await assert.rejects(openStore({ kind: 'folder' }), /bad folder store spec: dir/);
});

test('folder: a log mostly made of superseded lines is compacted on open, records intact', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, RECORDS_FILE);
  for (let run = 0; run < 3; run++) {
    const s = await openStore({ kind: 'folder', dir });
    await s.put([article('a1', `First v${run}`), article('a2', `Second v${run}`), failure]);
    await s.close();
  }
  const lineCount = () => readFileSync(file, 'utf8').trimEnd().split('\n').length;
  // Run 2 opened 6 lines with 3 live and compacted to 3 before appending 3: 6 lines now.
  assert.equal(lineCount(), 6);
  const s = await openStore({ kind: 'folder', dir });
  assert.equal(lineCount(), 3);
  assert.deepEqual((await s.list()).map((r) => (r.ok ? r.title : r.id)), ['First v2', 'Second v2', 'f1']);
  await s.put([article('a3', 'Third')]);
  await s.close();
  assert.equal(lineCount(), 4);
});
