/**
 * Store: what Storyweave keeps between runs. One interface, `Store` (types.ts), and a factory,
 * `openStore`, that picks an implementation by kind and fails loudly on a kind it does not know:
 *
 *   sqlite  one file (default ./storyweave.db): WAL, migrations, FTS5 search — the embedded default
 *   memory  the same on SQLite ':memory:', for tests and one-off runs
 */
import { SqliteStore } from './sqlite.ts';
import { STORE_KINDS, StoreError, StoreSpec, type Store } from './types.ts';

export * from './types.ts';
export { SqliteStore, contentHash, ftsQuery, BROTLI_QUALITY, BUSY_TIMEOUT_MS, PAGE_SIZE } from './sqlite.ts';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './schema.ts';

/**
 * Opens the store a spec names. Throws a StoreError on an unknown kind or a malformed spec, saying
 * which kinds exist.
 *
 * @example
 *   const store = await openStore({ kind: 'sqlite', path: 'news.db' });
 *   console.log((await store.counts()).stories, 'stories');
 *   await store.close();
 */
export async function openStore(spec: unknown): Promise<Store> {
  const kind = (spec as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !(STORE_KINDS as readonly string[]).includes(kind)) {
    throw new StoreError('unknown_kind', `unknown store kind ${JSON.stringify(kind)}: expected one of ${STORE_KINDS.join(', ')}`);
  }
  const parsed = StoreSpec.safeParse(spec);
  if (!parsed.success) {
    throw new StoreError('bad_spec', `bad ${kind} store spec: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const valid = parsed.data;
  switch (valid.kind) {
    case 'sqlite':
      return new SqliteStore('sqlite', valid.path);
    case 'memory':
      return new SqliteStore('memory', ':memory:');
  }
}
