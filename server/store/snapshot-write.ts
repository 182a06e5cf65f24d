/**
 * Writes the JSON snapshot for a compaction (store/journal-file.ts): into `<file>.tmp`, record by
 * record in chunks (journal-format.ts writeObject) so the event loop gets a turn between them, then
 * a CRC-32 trailer (snapshot-read.ts), fdatasync and an atomic rename over `<file>`.
 *
 * Payments are placed as they are written (line-files.ts): once a chunk is on disk, each payment in
 * it that nobody changed meanwhile is kept as where its line is in the new file. The new file is
 * read through a descriptor of its own, which stays valid across the rename.
 */
import { openSync, renameSync, unlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { writeObject, type AtRest } from './journal-format.js';
import { LineFiles } from './line-files.js';
import { checksumTrailer } from './snapshot-read.js';
import type { Data } from './types.js';

export interface Placing {
  lineFiles: LineFiles;
  /** a payment changed and not yet appended to the journal: its line here may be older than it */
  isDirty(referenceNo: string): boolean;
  /** a file some payments were placed in, which the next compaction must copy before it is closed */
  retire(slot: number): void;
}

/** Returns the slot the new snapshot is read through. */
export async function writeSnapshot(file: string, data: Data, gen: number, placing: Placing): Promise<number> {
  const tmp = `${file}.tmp`;
  const fh = await open(tmp, 'w');
  const slot = placing.lineFiles.add(openSync(tmp, 'r'));
  // every byte but the trailer goes through the CRC, so a reader can tell an unedited snapshot (snapshot-read.ts)
  let crc = 0;
  let bytes = 0;
  const out = {
    get bytes() {
      return bytes;
    },
    write: (s: string) => ((crc = crc32(s, crc)), (bytes += Buffer.byteLength(s)), fh.write(s)),
  };
  const payments: AtRest = {
    read: (h) => placing.lineFiles.read(h),
    place: (key, seen, line, at, len) => {
      if (data.payments[key] !== seen || placing.isDirty(key)) return;
      data.payments[key] = LineFiles.handle(slot, at, len) ?? line;
    },
  };
  try {
    try {
      await out.write(`{\n"version": ${JSON.stringify(data.version)},\n"journalGen": ${gen}`);
      for (const [name, value] of Object.entries(data)) {
        if (name === 'version') continue;
        await out.write(`,\n${JSON.stringify(name)}: `);
        // collections record by record; a plain value (tokenEpoch) as it is
        if (value !== null && typeof value === 'object')
          await writeObject(
            out,
            value as Record<string, unknown>,
            name === 'idempotency' ? 2 : 1,
            name === 'payments' ? payments : undefined,
          );
        else await out.write(JSON.stringify(value));
      }
      await fh.write(checksumTrailer(crc));
      await fh.datasync();
    } finally {
      await fh.close();
    }
    renameSync(tmp, file);
    return slot;
  } catch (e) {
    // Payments placed in this file are read through its descriptor until the next compaction
    // copies them; unlinked now, the next one writes a new file instead of truncating this one.
    placing.retire(slot);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}
