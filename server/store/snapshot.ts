/**
 * The JSON snapshot (`DOKU_DB_FILE`, the user's lowdb file): read whole at start, written by a
 * compaction (store/wal-file.ts) one record per line into `<file>.tmp`, then fdatasync and an
 * atomic rename, so a crash leaves the old snapshot or the new one, never half of one.
 */
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, unlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { emptyData, type Data } from './types.js';

/** `walGen`: the first log generation not folded into this snapshot (`journalGen` before issue #19). */
export type SnapshotData = Data & { walGen?: number; journalGen?: number; checksum?: string };

/**
 * A file's text. ASCII (the usual case: JSON.stringify escapes nothing the sandbox writes but
 * non-ASCII names) is copied as Latin-1, which skips UTF-8 decoding (docs/performance.md, "Cold start").
 */
export const textOf = (bytes: Buffer): string => (isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));

/** Every key a state file of this or an earlier version holds: anything else is another program's JSON. */
const STATE_KEYS = new Set([...Object.keys(emptyData()), 'walGen', 'journalGen', 'checksum', 'accessTokens', 'customerTokens']);

/** Why `v` is not a state file (`[1,2,3]`, a package.json), or undefined. */
function notState(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return `it holds ${Array.isArray(v) ? 'an array' : typeof v}, not an object`;
  const other = Object.keys(v).find((k) => !STATE_KEYS.has(k));
  return other === undefined ? undefined : `it has a key "${other.slice(0, 40)}" no state file has`;
}

/** The snapshot's state, and the generation to replay from; an invalid file names line and column. */
export function readSnapshot(file: string): { data: Data; walGen: number } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(`${file}: ${err.code === 'EISDIR' ? 'is a folder, not a state file' : `cannot be read (${err.code ?? err.message})`}`);
  }
  const text = textOf(bytes);
  let parsed: SnapshotData;
  try {
    parsed = JSON.parse(text) as SnapshotData;
  } catch (e) {
    throw new Error(`${file}: not valid JSON${whereIn(text, (e as Error).message)}: ${(e as Error).message}`);
  }
  const strange = notState(parsed);
  if (strange)
    throw new Error(
      `${file}: valid JSON, but not a doku-sandbox state file (${strange}): nothing was changed; name another file (DOKU_DB_FILE, --db)`,
    );
  const { walGen, journalGen, checksum: _written_by_an_earlier_version, ...data } = parsed;
  return { data: data as Data, walGen: walGen ?? journalGen ?? 0 };
}

/**
 * ` at line L, column C` for a JSON.parse message, else ''. V8 names a position ("… at position N")
 * or quotes the text around an unexpected token, 10 characters either side (`Unexpected token 'I',
 * ..."erenceNo":INV-10","e"... is not valid JSON`), which is found again in the text.
 */
export function whereIn(text: string, message: string): string {
  if (message.includes('end of JSON')) return ` at its end (line ${text.split('\n').length})`;
  let position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (quoted) {
    const [, token, cut, around] = quoted;
    const start = text.indexOf(around!);
    if (start >= 0) position = start + (cut ? 10 : around!.indexOf(token!));
  }
  if (Number.isNaN(position)) return '';
  const before = text.slice(0, position);
  return ` at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * Writes `data` as the snapshot that log generation `walGen` continues. Records go out 1 000 per
 * write, so requests are served between chunks; one deleted meanwhile is left out, and one changed
 * meanwhile is written as it is then (replaying the log after it sets it again: upserts are idempotent).
 */
export async function writeSnapshot(file: string, data: Data, walGen: number): Promise<void> {
  const tmp = `${file}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    try {
      await fh.write(`{\n"version": ${JSON.stringify(data.version)},\n"walGen": ${walGen}`);
      for (const [name, value] of Object.entries(data)) {
        if (name === 'version') continue;
        await fh.write(`,\n${JSON.stringify(name)}: `);
        if (value !== null && typeof value === 'object') await writeRecords(fh, value, name === 'idempotency' ? 2 : 1);
        else await fh.write(JSON.stringify(value)); // a plain value (tokenEpoch)
      }
      await fh.write('\n}\n');
      await fh.datasync();
    } finally {
      await fh.close();
    }
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

/** A collection, one record per line (`depth` 2: a collection of collections, the stored answers by day). */
async function writeRecords(fh: FileHandle, obj: Record<string, unknown>, depth: number): Promise<void> {
  let chunk = '{';
  let written = 0;
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (value === undefined) continue; // deleted by a request served between two chunks
    chunk += `${written++ ? ',' : ''}\n${JSON.stringify(key)}: `;
    if (depth > 1) {
      await fh.write(chunk);
      chunk = '';
      await writeRecords(fh, value as Record<string, unknown>, depth - 1);
    } else chunk += JSON.stringify(value);
    if (written % 1000 === 0 || chunk.length > 256 * 1024) {
      await fh.write(chunk);
      chunk = '';
    }
  }
  await fh.write(written ? `${chunk}\n}` : `${chunk}}`);
}
