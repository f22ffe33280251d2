/**
 * Parallel features for the story stream. A unit's features (tokens, entities, numbers: about a third
 * of the clusterer's time per unit) are pure, while assigning it to a story must follow the stream's
 * order; so worker threads compute features ahead of the clusterer and the clusterer adds units in
 * arrival order on the calling thread. The stories are exactly those of adding the units one by one
 * (the worker's features equal the clusterer's own), only sooner on a machine with a second core.
 *
 * This is the one part of the cluster stage that starts threads; everything else stays pure.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ClusterUnit, StoryClusterer, StoryState } from './clusterer.ts';
import type { UnitFeatures } from './features.ts';

/** What a worker is sent: a batch of units' text, numbered so replies can be matched. */
export interface FeatureRequest {
  seq: number;
  units: { title: string | null; paragraphs: readonly string[] }[];
}
/** A worker's answer: the batch's features in order, or why it could not compute them. */
export type FeatureReply = { seq: number; features: UnitFeatures[] } | { seq: number; error: string };

/**
 * Worker threads by default: every core but the one the clusterer runs on. On one core there is
 * nothing to overlap with, and the copies to and from a worker would only add work.
 */
export function defaultFeatureWorkers(): number {
  return Math.max(0, availableParallelism() - 1);
}

/**
 * Units per message. One message per unit costs more in posting and waking than the features of a
 * short article; 64 keeps that overhead small and a batch of long articles still well under 100 ms.
 */
export const FEATURE_BATCH = 64;

interface Pending {
  resolve: (f: UnitFeatures[]) => void;
  reject: (e: Error) => void;
}

/** Flags that take a value on the next argument when not written `--flag=value`. */
const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C']);

/**
 * The module-loading flags of the parent (`--require` hooks, `--conditions`), which a worker needs to
 * load the same code; the rest (heap sizes, --expose-gc) are per process and a Worker refuses them.
 */
export function loaderArgs(argv: readonly string[], skip: (value: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!LOADER_FLAGS.has(name)) continue;
    const pair = eq > 0 ? [a] : i + 1 < argv.length ? [a, argv[++i]!] : [a];
    if (!skip(eq > 0 ? a.slice(eq + 1) : (pair[1] ?? ''))) out.push(...pair);
  }
  return out;
}

/**
 * How to start the feature worker beside this module. Compiled (`dist/`), it is plain `.js`. From
 * source under tsx, Node 20 does not apply `--import tsx` hooks to a worker's entry module, so a tiny
 * script loads the `.ts` entry through tsx's own `tsImport`.
 */
function workerEntry(): { entry: URL | string; eval: boolean; execArgv: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { entry: new URL('./feature-worker.js', import.meta.url), eval: false, execArgv: loaderArgs(process.execArgv) };
  const ts = new URL('./feature-worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  return { entry: `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(ts)}, ${JSON.stringify(ts)}))`, eval: true, execArgv: loaderArgs(process.execArgv, (v) => v.includes('tsx')) };
}

class FeatureWorker {
  readonly thread: Worker;
  readonly pending = new Map<number, Pending>();
  failed: Error | null = null;

  constructor() {
    const { entry, eval: isScript, execArgv } = workerEntry();
    this.thread = new Worker(entry, { eval: isScript, execArgv });
    // Idle workers must not keep the process alive; one with work in flight is referenced again.
    this.thread.unref();
    this.thread.on('message', (reply: FeatureReply) => {
      const p = this.pending.get(reply.seq);
      if (!p) return;
      this.pending.delete(reply.seq);
      if (this.pending.size === 0) this.thread.unref();
      if ('error' in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.features);
    });
    const fail = (e: Error) => {
      this.failed ??= e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.thread.on('error', fail);
    this.thread.on('exit', (code) => fail(new Error(`feature worker exited with code ${code}`)));
  }

  send(seq: number, units: readonly FeatureRequest['units'][number][]): Promise<UnitFeatures[]> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.thread.ref();
      const req: FeatureRequest = { seq, units: units.map((u) => ({ title: u.title, paragraphs: u.paragraphs })) };
      this.thread.postMessage(req);
    });
  }
}

/**
 * A fixed set of feature workers, given batches round-robin. A batch whose worker failed is reported
 * as an error to the caller, which computes it itself (see clusterStream): a lost worker slows the
 * stream down but loses no unit.
 *
 * @example
 *   const pool = new FeaturePool(1);
 *   const features = await pool.compute(units);
 *   await pool.close();
 */
