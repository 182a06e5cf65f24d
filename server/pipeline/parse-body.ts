/** Step 1 of spec §1.8: the body must be a JSON object, else `400xx00 Bad Request`. */
import { badRequest } from '../snap/errors.js';

export interface ParsedBody {
  raw: string;
  json: Record<string, unknown>;
}

export function parseBody(buffer: unknown): ParsedBody {
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.alloc(0);
  if (bytes.length === 0) throw badRequest('empty body: a JSON object is required');
  const raw = bytes.toString('utf8');
  if (!Buffer.from(raw, 'utf8').equals(bytes)) throw badRequest('body is not valid UTF-8');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw badRequest(`body is not JSON: ${(e as Error).message.slice(0, 120)}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw badRequest('body must be a JSON object');
  return { raw, json: json as Record<string, unknown> };
}
