/**
 * The request journal behind GET /__mock/requests (WireMock, Mockoon): recent DOKU-endpoint
 * exchanges, newest last, bounded by DOKU_JOURNAL_SIZE. Credentials are redacted before an entry
 * is kept, so the journal never holds a secret.
 */
import type { RequestHandler } from 'express';
import type { Clock } from '../clock.js';

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
  private entries: JournalEntry[] = [];
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
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, SECRET_HEADERS.has(k) ? '****' : String(v)]));
        this.add({
          id: this.next++,
          time: new Date(this.clock.now()).toISOString(),
          method: req.method,
          path: req.originalUrl.slice(0, 300),
          externalId: typeof req.headers['x-external-id'] === 'string' ? req.headers['x-external-id'] : undefined,
          scenario: String(res.getHeader('X-Mock-Scenario') ?? 'none'),
          requestHeaders: headers,
          requestBody: redact(parseJson(req.body)),
          status: res.writableFinished ? res.statusCode : null,
          responseBody: redact(res.locals.answer),
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
    return matching.slice(-(filter.limit ?? this.size));
  }

  clear(): void {
    this.entries = [];
  }

  private add(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
  }
}

function parseJson(body: unknown): unknown {
  if (!Buffer.isBuffer(body) || body.length === 0) return undefined;
  if (body.length > 64 * 1024) return `(${body.length} bytes, not kept)`;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return '(not JSON)';
  }
}
