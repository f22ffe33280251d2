/**
 * The legacy folder store: an append-only JSONL log of extract results plus an in-memory index by id
 * (`.storyweave/results.jsonl`). Kept only while the CLI's `--store DIR` still writes it; the SQLite
 * store (`sqlite.ts`) replaces it, and this file goes once the CLI has moved to `--db`.
 *
 * Writes append whole lines in one call, so a crash mid-write loses at most the last, partial line;
 * on open that line is dropped with a warning and the file is cut back to its last complete line.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, writeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { ExtractResult } from '../records/index.ts';

export interface ArticleListOptions {
  /** true: articles only; false: failures only; absent: both. */
  ok?: boolean;
  offset?: number;
  limit?: number;
}

/** Results by id, last write wins. Every implementation passes the same suite (`index.test.ts`). */
export interface ArticleStore {
  readonly kind: ArticleStoreKind;
  /** Upserts by id: a result with an id already stored replaces it. */
  put(results: readonly ExtractResult[]): Promise<void>;
  get(id: string): Promise<ExtractResult | null>;
  /** In the order ids were first stored. */
  list(options?: ArticleListOptions): Promise<ExtractResult[]>;
  count(options?: Pick<ArticleListOptions, 'ok'>): Promise<number>;
  close(): Promise<void>;
}

export type ArticleStoreKind = 'folder' | 'memory';

export const DEFAULT_STORE_DIR = '.storyweave';
export const RECORDS_FILE = 'results.jsonl';

/**
 * On open, the log is rewritten without superseded lines once they are at least as many as the live
 * records: re-running a folder doubles the file, and compacting then keeps it within twice its live
 * size while a store that is only appended to is never rewritten.
 */
const COMPACT_WHEN_DEAD_PER_LIVE = 1;

export interface FolderStoreOptions {
  /** Told about records skipped on open (a truncated last line, a row that fails the schema). */
  onWarning?: (message: string) => void;
}

/**
 * Opens (creating it if needed) the folder store in `dir`.
 *
 * @example
 *   const store = openFolderStore('.storyweave');
 *   await store.put(results);
 *   await store.close();
 */
export function openFolderStore(dir: string, options: FolderStoreOptions = {}): ArticleStore {
  return FolderStore.open(dir, options);
}

/** Results in a Map: the index both implementations share, and the whole of the memory store. */
class MapStore implements ArticleStore {
  readonly kind: ArticleStoreKind = 'memory';
  protected readonly byId = new Map<string, ExtractResult>();
  protected closed = false;

  async put(results: readonly ExtractResult[]): Promise<void> {
    this.assertOpen();
    for (const r of results) this.byId.set(r.id, r);
  }

  async get(id: string): Promise<ExtractResult | null> {
    this.assertOpen();
    return this.byId.get(id) ?? null;
  }

  async list(options: ArticleListOptions = {}): Promise<ExtractResult[]> {
    this.assertOpen();
    const all = [...this.byId.values()].filter((r) => options.ok === undefined || r.ok === options.ok);
    const offset = options.offset ?? 0;
    return all.slice(offset, options.limit === undefined ? undefined : offset + options.limit);
  }

  async count(options: Pick<ArticleListOptions, 'ok'> = {}): Promise<number> {
    this.assertOpen();
    if (options.ok === undefined) return this.byId.size;
    let n = 0;
    for (const r of this.byId.values()) if (r.ok === options.ok) n++;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  protected assertOpen(): void {
    if (this.closed) throw new Error(`the ${this.kind} store is closed`);
  }
}

class FolderStore extends MapStore {
  override readonly kind: ArticleStoreKind = 'folder';

  private constructor(private readonly fd: number) {
    super();
  }

  static open(dir: string, options: FolderStoreOptions): FolderStore {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, RECORDS_FILE);
    const fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    let store = new FolderStore(fd);
    try {
      const lines = store.load(path, options.onWarning ?? ((m) => console.warn(m)));
      const live = store.byId.size;
      if (live > 0 && lines - live >= live * COMPACT_WHEN_DEAD_PER_LIVE) store = store.compact(path);
    } catch (err) {
      closeSync(store.fd);
      throw err;
    }
    return store;
  }

  /**
   * Writes the live records to a temp file, fsyncs it and renames it over the log: a crash leaves
   * either the old log or the new one, never a mix.
   */
  private compact(path: string): FolderStore {
    const tmp = `${path}.tmp`;
    const fd = openSync(tmp, 'w');
    const data = Buffer.from([...this.byId.values()].map((r) => JSON.stringify(r) + '\n').join(''));
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written, written);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
    closeSync(this.fd);
    const compacted = new FolderStore(openSync(path, 'r+'));
    for (const [id, r] of this.byId) compacted.byId.set(id, r);
    return compacted;
  }

  /**
   * Reads every complete line into the index; cuts a partial last line off so appends stay
   * line-aligned. Returns the number of records read, superseded ones included.
   */
  private load(path: string, warn: (message: string) => void): number {
    const size = fstatSync(this.fd).size;
    if (size === 0) return 0;
    const buf = Buffer.alloc(size);
    let read = 0;
    while (read < size) read += readSync(this.fd, buf, read, size - read, read);
    const lastNewline = buf.lastIndexOf(0x0a);
    const complete = lastNewline + 1;
    if (complete < size) {
      warn(`${path}: dropped a truncated last record (${size - complete} bytes after the last complete line; a write was cut off)`);
      ftruncateSync(this.fd, complete);
    }
    const lines = buf.subarray(0, complete).toString('utf8').split('\n');
    lines.pop(); // the empty string after the final \n
    let records = 0;
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        warn(`${path}:${i + 1}: skipped a line that is not JSON`);
        return;
      }
      const parsed = ExtractResult.safeParse(json);
      if (!parsed.success) {
        warn(`${path}:${i + 1}: skipped a record that is not an Article or ExtractFailure (${parsed.error.issues[0]?.message ?? 'invalid'})`);
        return;
      }
      this.byId.set(parsed.data.id, parsed.data);
      records++;
    });
    return records;
  }

  /** One write of whole lines, then fsync: a crash leaves complete lines plus at most one partial. */
  override async put(results: readonly ExtractResult[]): Promise<void> {
    this.assertOpen();
    if (results.length === 0) return;
    const data = Buffer.from(results.map((r) => JSON.stringify(r) + '\n').join(''));
    const end = fstatSync(this.fd).size;
    let written = 0;
    while (written < data.length) written += writeSync(this.fd, data, written, data.length - written, end + written);
    fsyncSync(this.fd);
    await super.put(results);
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    closeSync(this.fd);
    await super.close();
  }
}
