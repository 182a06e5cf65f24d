/** The journal's line format and the chunked snapshot writer (store/journal-file.ts). */
import type { Data, Path } from './types.js';

/** Where writeObject writes: `bytes` counts what went out before the pending write. */
export interface SnapshotOut {
  write(s: string): Promise<unknown>;
  readonly bytes: number;
}

/**
 * What writeObject does with payments (`atRest`): reads a payment kept on disk (a handle,
 * line-files.ts), and is told where each payment's line now is in the snapshot once that chunk is
 * written, so the payment can be kept as that place from then on (journal-file.ts `place`).
 */
export interface AtRest {
  read(h: number): string;
  place(key: string, seen: unknown, line: string, at: number, len: number): void;
}

/**
 * One record per line, 1000 records per write, so the event loop gets a turn between chunks.
 * With `atRest` (payments) each record's line is placed once its chunk is written: the payment is
 * then kept as where its line is (or as the line), not as ~10 objects for the GC to mark.
 */
export async function writeObject(fh: SnapshotOut, obj: Record<string, unknown>, depth: number, atRest?: AtRest): Promise<void> {
  const keys = Object.keys(obj);
  if (keys.length === 0) return void (await fh.write('{}'));
  await fh.write('{');
  let chunk = '';
  let chunkBytes = 0;
  let placed: Array<[key: string, seen: unknown, line: string, at: number, len: number]> = [];
  const flush = async () => {
    const base = fh.bytes;
    await fh.write(chunk);
    for (const [key, seen, line, at, len] of placed) atRest!.place(key, seen, line, base + at, len);
    chunk = '';
    chunkBytes = 0;
    placed = [];
  };
  let written = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = obj[key];
    // Deleted by a request that ran while a chunk was being written (a refresh token taken, a
    // stored answer past the cap): left out; the new journal generation holds the deletion.
    if (value === undefined) continue;
    const comma = written++ ? ',' : '';
    if (depth > 1) {
      await fh.write(`${chunk}${comma}\n${JSON.stringify(key)}: `);
      chunk = '';
      await writeObject(fh, value as Record<string, unknown>, depth - 1);
      continue;
    }
    // a payment at rest is its line (a string) or where its line is (a number): written as it is
    const line = typeof value === 'string' ? value : typeof value === 'number' && atRest ? atRest.read(value) : JSON.stringify(value);
    const head = `${comma}\n${JSON.stringify(key)}: `;
    if (atRest) {
      const headBytes = Buffer.byteLength(head);
      const len = Buffer.byteLength(line);
      placed.push([key, value, line, chunkBytes + headBytes, len]);
      chunkBytes += headBytes + len;
    }
    chunk += head + line;
    if (chunk.length > 256 * 1024 || (i + 1) % 1000 === 0) await flush();
  }
  await flush();
  await fh.write('\n}');
}

/**
 * One journal line for the record at `path` (no `v`: deleted). For a payment also `json`, its
 * record's text, which is left in `data` as it is (the caller then keeps where it is written,
 * journal-file.ts), and `at`, where `json` begins in the line in UTF-8 bytes. The objects a request
 * built for the payment then die young instead of being copied and promoted by the GC. Every
 * change to a payment is synchronous after its lookup and ends in Store.paymentChanged, which puts
 * the object back and marks it for this line.
 * (Stored answers stay objects: a status check's answer shares most of its strings with the
 * payment, so its line would be the larger, measured.)
 */
export function journalLine(data: Data, path: Path, read?: (h: number) => string): { line: string; json?: string; at?: number } {
  const v = valueAt(data, path);
  if (path[0] !== 'payments' || path.length !== 2 || v === undefined || v === null) return { line: JSON.stringify({ p: path, v }) + '\n' };
  // already a string when a failed append is retried (JournalFile.write); a changed payment is
  // never a number (a compaction places only unchanged ones), read back if it ever were
  const json = typeof v === 'string' ? v : typeof v === 'number' && read ? read(v) : JSON.stringify(v);
  data.payments[path[1]!] = json;
  const head = `{"p":${JSON.stringify(path)},"v":`;
  return { line: `${head}${json}}\n`, json, at: Buffer.byteLength(head) };
}

/**
 * One journal append: the lines of the records at `paths`, their size in bytes, and for each
 * payment where its record's JSON will be in the file (`appendAt`: the file's size before it).
 */
