/**
 * A lowdb adapter whose write cost does not grow with the data. The JSON snapshot (`DOKU_DB_FILE`)
 * stays the human-readable truth; every batch of changes is appended to a write-ahead log beside it
 * (`<file>.wal-<gen>.jsonl`, store/wal-format.ts), which a compaction folds into a fresh snapshot
 * in the background (store/snapshot.ts).
 *
 * Durability (DOKU_DB_SYNC): `write` (default) hands each batch to the kernel with one synchronous
 * write before any answer is sent, so an acknowledged change survives the process being killed;
 * only an OS crash within the kernel's write-back delay can lose it. `fsync` adds fdatasync per batch.
 *
 * Compaction starts once the log has `compactEvery` lines *and* is at least as large as the
 * snapshot (as Redis rewrites its AOF once it has doubled), so a write pays for rewriting at most
 * its own bytes once more, whatever is stored (docs/performance.md, "How state is kept").
 */
import {
  closeSync,
  existsSync,
  fdatasync,
  fstatSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Adapter } from 'lowdb';
import { readSnapshot, textOf, writeSnapshot } from './snapshot.js';
import type { Data, Path } from './types.js';
import { WAL_HEADER, isHeader, replay, walBatch } from './wal-format.js';

const datasync = promisify(fdatasync);

export class WalFile implements Adapter<Data> {
  private readonly dirty = new Map<string, Path>();
  private gen = 0;
  private fd: number | undefined;
  /** lines in the current generation, its bytes, and the snapshot's: compaction waits until the second reaches the third */
  private lines = 0;
  private walBytes = 0;
  private snapshotBytes = 0;
  private compacting: Promise<void> | undefined;
  /** What the start had to repair (a damaged log tail it cut off): the caller reports it. */
  readonly notes: string[] = [];

  constructor(
    private readonly file: string,
    private readonly sync: 'write' | 'fsync' = 'write',
    private readonly compactEvery = 20_000,
  ) {}

  /** The store names every record it changes; the next write appends exactly those. */
  markDirty(path: Path): void {
    this.dirty.set(path.join('\u0000'), path);
  }

  async read(): Promise<Data | null> {
    this.adoptEarlierNames();
    const snapshot = existsSync(this.file) ? readSnapshot(this.file) : undefined;
    // A generation after 0 exists only once a snapshot was written: without it, the log alone
    // would start a state with every earlier binding, payment and token gone.
    const later = this.generations().find((g) => g > 0);
    if (!snapshot && later !== undefined && !this.generations().includes(0))
      throw new Error(
        `${this.file} is missing, but ${this.path(later)} holds only the changes made after it was written: restore ${basename(this.file)} (or remove the .wal files to start empty)`,
      );
    const data = snapshot?.data ?? ({} as Data);
    this.gen = snapshot?.walGen ?? 0;
    this.snapshotBytes = snapshot ? statSync(this.file).size : 0;
    let earlierFormat = false;
    for (const gen of this.generations().filter((g) => g >= this.gen)) {
      const bytes = readFileSync(this.path(gen));
      let replayed: ReturnType<typeof replay>;
      try {
        replayed = replay(data, textOf(bytes));
      } catch (e) {
        throw new Error(`${this.path(gen)}: ${(e as Error).message}`);
      }
      this.gen = gen;
      this.lines += replayed.applied;
      this.walBytes += replayed.validBytes;
      earlierFormat = bytes.length > 0 && !isHeader(bytes.toString('latin1', 0, bytes.indexOf('\n') + 1));
      // A damaged tail is cut off before anything is appended after it, and reported once.
      if (replayed.dropped) {
        truncateSync(this.path(gen), replayed.validBytes);
        this.notes.push(`${this.path(gen)}: ${replayed.dropped}`);
      }
    }
    // A log of the format before batches is replayed, never appended to: the next generation follows it.
    if (earlierFormat) this.gen += 1;
    this.open(this.gen);
    return data;
  }

  async write(data: Data): Promise<void> {
    if (this.dirty.size === 0) return;
    const paths = [...this.dirty.values()];
    const bytes = Buffer.from(walBatch(data, paths));
    this.dirty.clear();
    const at = this.walBytes;
    try {
      for (let n = 0; n < bytes.length;) n += writeSync(this.fd!, bytes, n);
    } catch (e) {
      // A failed append (a full disk): its changes stay pending for the next batch, and what it
      // wrote is cut off, so no torn line ever precedes a later batch.
      for (const path of paths) this.markDirty(path);
      try {
        ftruncateSync(this.fd!, at);
      } catch {
        // the start cuts a torn tail too
      }
      throw e;
    }
    this.lines += paths.length;
    this.walBytes += bytes.length;
    if (this.sync === 'fsync') await datasync(this.fd!);
    if (this.lines >= this.compactEvery && this.walBytes >= this.snapshotBytes && !this.compacting) void this.startCompaction(data);
  }

  /** A compaction now, after any running one (they share the temp file). */
  async compact(data: Data): Promise<void> {
    while (this.compacting) await this.compacting;
    await this.startCompaction(data);
  }

  /** Replaces everything (admin reset): pending changes are dropped, a fresh snapshot is written now. */
  async resetTo(data: Data): Promise<void> {
    while (this.compacting) await this.compacting;
    this.dirty.clear();
    await this.startCompaction(data);
  }

  /** Shutdown: folds the log into the snapshot, so after a clean stop the JSON file alone is the state. */
  async close(data: Data): Promise<void> {
    while (this.compacting) await this.compacting;
    if (this.lines > 0) await this.startCompaction(data);
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    if (this.lines === 0) unlinkSync(this.path(this.gen)); // no empty log is left beside the JSON file
  }

  /** Rotates to a new generation now (between two batches), and writes the snapshot in the background. */
  private startCompaction(data: Data): Promise<void> {
    const next = this.gen + 1;
    closeSync(this.fd!);
    this.open(next);
    this.lines = 0;
    this.compacting = (async () => {
      await writeSnapshot(this.file, data, next);
      this.snapshotBytes = statSync(this.file).size;
      for (const old of this.generations().filter((g) => g < next)) unlinkSync(this.path(old));
    })().finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  private open(gen: number): void {
    this.gen = gen;
    this.fd = openSync(this.path(gen), 'a');
    this.walBytes = fstatSync(this.fd).size;
    if (this.walBytes === 0) this.walBytes = writeSync(this.fd, WAL_HEADER);
  }

  /** Log files of the version before issue #19 were `<file>.journal-<gen>.jsonl`: renamed once. */
  private adoptEarlierNames(): void {
    const prefix = `${basename(this.file)}.journal-`;
    for (const f of readdirSync(dirname(this.file)).filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl')))
      renameSync(join(dirname(this.file), f), this.path(Number(f.slice(prefix.length, -'.jsonl'.length))));
  }

  private path(gen: number): string {
    return join(dirname(this.file), `${basename(this.file)}.wal-${gen}.jsonl`);
  }

  private generations(): number[] {
    const prefix = `${basename(this.file)}.wal-`;
    return readdirSync(dirname(this.file))
      .filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl'))
      .map((f) => Number(f.slice(prefix.length, -'.jsonl'.length)))
      .filter(Number.isInteger)
      .sort((a, b) => a - b);
  }
}
