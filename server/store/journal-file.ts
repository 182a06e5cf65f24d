/**
 * A lowdb adapter whose write cost does not grow with the data (issue #6). The JSON snapshot
 * (`DOKU_DB_FILE`) stays the human-readable truth; every batch of changes is appended to a
 * JSON-lines journal beside it (`<file>.journal-<gen>.jsonl`: a `{"journal":2}` header, then per
 * batch one `{"p":[collection,...keys],"v":record}` line per changed record, no `v` = deleted, and
 * a `{"end":n}` line that makes the batch count; journal-format.ts), and the journal is folded into
 * a fresh snapshot in the background once it grows past `compactEvery` lines.
 *
 * Durability (DOKU_DB_SYNC): `write` (default) hands each batch to the kernel with one synchronous
 * write before any answer is sent, so an acknowledged change survives the process being killed
 * (SIGKILL, OOM, container stop); only an OS crash or power loss within the kernel's write-back
 * delay (~30 s on Linux) can lose it. `fsync` adds fdatasync per batch and survives that too.
 *
 * Compaction starts once the journal has `compactEvery` lines *and* is at least as large as the
 * snapshot (as Redis rewrites its AOF when it has doubled): each compaction rewrites the whole
 * state, so a fixed line count would make a write's amortised cost grow with the data (at 100 000
 * stored payments, compacting every 20 000 lines cost ~40 % of payment throughput, measured).
 * With the size rule a write pays for rewriting at most its own bytes once more, whatever is stored;
 * the price is a journal that can reach the snapshot's size, replayed after a crash (a clean stop
 * folds it into the snapshot).
 *
 * Compaction rotates to a new journal generation, then writes the snapshot record by record,
 * yielding between chunks, so the event loop never stalls on one huge JSON.stringify. Replaying a
 * journal is idempotent (whole-record upserts and deletes), so a snapshot that already contains
 * some later changes is still correct after replay.
 */
import {
  closeSync,
  existsSync,
  fdatasync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Adapter } from 'lowdb';
import type { Data, Path } from './types.js';

export type { Path };
import { JOURNAL_HEADER, batchEnd, journalBatch, replay } from './journal-format.js';
import { LineFiles } from './line-files.js';
import { parseSnapshot, textOf, type OnPayment, type SnapshotData } from './snapshot-read.js';
import { writeSnapshot } from './snapshot-write.js';

const datasync = promisify(fdatasync);

export class JournalFile implements Adapter<Data> {
  private readonly dirty = new Map<string, Path>();
  private gen = 0;
  private fd: number | undefined;
  /** lines in the current journal generation (replayed ones count: they are not in the snapshot) */
  private lines = 0;
  /** bytes in the current journal generation, and in the snapshot: compaction waits until the first reaches the second */
  private journalBytes = 0;
  private snapshotBytes = 0;
  private compacting: Promise<void> | undefined;
  /** Payments at rest are kept as where their lines are in these files (line-files.ts). */
  readonly lineFiles = new LineFiles();
  private journalSlot = -1;
  private snapshotSlot = -1;
  /** where the next append lands in the current journal generation */
  private appendAt = 0;
  /** slots whose lines the running (or, after a failure, the next) compaction copies into its snapshot */
  private retiring: number[] = [];
  /** whether the start's snapshot read told `onPayment` every payment it kept at rest */
  snapshotIndexed = false;
  private readonly readLine = (h: number) => this.lineFiles.read(h);

  /** `onPayment`: told each payment of the snapshot the start keeps at rest, with its line (the store indexes it). */
  constructor(
    private readonly file: string,
    private readonly sync: 'write' | 'fsync' = 'write',
    private readonly compactEvery = 20_000,
    private readonly onPayment: OnPayment = () => {},
  ) {}

  /** What the start had to repair (a damaged journal tail it cut off): the caller reports it. */
  readonly notes: string[] = [];

  /** The store names every record it changes; the next write appends exactly those. */
  markDirty(path: Path): void {
    this.dirty.set(path.join('\u0000'), path);
  }

  async read(): Promise<Data | null> {
    let snapshot: SnapshotData | undefined;
    if (existsSync(this.file)) {
      this.snapshotSlot = this.lineFiles.add(openSync(this.file, 'r'));
      let read: ReturnType<typeof parseSnapshot>;
      try {
        read = parseSnapshot(this.lineFiles.fd(this.snapshotSlot)!, this.snapshotSlot, this.onPayment);
      } catch (e) {
        throw new Error(`${this.file}: ${(e as Error).message}`);
      }
      snapshot = read.data;
      this.snapshotIndexed = read.indexed;
    } else {
      // A journal after generation 0 exists only once a snapshot was written: without it, the
      // journal alone would start a state with every earlier binding, payment and token gone.
      const later = this.journalGens().find((g) => g > 0);
      if (later !== undefined && !this.journalGens().includes(0)) {
        throw new Error(
          `${this.file} is missing, but ${this.journalPath(later)} holds only the changes made after it was written: restore ${basename(this.file)} (or remove the journal files to start empty)`,
        );
      }
    }
    const data = snapshot ?? ({} as Data);
    this.gen = snapshot?.journalGen ?? 0;
    this.snapshotBytes = snapshot ? statSync(this.file).size : 0;
    for (const gen of this.journalGens().filter((g) => g >= this.gen)) {
      const path = this.journalPath(gen);
      const bytes = readFileSync(path);
      let replayed: ReturnType<typeof replay>;
      try {
        replayed = replay(data, textOf(bytes));
      } catch (e) {
        throw new Error(`${path}: ${(e as Error).message}`);
      }
      this.lines += replayed.applied;
      this.journalBytes += replayed.validBytes;
      this.gen = gen;
      // A damaged tail (a batch cut by a crash, never acknowledged, or a damaged line) is cut off
      // before anything is appended after it, and reported once: the next start finds it gone.
      if (replayed.dropped) {
        truncateSync(path, replayed.validBytes);
        this.notes.push(`${path}: ${replayed.dropped}`);
      }
    }
    delete (data as SnapshotData).journalGen;
    // A journal written by an earlier version (no header, no batch ends) is not appended to: the
    // next generation, begun with a header, holds what comes next, and both are replayed in order.
    if (this.isLegacyJournal(this.journalPath(this.gen))) this.gen += 1;
    this.openJournal(this.gen);
    return data;
  }

