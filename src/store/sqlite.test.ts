import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, SCHEMA_VERSION, SqliteStore, StoreError, type Store } from './index.ts';
import { articleFor, page, storeSuite } from './suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'sw-sqlite-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const paths = new WeakMap<Store, string>();

async function open(path = join(dir, `store-${n++}.db`)): Promise<Store> {
  const store = await openStore({ kind: 'sqlite', path });
  paths.set(store, path);
  return store;
}

storeSuite('sqlite', {
  open: () => open(),
  reopen: (closed) => open(paths.get(closed)!),
  corrupt: async (store, table, key, json) => {
    const db = (store as SqliteStore).database();
    if (table === 'results') db.prepare('UPDATE results SET json = ? WHERE id = ?').run(json, key);
    else db.prepare('UPDATE stories SET json = ? WHERE id = ?').run(json, key);
  },
});

test('sqlite: a new file is at the latest schema, in WAL mode, with foreign keys and a busy timeout', async () => {
  const store = (await open()) as SqliteStore;
  const db = store.database();
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.ok((db.pragma('busy_timeout', { simple: true }) as number) >= 1000);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  await store.close();
});

test('sqlite: the default path is ./storyweave.db', async () => {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const store = await openStore({ kind: 'sqlite' });
    await store.close();
    const db = new Database(join(dir, 'storyweave.db'), { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    db.close();
  } finally {
    process.chdir(cwd);
  }
});

test('sqlite: a file from a newer schema is refused, not guessed at', async () => {
  const path = join(dir, 'newer.db');
  const db = new Database(path);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  await assert.rejects(openStore({ kind: 'sqlite', path }), (e: unknown) => e instanceof StoreError && e.code === 'newer_schema' && /upgrade Storyweave/.test(e.message));
});

test('sqlite: page bodies are stored compressed and checked against their hash on read', async () => {
  const store = (await open()) as SqliteStore;
  const content = Array.from({ length: 200 }, (_, i) => `Line ${i % 7} of a page that repeats itself as pages do.`).join('\n');
  const { hash } = await store.putPage({ page: page(content), result: articleFor(content, { title: 't', text: 'x' }), seenAt: '2026-03-01T00:00:00Z' });
  const db = store.database();
  const row = db.prepare('SELECT length(body) AS n, compression FROM pages WHERE hash = ?').get(hash) as { n: number; compression: string };
  assert.equal(row.compression, 'br');
  assert.ok(row.n * 10 < Buffer.byteLength(content), `${row.n} compressed bytes for ${Buffer.byteLength(content)}`);
  db.prepare('UPDATE pages SET body = ? WHERE hash = ?').run(Buffer.from('garbage'), hash);
  await assert.rejects(store.getPage(hash), (e: unknown) => e instanceof StoreError && e.code === 'bad_row');
  await store.close();
});
