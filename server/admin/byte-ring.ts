/**
 * Texts kept in one buffer allocated once, outside V8's heap, used as a ring: the newest
 * `maxEntries` texts that fit in `capacity` bytes, the oldest dropped first. The request journal
 * (journal.ts) keeps its entries here. Under load an entry outlives a young-generation GC or two:
 * kept as JS strings or objects it would be copied, promoted and later collected by a full
 * mark-compact, and at 100 000 stored payments the journal was ~45 % of what a payment promoted
 * (docs/performance.md, "p99 and GC"). Written here, the strings an entry is made of die young.
 */
export class ByteRing {
  private readonly buf: Buffer;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  /** the slot of the oldest text, how many are kept, and where the next one goes */
  private first = 0;
  private count = 0;
  private head = 0;

  constructor(
    capacity: number,
    private readonly maxEntries: number,
  ) {
    // Not zero-filled, so untouched pages cost no memory; only bytes written are ever read.
    this.buf = Buffer.allocUnsafeSlow(maxEntries > 0 ? capacity : 0);
    this.starts = new Int32Array(maxEntries);
    this.lengths = new Int32Array(maxEntries);
  }

  /** Keeps `text`, dropping the oldest texts it needs room for; false (nothing kept) if it is larger than the ring. */
  push(text: string): boolean {
    const size = Buffer.byteLength(text, 'utf8');
    if (this.maxEntries === 0 || size > this.buf.length) return false;
    const wrap = this.head + size > this.buf.length;
    const at = wrap ? 0 : this.head;
    // Texts lie around the ring in the order they came, the oldest just after `head`: those in the
    // way (and, on a wrap, those in the tail it leaves unused) are always the oldest.
    while (
      this.count > 0 &&
      (this.count === this.maxEntries || this.overlaps(this.first, at, at + size) || (wrap && this.starts[this.first]! >= this.head))
    ) {
      this.first = (this.first + 1) % this.maxEntries;
      this.count--;
    }
    this.buf.write(text, at, size, 'utf8');
    const slot = (this.first + this.count) % this.maxEntries;
    this.starts[slot] = at;
    this.lengths[slot] = size;
    this.count++;
    this.head = at + size;
    return true;
  }

  /** The texts kept, oldest first. */
  texts(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) {
      const slot = (this.first + i) % this.maxEntries;
      out.push(this.buf.toString('utf8', this.starts[slot], this.starts[slot]! + this.lengths[slot]!));
    }
    return out;
  }

  clear(): void {
    this.first = this.count = this.head = 0;
  }

  private overlaps(slot: number, from: number, to: number): boolean {
    const start = this.starts[slot]!;
    return start < to && from < start + this.lengths[slot]!;
  }
}
