/**
 * `ingest --watch`: poll the inputs and yield what is new until the signal aborts.
 *
 * - Feeds (URLs or feed files) yield entries not seen before (by guid / id and by link); a feed URL
 *   is asked for with its ETag and Last-Modified, so an unchanged feed costs one 304.
 * - Folders yield files that are new or changed (by path, mtime and size), once they have settled:
 *   a file still being written is read on the poll after its size and mtime stop moving.
 * - A URL that turns out to be a page, stdin and single non-feed files are read once, like readInputs;
 *   a single file is read again when it changes.
 * - A source that keeps failing (a feed that is down) yields its error once, when it starts failing,
 *   and again only after it has recovered and failed anew; repeats go to onWarning.
 */
import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PageError } from '../records/index.ts';
import { isFeedPath, isUrlInput, readInputs, readPath, walk } from './read.ts';
import { newFeedState, readUrl, type FeedState } from './remote.ts';
import type { IngestItem, IngestOptions } from './types.ts';

/** A minute: news feeds update every few minutes and most ask clients not to poll faster (RSS ttl 5–60). */
export const DEFAULT_WATCH_INTERVAL_MS = 60_000;

/**
 * A file whose mtime is older than this at its first sighting is taken as complete at once; a newer
 * one waits one poll for its size and mtime to stop changing. 2 s covers a copy or download in
 * progress at the moment of a poll while letting files that already existed at start be read at once.
 */
const SETTLED_AFTER_MS = 2_000;

export interface WatchOptions extends IngestOptions {
  /** Time between the end of one poll and the start of the next. */
  intervalMs: number;
  /** Ends the watch: the iteration returns, fetches in flight are aborted. */
  signal: AbortSignal;
  /** Yield what the inputs already hold on the first poll (default true), or only what appears later. */
  initial?: boolean;
}

interface FileSeen {
  signature: string;
  /** True once this signature has been read (or primed on start). */
  done: boolean;
}

interface SourceState {
  feed: FeedState;
  /** Signature of each file under a path input, and whether that signature has been read. */
  files: Map<string, FileSeen>;
  /** Feed states of feed files under a path input, so entries already read are skipped. */
  feedFiles: Map<string, FeedState>;
  failing: string | null;
  once: boolean;
}

/**
 * Yields items from `inputs` as they appear, polling every `intervalMs`, until `signal` aborts.
 *
 * @example
 *   const stop = new AbortController();
 *   process.on('SIGINT', () => stop.abort());
 *   for await (const item of watchInputs(['https://example.com/rss', 'inbox/'], { maxBytes: 5e6, intervalMs: 60_000, signal: stop.signal })) …
 */
export async function* watchInputs(inputs: string[], options: WatchOptions): AsyncGenerator<IngestItem> {
  const { signal } = options;
  const states = new Map<string, SourceState>();
  const prime = options.initial === false;
  // A folder walk warns about each file it passes over; on every poll that would repeat forever.
  const warned = new Set<string>();
  const walkOptions: IngestOptions = {
    ...options,
    onWarning: (message) => {
      if (warned.has(message)) return;
      warned.add(message);
      options.onWarning?.(message);
    },
  };
  for (let poll = 0; !signal.aborted; poll++) {
    for (const input of inputs) {
      if (signal.aborted) return;
      let state = states.get(input);
      if (!state) {
        state = { feed: newFeedState(), files: new Map(), feedFiles: new Map(), failing: null, once: false };
        states.set(input, state);
      }
      const silent = prime && poll === 0;
      for await (const item of pollInput(input, state, options, walkOptions, silent)) {
        if (signal.aborted) return;
        if (!silent) yield item;
      }
    }
    try {
      await sleep(options.intervalMs, undefined, { signal });
    } catch {
      return;
    }
  }
}

async function* pollInput(input: string, state: SourceState, options: WatchOptions, walkOptions: IngestOptions, silent: boolean): AsyncGenerator<IngestItem> {
  if (state.once) return;
  if (input === '-') {
    state.once = true;
    yield* readInputs([input], options);
    return;
  }
  if (isUrlInput(input)) {
    state.feed.prime = silent;
    for await (const item of readUrl(input, options, state.feed)) {
      if (!item.ok && item.source === input) {
        const key = item.error.code;
        if (state.failing === null) yield item;
        else options.onWarning?.(`${input}: still failing: ${item.error.message}`);
        state.failing = key;
        continue;
      }
      state.failing = null;
      yield item;
    }
    if (state.feed.kind === 'page') state.once = true;
    return;
  }
  let isDir: boolean;
  try {
    isDir = (await stat(input)).isDirectory();
  } catch (err) {
    const error: PageError = { code: 'read_failed', message: `cannot read the input: ${err instanceof Error ? err.message : String(err)}` };
    if (state.failing === null) yield { ok: false, source: input, error };
    state.failing = error.code;
    return;
  }
  state.failing = null;
  const paths: string[] = [];
  if (isDir) for await (const path of walk(input, walkOptions)) paths.push(path);
  else paths.push(input);
  const now = Date.now();
  const present = new Set(paths);
  for (const path of paths) {
    if (options.signal.aborted) return;
    let signature: string;
    let mtimeMs: number;
    try {
      const s = await stat(path);
      signature = `${s.mtimeMs}:${s.size}`;
      mtimeMs = s.mtimeMs;
    } catch {
      continue; // gone between the walk and now: the next poll will not list it
    }
    const seen = state.files.get(path);
    if (seen?.signature === signature && seen.done) continue;
    const settled = seen?.signature === signature || now - mtimeMs >= SETTLED_AFTER_MS;
    if (!settled) {
      state.files.set(path, { signature, done: false });
      continue;
    }
    state.files.set(path, { signature, done: true });
    let feedState: FeedState | undefined;
    if (isFeedPath(path)) {
      feedState = state.feedFiles.get(path) ?? newFeedState();
      state.feedFiles.set(path, feedState);
      feedState.prime = silent;
    } else if (silent) {
      continue;
    }
    yield* readPath(path, options, feedState);
  }
  for (const path of state.files.keys()) if (!present.has(path)) state.files.delete(path);
  for (const path of state.feedFiles.keys()) if (!present.has(path)) state.feedFiles.delete(path);
}
