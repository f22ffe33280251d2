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

/** Multimap uint32 key → int32 values, newest first. */
export class KeyTable {
  private keys: Uint32Array;
  private heads: Int32Array;
  private mask: number;
  private used = 0;
  private readonly next = new ChunkedInt32();
  private readonly value = new ChunkedInt32();

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

  add(key: number, value: number): void {
    // Load kept ≤ 0.7 so linear probing stays short.
    if ((this.used + 1) * 10 > (this.mask + 1) * 7) this.grow();
    const i = this.slotOf(key);
    if (this.heads[i] === -1) {
      this.keys[i] = key;
      this.used++;
    }
    this.next.push(this.heads[i]!);
    this.heads[i] = this.value.push(value);
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
    return this.keys.byteLength + this.heads.byteLength + this.next.bytes() + this.value.bytes();
  }
}

/** Append-only store of Uint32 runs (one shingle set per article) in large chunks. */
export class U32Arena {
  private chunks: Uint32Array[] = [];
  private fill = 0;
  private readonly chunkSize: number;
  constructor(chunkSize = 1 << 20) {
    this.chunkSize = chunkSize;
  }
  /** Stores a copy of `data` and returns a view onto the stored copy. */
  store(data: Uint32Array): Uint32Array {
    if (data.length > this.chunkSize) return Uint32Array.from(data);
    let chunk = this.chunks.at(-1);
    if (!chunk || this.fill + data.length > chunk.length) {
      chunk = new Uint32Array(this.chunkSize);
      this.chunks.push(chunk);
      this.fill = 0;
    }
    const view = chunk.subarray(this.fill, this.fill + data.length);
    view.set(data);
    this.fill += data.length;
    return view;
  }
  bytes(): number {
    return this.chunks.length * this.chunkSize * 4;
  }
}
