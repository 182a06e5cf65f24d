/**
 * Reads the JSON snapshot. A snapshot the sandbox wrote itself and nobody has edited since (its
 * trailing `"checksum": "crc32:…"` matches every byte before it) is read without parsing its
 * payments: each is kept as where its line is in the file (a handle, line-files.ts), and its index
 * keys are read from the line as the file streams by (`onPayment`). At 100 000 stored payments
 * `JSON.parse` of the whole 46 MB file and the garbage collection it caused were ~0.6 s of a ~1.1 s
 * start (docs/performance.md, "Cold start"). The checksum is what makes that safe: the lines are
 * then exactly `JSON.stringify` output, so none can fail to parse later.
 * The file is read in 1 MiB chunks, twice (the checksum, then the lines), so the start never holds
 * the whole file as one string: every chunk is young garbage once its lines are read.
 * Any other file (edited by hand, written by another tool, not ASCII) is parsed whole, as before,
 * and an invalid one stops the start.
 */
import { isAscii } from 'node:buffer';
import { fstatSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { LineFiles } from './line-files.js';
import type { Data } from './types.js';

export type SnapshotData = Data & { journalGen?: number; checksum?: string };
/** Told each payment kept at rest in the snapshot, with its line (a view of a chunk: copy what is kept). */
export type OnPayment = (referenceNo: string, line: string) => void;

/** What store/journal-file.ts writes last: the CRC-32 of every byte before this line. */
export const checksumTrailer = (crc: number) => `,\n"checksum": "crc32:${crc.toString(16).padStart(8, '0')}"\n}\n`;
const TRAILER = /,\n"checksum": "crc32:([0-9a-f]{8})"\n\}\n$/;
const PAYMENTS = ',\n"payments": {\n';
const CHUNK = 1 << 17; // a 128 KiB string: V8 keeps it young, so a scavenge frees it

/**
 * Reads the snapshot open at `fd` (the caller's: it stays open). `slot`: where that file is in
 * LineFiles (payments are then kept as handles into it), or -1. `indexed`: every payment kept at
 * rest was passed to `onPayment` (else the caller indexes them all).
 */
export function parseSnapshot(fd: number, slot: number, onPayment: OnPayment): { data: SnapshotData; indexed: boolean } {
  const end = verifiedEnd(fd);
  const data = end >= 0 ? parseDeferred(fd, end, slot, onPayment) : undefined;
  return data ? { data, indexed: true } : { data: parseWhole(fd), indexed: false };
}

/** Calls `each` with the file's bytes [from, to) in chunks, through one reused buffer. */
function stream(fd: number, from: number, to: number, each: (bytes: Buffer, at: number) => void): void {
  const buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, to - from)));
  for (let at = from; at < to;) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
    if (n === 0) throw new Error('snapshot: the file shrank while it was read');
    each(buf.subarray(0, n), at);
    at += n;
  }
}

/** Where the checksum trailer begins, when the file is ASCII and the checksum matches every byte before it; else -1. */
function verifiedEnd(fd: number): number {
  const size = fstatSync(fd).size;
  const tail = Buffer.alloc(Math.min(64, size));
  readSync(fd, tail, 0, tail.length, size - tail.length);
  const trailer = TRAILER.exec(tail.toString('latin1'));
  if (!trailer) return -1;
  const end = size - trailer[0].length;
  let crc = 0;
  let ascii = true;
  stream(fd, 0, end, (bytes) => {
    ascii &&= isAscii(bytes);
    crc = crc32(bytes, crc);
  });
  return ascii && crc === parseInt(trailer[1]!, 16) ? end : -1;
}

/**
 * A file's text. An all-ASCII file (the usual case: JSON.stringify escapes nothing the sandbox
 * writes but non-ASCII names) is copied as Latin-1, skipping UTF-8 decoding: 46 MB in ~40 ms
 * instead of ~100–190 ms here. Also the journal's reader (journal-file.ts).
 */
export function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function parseWhole(fd: number): SnapshotData {
  const text = textOf(readBytes(fd, 0, fstatSync(fd).size));
  let data: SnapshotData;
  try {
    data = JSON.parse(text) as SnapshotData;
  } catch (e) {
    throw new Error(`not valid JSON${whereIn(text, (e as Error).message)}: ${(e as Error).message}`);
  }
  delete data.checksum;
  return data;
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
 * The payments collection as the writer lays it out (store/journal-format.ts: one
 * `"<referenceNo>": <record>` line each), records kept where they are in the file (a handle into
 * `slot`, or their JSON text without one); everything else parsed. The file is ASCII here, so a
 * character's index is its byte offset. Undefined when the layout is not that one (the caller then
 * parses the whole file).
 */
function parseDeferred(fd: number, end: number, slot: number, onPayment: OnPayment): SnapshotData | undefined {
  const payments: Record<string, string | number> = {};
  let head: string | undefined; // the text before the payments
  let buf = Buffer.allocUnsafe(CHUNK);
  // Each read starts at a line's beginning (`base`), so no text is ever carried over or joined; a
  // read without one whole line (a head or a payment larger than the buffer) is retried larger.
  for (let base = 0; base < end;) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, end - base), base);
    const text = buf.toString('latin1', 0, n);
    let i = 0;
    if (head === undefined) {
      const open = text.indexOf(PAYMENTS); // records are single lines, so this can only be the top-level key
      if (open < 0) {
        if (base + n >= end) return undefined; // no payments line: not this layout
        buf = Buffer.allocUnsafe(buf.length * 2);
        continue;
      }
      head = text.slice(0, open);
      i = open + PAYMENTS.length;
    }
    for (;;) {
      if (text.charCodeAt(i) === 0x7d /* } */) return withPayments(head, readBytes(fd, base + i + 1, end).toString('latin1'), payments);
      const eol = text.indexOf('\n', i);
      if (eol < 0) break;
      const sep = text.indexOf('": ', i);
      if (sep < 0 || sep > eol || text.charCodeAt(i) !== 0x22 /* " */) return undefined;
      const key = text.slice(i + 1, sep);
      // referenceNos are digits; anything that would need unescaping (or could touch a prototype) is not this layout
      if (key.includes('\\') || key.includes('"') || key === '__proto__') return undefined;
      const at = sep + 3;
      const line = text.slice(at, text.charCodeAt(eol - 1) === 0x2c /* , */ ? eol - 1 : eol);
      // As a property key `key` becomes a view of its own internalized copy, no longer of `text`.
      payments[key] = LineFiles.handle(slot, base + at, line.length) ?? line;
      onPayment(key, line);
      i = eol + 1;
    }
    if (base + n >= end) return undefined; // the file ended inside the payments
    if (i === 0) buf = Buffer.allocUnsafe(buf.length * 2);
    base += i;
  }
  return undefined;
}

function readBytes(fd: number, from: number, to: number): Buffer {
  const bytes = Buffer.allocUnsafe(to - from);
  for (let got = 0; got < bytes.length;) {
    const n = readSync(fd, bytes, got, bytes.length - got, from + got);
    if (n === 0) throw new Error('snapshot: the file shrank while it was read');
    got += n;
  }
  return bytes;
}

function withPayments(head: string, tail: string, payments: Record<string, string | number>): SnapshotData {
  const data = JSON.parse(`${head},\n"payments": {}${tail}\n}`) as SnapshotData;
  (data as { payments: Record<string, unknown> }).payments = payments;
  return data;
}
