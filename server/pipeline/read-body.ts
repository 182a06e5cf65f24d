/**
 * The raw request body, before anything else reads it: the body hash of docs/doku.md §2.2 is over the
 * bytes as sent. Replaces `express.raw` (body-parser) on the DOKU endpoints: body-parser's content
 * negotiation, charset and inflate machinery cost ~5 % of a request (docs/performance.md) and a
 * SNAP body is plain JSON. Oversized, compressed or cut-off bodies are `400xx00` (step 1, docs/doku.md §1.8).
 */
import type { IncomingMessage } from 'node:http';
import { badRequest, type SnapError } from '../snap/errors.js';

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity')
    return Promise.reject(badRequest(`Content-Encoding "${encoding.slice(0, 40)}" is not accepted: send the JSON body uncompressed`));
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (e: SnapError) => {
      req.removeListener('data', onData); // the rest is discarded as it arrives, so the connection stays usable
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(tooLarge(limit));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.once('error', () => fail(badRequest('the request body was cut off')));
    req.once('close', () => {
      if (!req.complete) fail(badRequest('the request body was cut off'));
    });
  });
}

const tooLarge = (limit: number) => badRequest(`body larger than ${limit} bytes`);
