/** Step 1 of docs/doku.md §1.8: the body must be a JSON object, else `400xx00 Bad Request`. */
import { isUtf8 } from 'node:buffer';
import { badRequest } from '../snap/errors.js';

export interface ParsedBody {
  raw: string;
  json: Record<string, unknown>;
  /** The compact re-serialisation (`JSON.stringify`), computed once: the signature check and the idempotency fingerprint both hash it. */
  compact(): string;
}

/** SNAP bodies nest a few levels; deeper JSON would overflow the stack when re-serialised for the body hash. */
export const MAX_DEPTH = 32;

export function parseBody(buffer: unknown): ParsedBody {
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.alloc(0);
  if (bytes.length === 0) throw badRequest('empty body: a JSON object is required');
  if (!isUtf8(bytes)) throw badRequest('body is not valid UTF-8');
  const raw = bytes.toString('utf8');
  if (nestingDepth(raw) > MAX_DEPTH) throw badRequest(`JSON nested deeper than ${MAX_DEPTH} levels`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw badRequest(`body is not JSON: ${(e as Error).message.slice(0, 120)}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw badRequest('body must be a JSON object');
  let compact: string | undefined;
  return { raw, json: json as Record<string, unknown>, compact: () => (compact ??= JSON.stringify(json)) };
}

/** Deepest bracket nesting outside string literals, in one pass. */
export function nestingDepth(raw: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped char
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}
