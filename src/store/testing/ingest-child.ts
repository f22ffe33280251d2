/**
 * The process the kill -9 test kills: ingests a folder into a SQLite store, printing one line per
 * stored page so the parent knows how far it got.
 *
 *   node --import tsx src/store/testing/ingest-child.ts <db> <folder> [batchPages]
 *
 * Prints `stored N` as pages are stored, `phase rebuild` at start and `done {json summary}` at the end.
 */
import { DEFAULT_EXTRACT_OPTIONS } from '../../extract/index.ts';
import { readInputs } from '../../ingest/index.ts';
import { ingestInto } from '../../pipeline/ingest.ts';
import { openStore } from '../index.ts';

const [db, folder, batch] = process.argv.slice(2);
if (!db || !folder) {
  process.stderr.write('usage: ingest-child.ts <db> <folder> [batchPages]\n');
  process.exit(2);
}
const store = await openStore({ kind: 'sqlite', path: db });
let stored = -1;
const summary = await ingestInto(store, readInputs([folder]), {
  extract: DEFAULT_EXTRACT_OPTIONS,
  batchPages: batch ? Number(batch) : undefined,
  onProgress: (p) => {
    if (p.phase === 'rebuild') {
      if (p.replayed === 0) process.stdout.write('phase rebuild\n');
    }
    else if (p.stored !== stored) {
      stored = p.stored;
      process.stdout.write(`stored ${stored}\n`);
    }
  },
});
await store.close();
process.stdout.write(`done ${JSON.stringify(summary)}\n`);
