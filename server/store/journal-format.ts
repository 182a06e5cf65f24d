/** The journal's line format and the chunked snapshot writer (store/journal-file.ts). */
import type { Data } from './types.js';
import type { Path } from './journal-file.js';

/**
 * One record per line, 1000 records per write, so the event loop gets a turn between chunks.
 * With `keepLines` (payments) each record is left in `obj` as the line just written, as the
 * journal append does (journalLine below): one string instead of ~10 objects for the GC to mark,
 * in about half the memory, parsed again on its next use (payment-index.ts `get`). A request
 * holding the object meanwhile puts it back when it changes it (Store.paymentChanged).
 */
export async function writeObject(fh: { write(s: string): Promise<unknown> }, obj: Record<string, unknown>, depth: number, keepLines = false): Promise<void> {
  const keys = Object.keys(obj);
  if (keys.length === 0) return void (await fh.write('{}'));
  await fh.write('{');
  let chunk = '';
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
    // a string record is a payment at rest as its JSON line (journalLine, keepLines, snapshot-read.ts): written as it is
    let line: string;
    if (typeof value === 'string') line = value;
    else {
      line = JSON.stringify(value);
      if (keepLines) obj[key] = line;
    }
    chunk += `${comma}\n${JSON.stringify(key)}: ${line}`;
    if (chunk.length > 256 * 1024 || (i + 1) % 1000 === 0) {
      await fh.write(chunk);
      chunk = '';
    }
  }
  await fh.write(`${chunk}\n}`);
}

/**
 * One journal line for the record at `path` (no `v`: deleted). A payment is left in `data` as the
 * JSON just written, as a compaction leaves it (writeObject, `keepLines`): the objects a request
 * built die young instead of being copied and promoted by the GC, and the payment at rest costs
 * about half the memory (docs/performance.md). Every change to a payment is synchronous after its
 * lookup and ends in Store.paymentChanged, which puts the object back and marks it for this line.
 * (Stored answers stay objects: a status check's answer shares most of its strings with the
 * payment, so its line would be the larger, measured.)
 */
export function journalLine(data: Data, path: Path): string {
  const v = valueAt(data, path);
  if (path[0] !== 'payments' || path.length !== 2 || v === undefined || v === null) return JSON.stringify({ p: path, v }) + '\n';
  // already a string if a running compaction reached this changed payment first: its line is current
  const json = typeof v === 'string' ? v : JSON.stringify(v);
  data.payments[path[1]!] = json;
  return `{"p":${JSON.stringify(path)},"v":${json}}\n`;
}

export function valueAt(data: Data, path: Path): unknown {
  let node: unknown = data;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/**
 * Applies journal lines to `data` and returns how many it applied; a torn last line (a batch cut
 * by a crash, never acknowledged) is ignored.
 */
export function replay(data: Data, text: string): number {
  const lines = text.split('\n');
  let applied = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    let entry: { p: string[]; v?: unknown };
    try {
      entry = JSON.parse(line);
    } catch (e) {
      if (lines.slice(i + 1).every((l) => l === '')) return applied; // the torn tail of an unacknowledged batch
      throw new Error(`journal line ${i + 1} is corrupt: ${(e as Error).message}`);
    }
    let node = data as unknown as Record<string, unknown>;
    for (const key of entry.p.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    const last = entry.p[entry.p.length - 1]!;
    if (entry.v === undefined || entry.v === null) delete node[last];
    else node[last] = entry.v;
    applied++;
  }
  return applied;
}
