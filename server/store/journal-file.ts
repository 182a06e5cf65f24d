/**
 * A lowdb adapter whose write cost does not grow with the data (issue #6). The JSON snapshot
 * (`DOKU_DB_FILE`) stays the human-readable truth; every batch of changes is appended to a
 * JSON-lines journal beside it (`<file>.journal-<gen>.jsonl`, one `{"p":[collection,...keys],"v":record}`
 * line per changed record, no `v` = deleted), and the journal is folded into a fresh snapshot in
 * the background once it grows past `compactEvery` lines.
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
import { closeSync, existsSync, fdatasync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import type { Adapter } from 'lowdb';
import type { Data } from './types.js';
import { journalLine, replay, writeObject } from './journal-format.js';
import { checksumTrailer, parseSnapshot, textOf, type SnapshotData } from './snapshot-read.js';

const datasync = promisify(fdatasync);

const readText = (file: string): string => textOf(readFileSync(file));
export type Path = readonly [keyof Data, ...string[]];

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

  constructor(private readonly file: string, private readonly sync: 'write' | 'fsync' = 'write', private readonly compactEvery = 20_000) {}

  /** The store names every record it changes; the next write appends exactly those. */
  markDirty(path: Path): void {
    this.dirty.set(path.join('\u0000'), path);
  }

  async read(): Promise<Data | null> {
    const snapshot = existsSync(this.file) ? parseSnapshot(this.file) : null;
    const data = snapshot ?? ({} as Data);
    this.gen = snapshot?.journalGen ?? 0;
    this.snapshotBytes = snapshot ? statSync(this.file).size : 0;
    for (const gen of this.journalGens().filter((g) => g >= this.gen)) {
      this.lines += replay(data, readText(this.journalPath(gen)));
      this.journalBytes += statSync(this.journalPath(gen)).size;
      this.gen = gen;
    }
    delete (data as SnapshotData).journalGen;
    this.fd = openSync(this.journalPath(this.gen), 'a');
    return data;
  }

  async write(data: Data): Promise<void> {
    if (this.dirty.size === 0) return;
    let chunk = '';
    for (const path of this.dirty.values()) chunk += journalLine(data, path);
    this.lines += this.dirty.size;
    this.dirty.clear();
    this.journalBytes += writeSync(this.fd!, chunk);
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
    this.fd = openSync(this.journalPath(next), 'a');
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
      closeSync(this.fd);
      this.fd = undefined;
    }
  }

  private async writeSnapshot(data: Data, gen: number): Promise<void> {
    const tmp = `${this.file}.tmp`;
    const fh = await open(tmp, 'w');
    // every byte but the trailer goes through the CRC, so a reader can tell an unedited snapshot (snapshot-read.ts)
    let crc = 0;
    const out = { write: (s: string) => ((crc = crc32(s, crc)), fh.write(s)) };
    try {
      await out.write(`{\n"version": ${JSON.stringify(data.version)},\n"journalGen": ${gen}`);
      for (const [name, value] of Object.entries(data)) {
        if (name === 'version') continue;
        await out.write(`,\n${JSON.stringify(name)}: `);
        // collections record by record; a plain value (tokenEpoch) as it is
        if (value !== null && typeof value === 'object') await writeObject(out, value as Record<string, unknown>, name === 'idempotency' ? 2 : 1, name === 'payments');
        else await out.write(JSON.stringify(value));
      }
      await fh.write(checksumTrailer(crc));
      await fh.datasync();
    } finally {
      await fh.close();
    }
    renameSync(tmp, this.file);
    this.snapshotBytes = statSync(this.file).size;
    for (const old of this.journalGens().filter((g) => g < gen)) unlinkSync(this.journalPath(old));
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
