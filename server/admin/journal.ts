/**
 * The request journal behind GET /__mock/requests (WireMock, Mockoon): recent DOKU-endpoint
 * exchanges, newest last, bounded by DOKU_JOURNAL_SIZE. Entries keep references to the request
 * and answer; credentials are redacted when the journal is read, so no answer ever carries a secret.
 */
import type { SnapRequest, SnapResponse } from '../pipeline/snap-http.js';
import type { Clock } from '../clock.js';

/** What is kept per exchange: references only; redaction and parsing happen when the journal is read. */
interface Kept {
  id: number;
  time: number;
  method: string;
  path: string;
  externalId?: string;
  scenario: string;
  headers: NodeJS.Dict<string | string[]>;
  body: unknown;
  status: number | null;
  answer: unknown;
  durationMs: number;
}

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
const SECRET_FIELDS = new Set(['cardData', 'accessToken', 'refreshToken', 'authCode', 'otp', 'tokenId', 'token', 'bankCardToken', 'bankCardNo', 'cpan']);

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) && v !== undefined ? '****' : redact(v, depth + 1)]));
}

export class Journal {
  private entries: Kept[] = [];
  private next = 1;

  constructor(private readonly size: number, private readonly clock: Clock) {}

  /** Keeps one finished (or dropped) exchange; called once per request by request-log.ts. */
  keep(req: SnapRequest, res: SnapResponse, durationMs: number): void {
    this.add({
      id: this.next++,
      time: this.clock.now(),
      method: req.method,
      path: req.originalUrl,
      externalId: typeof req.headers['x-external-id'] === 'string' ? req.headers['x-external-id'] : undefined,
      scenario: String(res.getHeader('X-Mock-Scenario') ?? 'none'),
      headers: req.headers,
      body: Buffer.isBuffer(req.body) && req.body.length > 64 * 1024 ? `(${req.body.length} bytes, not kept)` : req.body,
      status: res.writableFinished ? res.statusCode : null,
      answer: res.locals.answer,
      durationMs,
    });
  }

  list(filter: { path?: string; externalId?: string; limit?: number }): JournalEntry[] {
    const matching = this.entries.slice(-this.size).filter((e) => (!filter.path || e.path.split('?')[0] === filter.path) && (!filter.externalId || e.externalId === filter.externalId));
    return matching.slice(-(filter.limit ?? this.size)).map(present);
  }

  clear(): void {
    this.entries = [];
  }

  private add(entry: Kept): void {
    this.entries.push(entry);
    // Trim in batches: one splice per `size` requests instead of an O(size) shift on every request.
    if (this.entries.length >= 2 * this.size) this.entries.splice(0, this.entries.length - this.size);
  }
}

function present(e: Kept): JournalEntry {
  return {
    id: e.id,
    time: new Date(e.time).toISOString(),
    method: e.method,
    path: e.path.slice(0, 300),
    externalId: e.externalId,
    scenario: e.scenario,
    requestHeaders: Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k, SECRET_HEADERS.has(k) ? '****' : String(v)])),
    requestBody: redact(parseJson(e.body)),
    status: e.status,
    responseBody: redact(e.answer),
    durationMs: e.durationMs,
  };
}

function parseJson(body: unknown): unknown {
  if (typeof body === 'string') return body;
  if (!Buffer.isBuffer(body) || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return '(not JSON)';
  }
}
