/**
 * The request journal behind GET /__mock/requests (WireMock, Mockoon): recent DOKU-endpoint
 * exchanges, newest last: the last DOKU_JOURNAL_SIZE of them, or as many as fit in
 * DOKU_JOURNAL_SIZE × 4 KiB when they are larger (a signed payment's entry is ~2.5 KiB). Each is
 * kept as one text in a ring outside V8's heap (byte-ring.ts says why): a JSON line of its small
 * fields, then the headers as received, the body text and the answer's JSON as sent. Parsing and
 * redaction happen when the journal is read, so no answer ever carries a secret.
 */
import type { SnapRequest, SnapResponse } from '../pipeline/snap-http.js';
import type { Clock } from '../clock.js';
import { ByteRing } from './byte-ring.js';

/** An entry's small fields, then the lengths (in characters; -1: absent) of the three texts after them. */
type Meta = [
  id: number,
  time: number,
  method: string,
  path: string,
  externalId: string | null,
  scenario: string,
  status: number | null,
  durationMs: number,
  bodyBytes: number,
  headersLength: number,
  bodyLength: number,
  answerLength: number,
];

export interface JournalEntry {
  id: number;
  time: string;
  method: string;
  path: string;
  externalId?: string;
  scenario: string;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number | null;
  responseBody: unknown;
  durationMs: number;
}

const SECRET_HEADERS = new Set(['authorization', 'authorization-customer', 'x-signature']);
const SECRET_FIELDS = new Set([
  'cardData',
  'accessToken',
  'refreshToken',
  'authCode',
  'otp',
  'tokenId',
  'token',
  'bankCardToken',
  'bankCardNo',
  'cpan',
]);

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) && v !== undefined ? '****' : redact(v, depth + 1)]),
  );
}

export class Journal {
  private readonly ring: ByteRing;
  private next = 1;

  constructor(
    size: number,
    private readonly clock: Clock,
  ) {
    this.ring = new ByteRing(Math.max(size * 4096, 256 * 1024), size);
  }

  /** Keeps one finished (or dropped) exchange; called once per request by request-log.ts. */
  keep(req: SnapRequest, res: SnapResponse, durationMs: number): void {
    const externalId = req.headers['x-external-id'];
    const headers = req.rawHeaders.join('\n'); // a header name or value cannot hold a newline
    const bytes = Buffer.isBuffer(req.body) ? req.body.length : 0;
    // a body over 64 KiB is kept by its size only
    const body = bytes > 0 && bytes <= 64 * 1024 ? (req.body as Buffer).toString('utf8') : undefined;
    const answer = res.locals.answerJson as string | undefined;
    const meta: Meta = [
      this.next++,
      this.clock.now(),
      req.method,
      req.originalUrl,
      typeof externalId === 'string' ? externalId : null,
      String(res.getHeader('X-Mock-Scenario') ?? 'none'),
      res.writableFinished ? res.statusCode : null,
      durationMs,
      bytes,
      headers.length,
      body?.length ?? -1,
      answer?.length ?? -1,
    ];
    if (this.ring.push(`${JSON.stringify(meta)}\n${headers}${body ?? ''}${answer ?? ''}`)) return;
    // Too large for the ring (only with Node's header limit raised far past its 16 KiB default):
    // the entry without its body text, which is then shown by its size.
    meta[10] = -1; // bodyLength
    this.ring.push(`${JSON.stringify(meta)}\n${headers}${answer ?? ''}`);
  }

  list(filter: { path?: string; externalId?: string; limit?: number }): JournalEntry[] {
    const matching = this.ring
      .texts()
      .map(read)
      .filter(
        ({ meta: [, , , path, externalId] }) =>
          (!filter.path || path.split('?')[0] === filter.path) && (!filter.externalId || externalId === filter.externalId),
      );
    return (filter.limit === undefined ? matching : matching.slice(-filter.limit)).map(present);
  }

  clear(): void {
    this.ring.clear();
  }
}

interface Read {
  meta: Meta;
  headers: string;
  body: string | undefined;
  answer: string | undefined;
}

function read(text: string): Read {
  const newline = text.indexOf('\n'); // JSON.stringify escapes any newline inside the meta line
  const meta = JSON.parse(text.slice(0, newline)) as Meta;
  const [, , , , , , , , , headersLength, bodyLength, answerLength] = meta;
  let at = newline + 1;
  const part = (length: number): string | undefined => (length < 0 ? undefined : text.slice(at, (at += length)));
  return { meta, headers: part(headersLength)!, body: part(bodyLength), answer: part(answerLength) };
}

function present({
  meta: [id, time, method, path, externalId, scenario, status, durationMs, bodyBytes],
  headers,
  body,
  answer,
}: Read): JournalEntry {
  return {
    id,
    time: new Date(time).toISOString(),
    method,
    path: path.slice(0, 300),
    externalId: externalId ?? undefined,
    scenario,
    requestHeaders: headersOf(headers),
    requestBody: redact(body !== undefined ? parseJson(body) : bodyBytes > 0 ? `(${bodyBytes} bytes, not kept)` : undefined),
    status,
    responseBody: redact(answer === undefined ? undefined : JSON.parse(answer)),
    durationMs,
  };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return '(not JSON)';
  }
}

/**
 * Header names in lower case, as Node's `req.headers` has them; a header sent more than once shows
 * every value, comma-separated (Node's `req.headers` would keep only the first of some).
 */
function headersOf(raw: string): Record<string, string> {
  const lines = raw === '' ? [] : raw.split('\n');
  const out = new Map<string, string>(); // a header may be called __proto__
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const name = lines[i]!.toLowerCase();
    const value = SECRET_HEADERS.has(name) ? '****' : lines[i + 1]!;
    const earlier = out.get(name);
    out.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return Object.fromEntries(out);
}
