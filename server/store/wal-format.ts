/**
 * The write-ahead log's lines (store/wal-file.ts): a header, then per batch one
 * `{"p":[collection,...keys],"v":record}` line per changed record (no `v`: deleted) and a
 * `{"end":n}` line that makes the batch count. Replay applies each batch whole or not at all.
 */
import type { Data, Path } from './types.js';

/** The first line of every log generation this version writes. */
export const WAL_HEADER = '{"wal":2}\n';
/** The same format, as the version before the rename (issue #19) headed it. */
const EARLIER_HEADER = '{"journal":2}\n';
export const isHeader = (line: string) => line === WAL_HEADER || line === EARLIER_HEADER;

/** One batch: a line per record at `paths` (its value now, or its deletion), then the batch's end. */
export function walBatch(data: Data, paths: readonly Path[]): string {
  let text = '';
  for (const p of paths) text += JSON.stringify({ p, v: valueAt(data, p) }) + '\n';
  return `${text}{"end":${paths.length}}\n`;
}

function valueAt(data: Data, path: Path): unknown {
  let node: unknown = data;
  for (const key of path)
    node = node && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

export interface Replayed {
  /** record lines applied */
  applied: number;
  /** bytes applied (or the header): everything after them is to be cut off */
  validBytes: number;
  /** what was dropped, for the start to report; undefined when nothing was */
  dropped?: string;
}

/**
 * Applies a log's batches to `data`. A damaged tail (a batch without its end, cut by a crash and so
 * never acknowledged, or a damaged line after the last complete batch) is dropped and reported.
 * Damage with complete batches after it is acknowledged changes lost: an error naming the line.
 * A log of the version before batches (no header) is read as batches of one line.
 */
export function replay(data: Data, text: string): Replayed {
  const lines = text.split('\n');
  const batched = isHeader(lines[0] + '\n');
  let at = batched ? Buffer.byteLength(lines[0]!) + 1 : 0;
  const result: Replayed = { applied: 0, validBytes: at };
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
      return dropFrom(lines, i, batched, text, result, `line ${i + 1} is damaged (${(e as Error).message.slice(0, 80)})`);
    }
    at += Buffer.byteLength(line) + 1;
    if (Array.isArray(entry.p)) pending.push(entry as { p: string[]; v?: unknown });
    else if (!batched || entry.end !== pending.length)
      return dropFrom(lines, i, batched, text, result, `line ${i + 1} is not a record or the end of its batch`);
    if (batched && entry.end === undefined) continue;
    for (const e of pending) apply(data, e);
    result.applied += pending.length;
    result.validBytes = at;
    pending = [];
  }
  if (pending.length > 0) {
    const cut = Buffer.byteLength(text) - result.validBytes;
    result.dropped = `the last batch (${pending.length} record(s)) has no end: it was cut short, never acknowledged; ${cut} byte(s) dropped`;
  }
  return result;
}

/** The damage at line `i` is a tail (dropped, reported) unless a complete batch follows it (an error). */
function dropFrom(lines: string[], i: number, batched: boolean, text: string, result: Replayed, why: string): Replayed {
  const complete = (line: string) => {
    try {
      const entry = JSON.parse(line) as { p?: unknown; end?: unknown };
      return batched ? typeof entry.end === 'number' : Array.isArray(entry.p);
    } catch {
      return false;
    }
  };
  if (lines.slice(i + 1, -1).some(complete))
    throw new Error(`log ${why}, and complete changes follow it: restore the file, or cut it at that line to drop what follows`);
  return { ...result, dropped: `${why}; ${Buffer.byteLength(text) - result.validBytes} byte(s) from there on were dropped` };
}

function apply(data: Data, entry: { p: string[]; v?: unknown }): void {
  let node = data as unknown as Record<string, unknown>;
  for (const key of entry.p.slice(0, -1)) node = (Object.hasOwn(node, key) ? node[key] : (node[key] = {})) as Record<string, unknown>;
  const last = entry.p[entry.p.length - 1]!;
  if (entry.v === undefined || entry.v === null) delete node[last];
  else node[last] = entry.v;
}