export class FeaturePool {
  private readonly workers: FeatureWorker[];
  private next = 0;
  private seq = 0;

  constructor(size: number) {
    if (!(size >= 1)) throw new RangeError(`FeaturePool needs at least one worker (got ${size})`);
    this.workers = Array.from({ length: size }, () => new FeatureWorker());
  }

  get size(): number {
    return this.workers.length;
  }

  /** Features of each unit, in order, with the default entity layer. */
  compute(units: readonly Pick<ClusterUnit, 'title' | 'paragraphs'>[]): Promise<UnitFeatures[]> {
    const live = this.workers.filter((w) => !w.failed);
    if (live.length === 0) return Promise.reject(this.workers[0]!.failed ?? new Error('no feature worker'));
    const w = live[this.next++ % live.length]!;
    return w.send(this.seq++, units);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.thread.terminate()));
  }
}

/** One unit of the stream and the story it went to (the story as it stood right after the unit was added). */
export interface ClusteredUnit {
  unit: ClusterUnit;
  story: StoryState;
}

export interface ClusterStreamOptions {
  /** Feature worker threads; 0 computes features on the calling thread. Default defaultFeatureWorkers(). */
  workers?: number;
  /** Units per worker message (default FEATURE_BATCH). The stream holds a batch until it is full or the input ends. */
  batch?: number;
  /** Batches in flight ahead of the clusterer (default two per worker): enough to keep every worker busy while the clusterer works. */
  ahead?: number;
  /** A pool to use (and leave open) instead of starting `workers` threads for this stream. */
  pool?: FeaturePool;
  /** Called when a worker fails and its batch is computed on the calling thread instead. */
  onWorkerError?: (error: Error) => void;
}

interface InFlight {
  units: ClusterUnit[];
  /** The batch's features, or null when its worker failed (then computed here). Never rejects. */
  features: Promise<UnitFeatures[] | null>;
}

/**
 * Adds a stream of units to `clusterer` in arrival order, with features computed on worker threads
 * ahead of it, and yields each unit with its story. The stories equal those of calling
 * `clusterer.add(unit)` for each unit in turn. A clusterer with a custom entity extractor (which
 * cannot be sent to a thread) gets its features on the calling thread.
 *
 * @example
 *   for await (const { unit, story } of clusterStream(units, new StoryClusterer())) console.log(unit.id, story.num);
 */
export async function* clusterStream(units: AsyncIterable<ClusterUnit> | Iterable<ClusterUnit>, clusterer: StoryClusterer, options: ClusterStreamOptions = {}): AsyncGenerator<ClusteredUnit> {
  const size = clusterer.usesDefaultEntities ? (options.pool?.size ?? options.workers ?? defaultFeatureWorkers()) : 0;
  if (size <= 0) {
    for await (const unit of units) yield { unit, story: clusterer.add(unit) };
    return;
  }
  const batchSize = Math.max(1, options.batch ?? FEATURE_BATCH);
  const ahead = Math.max(1, options.ahead ?? 2 * size);
  const pool = options.pool ?? new FeaturePool(size);
  const queue: InFlight[] = [];
  const dispatch = (batch: ClusterUnit[]) => {
    queue.push({
      units: batch,
      features: pool.compute(batch).catch((e: unknown) => {
        options.onWorkerError?.(e instanceof Error ? e : new Error(String(e)));
        return null;
      }),
    });
  };
  async function* drain(job: InFlight): AsyncGenerator<ClusteredUnit> {
    const features = await job.features;
    for (let i = 0; i < job.units.length; i++) {
      const unit = job.units[i]!;
      const f = features?.[i];
      yield { unit, story: f ? clusterer.add(unit, { features: f }) : clusterer.add(unit) };
    }
  }
  try {
    let batch: ClusterUnit[] = [];
    for await (const unit of units) {
      batch.push(unit);
      if (batch.length < batchSize) continue;
      dispatch(batch);
      batch = [];
      while (queue.length > ahead) yield* drain(queue.shift()!);
    }
    if (batch.length) dispatch(batch);
    while (queue.length) yield* drain(queue.shift()!);
  } finally {
    if (!options.pool) await pool.close();
  }
}
