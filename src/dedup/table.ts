/**
 * Compact storage for an index that may hold millions of articles: a multimap from 32-bit bucket keys
 * to article slots in typed arrays (open addressing over keys, chains through an entry array), and a
 * chunked arena for shingle sets. Plain JS Maps cost ≈ 80 bytes an entry and stop at 2^24 entries; this
 * costs ≈ 20 bytes an entry and has no such limit. Append-only: eviction drops whole partitions.
 */

const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/** A growable Int32 sequence in fixed-size chunks, so growth never copies what is already stored. */
export class ChunkedInt32 {
  private chunks: Int32Array[] = [];
  length = 0;
  push(v: number): number {
    const c = this.length >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[c]![this.length & CHUNK_MASK] = v;
    return this.length++;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & CHUNK_MASK]!;
  }
  bytes(): number {
    return this.chunks.length * CHUNK * 4;
  }
}

/** A growable Uint8 sequence in fixed-size chunks. */
export class ChunkedUint8 {
  private chunks: Uint8Array[] = [];
  length = 0;
  push(v: number): number {
    const c = this.length >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(new Uint8Array(CHUNK));
    this.chunks[c]![this.length & CHUNK_MASK] = v;
    return this.length++;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & CHUNK_MASK]!;
  }
  bytes(): number {
    return this.chunks.length * CHUNK;
  }
}

/**
 * Largest load of the key table, in tenths. 0.8 rather than 0.7: at 1M synthetic articles the anchor
 * table holds ≈ 24M keys, just past 0.7 of 2^25 slots, and the doubling to 2^26 (plus the old arrays
 * during the copy) pushed peak RSS over 2 GB; probes at 0.8 stay within a cache line or two of keys.
 */
const MAX_LOAD_TENTHS = 8;

/** Most a bucket's stored length is tracked to; lengths saturate here (one byte an entry). */
export const MAX_TRACKED_LENGTH = 255;

/**
 * Multimap uint32 key → int32 values, newest first. Every entry records its bucket's length when it was
 * added (saturating at 255, one byte an entry), so a bucket's length is read in O(1) from its head: a
 * reader can tell a stock phrase's crowded bucket before walking it.
 */
export class KeyTable {
  private keys: Uint32Array;
  private heads: Int32Array;
  private mask: number;
  private used = 0;
  private readonly next = new ChunkedInt32();
  private readonly value = new ChunkedInt32();
  private readonly depth = new ChunkedUint8();

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  get entries(): number {
    return this.value.length;
  }

  private slotOf(key: number): number {
    let i = key & this.mask;
    while (this.heads[i] !== -1 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** Adds `value` under `key` (it becomes the newest). */
  add(key: number, value: number): void {
    if ((this.used + 1) * 10 > (this.mask + 1) * MAX_LOAD_TENTHS) this.grow();
    const i = this.slotOf(key);
    const head = this.heads[i]!;
    if (head === -1) {
      this.keys[i] = key;
      this.used++;
    }
    this.next.push(head);
    this.depth.push(head === -1 ? 1 : Math.min(this.depth.get(head) + 1, MAX_TRACKED_LENGTH));
    this.heads[i] = this.value.push(value);
  }

  /** Values stored under `key` (saturating at 255). */
  length(key: number): number {
    const head = this.heads[this.slotOf(key)]!;
    return head === -1 ? 0 : this.depth.get(head);
  }

  /** Calls `fn` with up to `cap` values stored under `key`, newest first. */
  scan(key: number, cap: number, fn: (value: number) => void): void {
    const i = this.slotOf(key);
    let e = this.heads[i]!;
    for (let n = 0; e !== -1 && n < cap; n++) {
      fn(this.value.get(e));
      e = this.next.get(e);
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    const cap = (this.mask + 1) * 2;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let i = 0; i < oldHeads.length; i++) {
      if (oldHeads[i] === -1) continue;
      const j = this.slotOf(oldKeys[i]!);
      this.keys[j] = oldKeys[i]!;
      this.heads[j] = oldHeads[i]!;
    }
  }

  bytes(): number {
    return this.keys.byteLength + this.heads.byteLength + this.next.bytes() + this.value.bytes() + this.depth.bytes();
  }
}

/**
 * Append-only store of Uint32 runs (one shingle set per article) in large chunks, addressed by the order
 * they were stored in. No view object is kept per run (≈ 100 bytes of heap each, 100 MB at 1M articles):
 * `get` makes one when a candidate is measured.
 */
export class U32Arena {
  private chunks: Uint32Array[] = [];
  private fill = 0;
  private readonly chunkSize: number;
  private readonly starts = new ChunkedInt32();
  private readonly lengths = new ChunkedInt32();
  /** Runs longer than a chunk, kept whole. */
  private readonly oversize = new Map<number, Uint32Array>();
  constructor(chunkSize = 1 << 20) {
    this.chunkSize = chunkSize;
  }
  get length(): number {
    return this.starts.length;
  }
  /** Stores a copy of `data` and returns its index. */
  store(data: Uint32Array): number {
    if (data.length > this.chunkSize) {
      this.oversize.set(this.starts.length, Uint32Array.from(data));
      this.lengths.push(data.length);
      return this.starts.push(-1);
    }
    let chunk = this.chunks.at(-1);
    if (!chunk || this.fill + data.length > chunk.length) {
      chunk = new Uint32Array(this.chunkSize);
      this.chunks.push(chunk);
      this.fill = 0;
    }
    chunk.set(data, this.fill);
    this.lengths.push(data.length);
    const index = this.starts.push((this.chunks.length - 1) * this.chunkSize + this.fill);
    this.fill += data.length;
    return index;
  }
  /** A view onto the run stored at `index`. */
  get(index: number): Uint32Array {
    const start = this.starts.get(index);
    if (start === -1) return this.oversize.get(index)!;
    const c = Math.floor(start / this.chunkSize);
    const at = start - c * this.chunkSize;
    return this.chunks[c]!.subarray(at, at + this.lengths.get(index));
  }
  bytes(): number {
    let big = 0;
    for (const v of this.oversize.values()) big += v.byteLength;
    return this.chunks.length * this.chunkSize * 4 + this.starts.bytes() + this.lengths.bytes() + big;
  }
}
