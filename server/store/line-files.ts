/**
 * Payments at rest stay on disk (issue #6, docs/performance.md "How state is kept"): once its line
 * is in a file the sandbox keeps open (the snapshot, or the current journal generation), a payment
 * is kept in memory as one number naming that file, the line's byte offset and its length, and is
 * read back with one `pread` when a request needs it. That is Bitcask's keydir: memory holds keys
 * and where their values are, the files hold the values. A payment then costs ~0.3 KB (its key,
 * this number, its index entries) instead of ~0.9 KB with its line, and the heap V8 sizes after it
 * shrinks with it.
 *
 * A file keeps its slot until a compaction has copied every line it holds into the next snapshot
 * (store/journal-file.ts); an unlinked or renamed file stays readable through its descriptor.
 */
import { closeSync, readSync } from 'node:fs';

const SLOTS = 8; // at most 4 in use: old and new snapshot, old and new journal (a compaction)
const LEN = 2 ** 20; // a line up to 1 MiB (a payment with thousands of refunds stays a string)
const AT = 2 ** 30; // offsets up to 1 GiB (past it, lines stay strings): slot × len × offset < 2^53

/** A line's place in a file, packed into one integer-valued number (exact below 2^53). */
export type LineHandle = number;

export class LineFiles {
  private readonly fds: Array<number | undefined> = new Array(SLOTS).fill(undefined);
  /** counts closed files: a handle read before the last one may name a slot another file has now */
  releases = 0;

  /**
   * Registers an open, readable descriptor and returns its slot, which owns the descriptor from now
   * on; -1 (descriptor closed) when all are taken, and the file's lines then stay strings in memory.
   */
  add(fd: number): number {
    const slot = this.fds.indexOf(undefined);
    if (slot < 0) closeSync(fd);
    else this.fds[slot] = fd;
    return slot;
  }

  /** Closes a file whose lines no handle names any more. */
  release(slot: number): void {
    const fd = this.fds[slot];
    if (fd === undefined) return;
    this.fds[slot] = undefined;
    this.releases++;
    closeSync(fd);
  }

  releaseAll(): void {
    for (let slot = 0; slot < SLOTS; slot++) this.release(slot);
  }

  fd(slot: number): number | undefined {
    return this.fds[slot];
  }

  /** The handle of `len` bytes at `at` in `slot`'s file, or undefined when it does not fit one number. */
  static handle(slot: number, at: number, len: number): LineHandle | undefined {
    return slot >= 0 && len < LEN && at < AT ? (at * LEN + len) * SLOTS + slot : undefined;
  }

  static slotOf(h: LineHandle): number {
    return h % SLOTS;
  }

  static lengthOf(h: LineHandle): number {
    return ((h - (h % SLOTS)) / SLOTS) % LEN;
  }

  static offsetOf(h: LineHandle): number {
    const rest = (h - (h % SLOTS)) / SLOTS;
    return (rest - (rest % LEN)) / LEN;
  }

  /** The line a handle names, as the text it was written as (UTF-8). */
  read(h: LineHandle): string {
    const slot = LineFiles.slotOf(h);
    const len = LineFiles.lengthOf(h);
    const at = LineFiles.offsetOf(h);
    const fd = this.fds[slot];
    if (fd === undefined) throw new Error(`line-files: slot ${slot} was released while a handle named it`);
    const buf = Buffer.allocUnsafe(len);
    let got = 0;
    while (got < len) {
      const n = readSync(fd, buf, got, len - got, at + got);
      if (n === 0) throw new Error(`line-files: short read at ${at} in slot ${slot}`);
      got += n;
    }
    return buf.toString('utf8');
  }
}