export function journalBatch(data: Data, paths: readonly Path[], appendAt: number, read: (h: number) => string) {
  let chunk = '';
  let bytes = 0;
  const atRest: Array<[referenceNo: string, json: string, at: number, len: number]> = [];
  for (const path of paths) {
    const { line, json, at } = journalLine(data, path, read);
    if (json === undefined) bytes += Buffer.byteLength(line);
    else {
      const len = Buffer.byteLength(json);
      atRest.push([path[1]!, json, appendAt + bytes + at!, len]);
      bytes += at! + len + 2; // the line ends `}\n`
    }
    chunk += line;
  }
  return { chunk, bytes, atRest };
}

export function valueAt(data: Data, path: Path): unknown {
  let node: unknown = data;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** The first line of every journal generation this version writes: batches end with a marker line. */
export const JOURNAL_HEADER = '{"journal":2}\n';
/** The line that closes a batch of `count` record lines: a batch is applied whole or not at all. */
export const batchEnd = (count: number) => `{"end":${count}}\n`;

export interface Replayed {
  /** record lines applied */
  applied: number;
  /** bytes of the journal that were applied (or are the header): everything after them is dropped */
  validBytes: number;
  /** what was dropped, for the start to report; undefined when nothing was */
  dropped?: string;
}

/**
 * Applies a journal's batches to `data`, each whole or not at all. A damaged tail (a batch whose
 * end marker is missing, cut by a crash and so never acknowledged, or a damaged line after the last
 * complete batch) is dropped and reported. Damage with complete batches after it is not a crash's
 * tail but acknowledged changes lost: that is an error, naming the line. A journal of an earlier
 * version (no header) has no batch markers: each of its lines is a batch of one.
 */
export function replay(data: Data, text: string): Replayed {
  const lines = text.split('\n');
  const batched = lines[0] + '\n' === JOURNAL_HEADER;
  let at = batched ? Buffer.byteLength(JOURNAL_HEADER) : 0;
  let validBytes = at;
  let applied = 0;
  let pending: Array<{ p: string[]; v?: unknown }> = [];
  for (let i = batched ? 1 : 0; i < lines.length; i++) {
    const line = lines[i]!;
    const last = i === lines.length - 1;
    if (last && line === '') break;
    let entry: { p?: string[]; v?: unknown; end?: number };
    try {
      if (last) throw new Error('no newline at its end');
      entry = JSON.parse(line);
    } catch (e) {
      return dropFrom(lines, i, batched, text, validBytes, applied, `line ${i + 1} is damaged (${(e as Error).message.slice(0, 80)})`);
    }
    at += Buffer.byteLength(line) + 1;
    if (Array.isArray(entry.p)) pending.push(entry as { p: string[]; v?: unknown });
    else if (!batched || entry.end !== pending.length)
      return dropFrom(lines, i, batched, text, validBytes, applied, `line ${i + 1} is not a record or the end of its batch`);
    if (batched && entry.end === undefined) continue;
    for (const e of pending) apply(data, e);
    applied += pending.length;
    pending = [];
    validBytes = at;
  }
  if (pending.length > 0)
    return {
      applied,
      validBytes,
      dropped: `the last batch (${pending.length} record(s)) has no end: it was cut short, never acknowledged; ${Buffer.byteLength(text) - validBytes} byte(s) dropped`,
    };
  return { applied, validBytes };
}

/** The damage at line `i` is a tail (dropped, reported) unless a complete batch follows it (an error). */
function dropFrom(lines: string[], i: number, batched: boolean, text: string, validBytes: number, applied: number, why: string): Replayed {
  const complete = (line: string) => {
    try {
      const entry = JSON.parse(line) as { p?: unknown; end?: unknown };
      return batched ? typeof entry.end === 'number' : Array.isArray(entry.p);
    } catch {
      return false;
    }
  };
  if (lines.slice(i + 1, -1).some(complete))
    throw new Error(`journal ${why}, and complete changes follow it: restore the file, or cut it at that line to drop what follows`);
  return { applied, validBytes, dropped: `${why}; ${Buffer.byteLength(text) - validBytes} byte(s) from there on were dropped` };
}

function apply(data: Data, entry: { p: string[]; v?: unknown }): void {
  let node = data as unknown as Record<string, unknown>;
  for (const key of entry.p.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  const last = entry.p[entry.p.length - 1]!;
  if (entry.v === undefined || entry.v === null) delete node[last];
  else node[last] = entry.v;
}
