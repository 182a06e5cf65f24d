/**
 * Reads the JSON snapshot. A snapshot the sandbox wrote itself and nobody has edited since (its
 * trailing `"checksum": "crc32:…"` matches every byte before it) is read without parsing its
 * payments: each stays its own JSON line, parsed on first use (store/payment-index.ts). At 100 000
 * stored payments `JSON.parse` of the whole 46 MB file and the garbage collection it caused were
 * ~0.6 s of a ~1.1 s start (docs/performance.md, "Cold start"). The checksum is what makes that
 * safe: the lines are then exactly `JSON.stringify` output, so none can fail to parse later.
 * Any other file (edited by hand, written by another tool, not ASCII) is parsed whole, as before,
 * and an invalid one stops the start.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { LineFiles } from './line-files.js';
import type { Data } from './types.js';

export type SnapshotData = Data & { journalGen?: number; checksum?: string };
/**
 * A payment's line read at the start, from the file's text still in memory, by its handle: the
 * index reads its keys from it (store/payment-index.ts) instead of one disk read per payment.
 */
export type StartText = (h: number) => string;

/** What store/journal-file.ts writes last: the CRC-32 of every byte before this line. */
export const checksumTrailer = (crc: number) => `,\n"checksum": "crc32:${crc.toString(16).padStart(8, '0')}"\n}\n`;
const TRAILER = /,\n"checksum": "crc32:([0-9a-f]{8})"\n\}\n$/;
const PAYMENTS = ',\n"payments": {\n';

/** `slot`: where the file is open in LineFiles (payments are then kept as handles into it), or -1. */
export function parseSnapshot(file: string, slot = -1): { data: SnapshotData; startText?: StartText } {
  const { text, end } = readVerified(file);
  return (end >= 0 && parseDeferred(text, end, slot)) || { data: parseWhole(text) };
}

/**
 * The file's text, and where its checksum trailer begins when the checksum matches (else -1).
 * A function of its own so that the file's bytes (46 MB at 100 000 payments) are garbage before
 * the parsing allocates: still young then, the next scavenge frees them, instead of a later
 * mark-compact (RSS 2 s after a start was otherwise 135 or 190 MB, depending on the GC's timing).
 */
function readVerified(file: string): { text: string; end: number } {
  const bytes = readFileSync(file);
  if (!isAscii(bytes)) return { text: bytes.toString('utf8'), end: -1 }; // the writer's files are ASCII unless a name is not
  const text = bytes.toString('latin1'); // see textOf
  const trailer = TRAILER.exec(text.slice(-64));
  const end = trailer ? text.length - trailer[0].length : -1;
  return { text, end: trailer && crc32(bytes.subarray(0, end)) === parseInt(trailer[1]!, 16) ? end : -1 };
}

/**
 * A file's text. An all-ASCII file (the usual case: JSON.stringify escapes nothing the sandbox
 * writes but non-ASCII names) is copied as Latin-1, skipping UTF-8 decoding: 46 MB in ~40 ms
 * instead of ~100–190 ms here. Also the journal's reader (journal-file.ts).
 */
export function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function parseWhole(text: string): SnapshotData {
  const data = JSON.parse(text) as SnapshotData;
  delete data.checksum;
  return data;
}

/**
 * The payments collection as the writer lays it out (store/journal-format.ts: one
 * `"<referenceNo>": <record>` line each), records kept where they are in the file (a handle into
 * `slot`, or their JSON text without one); everything else parsed. The file is ASCII here, so a
 * character's index in `text` is its byte offset. Undefined when the layout is not that one (the
 * caller then parses the whole file).
 */
function parseDeferred(text: string, end: number, slot: number): { data: SnapshotData; startText: StartText } | undefined {
  const open = text.indexOf(PAYMENTS); // records are single lines, so this can only be the top-level key
  if (open < 0 || open > end) return undefined;
  const payments: Record<string, string | number> = {};
  let i = open + PAYMENTS.length;
  while (text.charCodeAt(i) !== 0x7d /* } */) {
    const eol = text.indexOf('\n', i);
    const sep = text.indexOf('": ', i);
    if (eol < 0 || sep < 0 || sep > eol || text.charCodeAt(i) !== 0x22 /* " */) return undefined;
    const key = text.slice(i + 1, sep);
    // referenceNos are digits; anything that would need unescaping (or could touch a prototype) is not this layout
    if (key.includes('\\') || key.includes('"') || key === '__proto__') return undefined;
    const at = sep + 3;
    const len = (text.charCodeAt(eol - 1) === 0x2c /* , */ ? eol - 1 : eol) - at;
    payments[key] = LineFiles.handle(slot, at, len) ?? text.slice(at, at + len);
    i = eol + 1;
  }
  const data = JSON.parse(`${text.slice(0, open)},\n"payments": {}${text.slice(i + 1, end)}\n}`) as SnapshotData;
  (data as { payments: Record<string, unknown> }).payments = payments;
  return { data, startText: (h) => text.slice(LineFiles.offsetOf(h), LineFiles.offsetOf(h) + LineFiles.lengthOf(h)) };
}
