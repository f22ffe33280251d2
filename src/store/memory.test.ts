import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, StoreError, type SqliteStore } from './index.ts';
import { storeSuite } from './suite.ts';

storeSuite('memory', {
  open: () => openStore({ kind: 'memory' }),
  corrupt: async (store, table, key, json) => {
    const db = (store as SqliteStore).database();
    db.prepare(`UPDATE ${table} SET json = ? WHERE id = ?`).run(json, key);
  },
});

test('openStore fails loudly on an unknown kind or a bad spec', async () => {
  await assert.rejects(openStore({ kind: 'postgres' }), (e: unknown) => e instanceof StoreError && e.code === 'unknown_kind' && /expected one of sqlite, memory/.test(e.message));
  await assert.rejects(openStore(null), /unknown store kind undefined/);
  await assert.rejects(openStore({ kind: 'sqlite', path: '' }), (e: unknown) => e instanceof StoreError && e.code === 'bad_spec');
});