  async write(data: Data): Promise<void> {
    if (this.dirty.size === 0) return;
    const paths = [...this.dirty.values()];
    const batch = journalBatch(data, paths, this.appendAt, this.readLine);
    const { atRest } = batch;
    const chunk = batch.chunk + batchEnd(paths.length);
    const bytes = batch.bytes + Buffer.byteLength(batchEnd(paths.length));
    this.dirty.clear();
    try {
      let n = writeSync(this.fd!, chunk);
      if (n < bytes) for (const rest = Buffer.from(chunk); n < bytes;) n += writeSync(this.fd!, rest, n);
    } catch (e) {
      // A failed append (a full disk): its changes stay pending for the next batch (its requests
      // get the error), and what it wrote is cut off, so no torn line ever precedes a later one.
      for (const path of paths) this.markDirty(path);
      try {
        ftruncateSync(this.fd!, this.appendAt);
      } catch {
        // the start cuts a torn last line too (read)
      }
      throw e;
    }
    this.lines += paths.length;
    this.appendAt += bytes;
    this.journalBytes += bytes;
    for (const [ref, json, at, len] of atRest) {
      if (data.payments[ref] === json) data.payments[ref] = LineFiles.handle(this.journalSlot, at, len) ?? json;
    }
    if (this.sync === 'fsync') await datasync(this.fd!);
    if (this.lines >= this.compactEvery && this.journalBytes >= this.snapshotBytes && !this.compacting) void this.startCompaction(data);
  }

  /** A compaction now, after any running one (compactions never overlap: they share the temp file). */
  async compact(data: Data): Promise<void> {
    while (this.compacting) await this.compacting;
    await this.startCompaction(data);
  }

  /** Rotates the journal now (synchronously, between two batches) and writes the snapshot in the background. */
  private startCompaction(data: Data): Promise<void> {
    const next = this.gen + 1;
    closeSync(this.fd!);
    this.retiring.push(...[this.journalSlot, this.snapshotSlot].filter((slot) => slot >= 0));
    this.snapshotSlot = -1;
    this.openJournal(next);
    this.gen = next;
    this.lines = 0;
    this.journalBytes = 0;
    this.compacting = this.writeSnapshot(data, next).finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  /** Replaces everything (admin reset): pending changes are dropped, a fresh snapshot is written now. */
  async resetTo(data: Data): Promise<void> {
    while (this.compacting) await this.compacting;
    this.dirty.clear();
    await this.startCompaction(data);
  }

  /**
   * Shutdown: waits for a background compaction, folds what the journal holds into the snapshot
   * (so after a clean stop the JSON file alone is the whole state), then closes.
   */
  async close(data: Data): Promise<void> {
    while (this.compacting) await this.compacting;
    if (this.lines > 0) await this.startCompaction(data);
    if (this.fd !== undefined) {
      fsyncSync(this.fd);
      const empty = fstatSync(this.fd).size <= Buffer.byteLength(JOURNAL_HEADER);
      closeSync(this.fd);
      this.fd = undefined;
      // after a clean stop the JSON file alone is the state: no empty journal is left beside it
      if (empty) unlinkSync(this.journalPath(this.gen));
    }
    this.lineFiles.releaseAll();
  }

  /** Appends go to `fd`; payments' lines are read through a second descriptor the line files own. */
  private openJournal(gen: number): void {
    this.fd = openSync(this.journalPath(gen), 'a');
    this.appendAt = fstatSync(this.fd).size;
    if (this.appendAt === 0) this.appendAt = writeSync(this.fd, JOURNAL_HEADER);
    this.journalSlot = this.lineFiles.add(openSync(this.journalPath(gen), 'r'));
  }

  private async writeSnapshot(data: Data, gen: number): Promise<void> {
    const slot = await writeSnapshot(this.file, data, gen, {
      lineFiles: this.lineFiles,
      isDirty: (ref) => this.dirty.has(`payments\u0000${ref}`),
      retire: (s) => this.retiring.push(s),
    });
    this.snapshotSlot = slot;
    for (const old of this.retiring.splice(0)) this.lineFiles.release(old);
    this.snapshotBytes = statSync(this.file).size;
    for (const old of this.journalGens().filter((g) => g < gen)) unlinkSync(this.journalPath(old));
  }

  private isLegacyJournal(path: string): boolean {
    if (!existsSync(path) || statSync(path).size === 0) return false;
    const head = Buffer.alloc(Buffer.byteLength(JOURNAL_HEADER));
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    return head.toString('utf8') !== JOURNAL_HEADER;
  }

  private journalPath(gen: number): string {
    return join(dirname(this.file), `${basename(this.file)}.journal-${gen}.jsonl`);
  }

  private journalGens(): number[] {
    const prefix = `${basename(this.file)}.journal-`;
    return readdirSync(dirname(this.file))
      .filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl'))
      .map((f) => Number(f.slice(prefix.length, -'.jsonl'.length)))
      .filter(Number.isInteger)
      .sort((a, b) => a - b);
  }
}
