/**
 * The request journal behind GET /__mock/requests (WireMock, Mockoon): recent DOKU-endpoint
 * exchanges, newest last, bounded by DOKU_JOURNAL_SIZE. Credentials are redacted before an entry
 * is kept, so the journal never holds a secret.
 */
import type { RequestHandler } from 'express';
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

  /** Middleware: records the exchange when the response finishes or the connection closes. */
  record(): RequestHandler {
    return (req, res, next) => {
      const started = Date.now();
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
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
          durationMs: Date.now() - started,
        });
      };
      res.once('finish', finish);
      res.once('close', finish);
      next();
    };
  }

  list(filter: { path?: string; externalId?: string; limit?: number }): JournalEntry[] {
    const matching = this.entries.filter((e) => (!filter.path || e.path.split('?')[0] === filter.path) && (!filter.externalId || e.externalId === filter.externalId));
    return matching.slice(-(filter.limit ?? this.size)).map(present);
  }

  clear(): void {
    this.entries = [];
  }

  private add(entry: Kept): void {
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
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
