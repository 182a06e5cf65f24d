/**
 * The request journal behind GET /__mock/requests (WireMock, Mockoon): recent DOKU-endpoint
 * exchanges, newest last: the last DOKU_JOURNAL_SIZE of them, or as many as fit in
 * DOKU_JOURNAL_SIZE × 4 KiB when they are larger (a signed payment's entry is ~2.5 KiB). Each keeps
 * the headers as received, the body text and the answer's JSON as sent. Parsing and redaction
 * happen when the journal is read, so no answer ever carries a secret.
 */
import type { SnapRequest, SnapResponse } from '../pipeline/snap-http.js';
import type { Clock } from '../clock.js';

/** An exchange as kept: its texts as received and sent; parsed and redacted only when listed. */
interface Kept {
  id: number;
  time: number;
  method: string;
  path: string;
  externalId: string | undefined;
  /** the merchant the request was authenticated as (its signature or token verified), else undefined */
  clientId: string | undefined;
  /** who the request said it was (X-PARTNER-ID, or X-CLIENT-KEY on token requests): a claim anyone can make */
  partnerId: string | undefined;
  scenario: string;
  status: number | null;
  durationMs: number;
  bodyBytes: number;
  signatureDiagnosis: readonly string[] | undefined;
  rawHeaders: string[];
  body: string | undefined;
  answer: string | undefined;
  size: number;
}

export interface JournalEntry {
  id: number;
  /** the merchant the request was authenticated as; absent when it was not (its X-PARTNER-ID is only a claim) */
  clientId?: string;
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
  /** a refused X-SIGNATURE: which common mistakes reproduce it (snap/explain.ts) */
  signatureDiagnosis?: readonly string[];
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
  private entries: Kept[] = [];
  private bytes = 0;
  private next = 1;
  /** DOKU_JOURNAL_SIZE × 4 KiB (at least 256 KiB): the budget of the texts kept */
  private readonly budget: number;

  constructor(
    private readonly size: number,
    private readonly clock: Clock,
  ) {
    this.budget = Math.max(size * 4096, 256 * 1024);
  }

  /** Keeps one finished (or dropped) exchange; called once per request by request-log.ts. */
  keep(req: SnapRequest, res: SnapResponse, durationMs: number): void {
    if (this.size === 0) return;
    const externalId = req.headers['x-external-id'];
    const bodyBytes = Buffer.isBuffer(req.body) ? req.body.length : 0;
    // a body over 64 KiB is kept by its size only
    let body = bodyBytes > 0 && bodyBytes <= 64 * 1024 ? (req.body as Buffer).toString('utf8') : undefined;
    const answer = res.locals.answerJson as string | undefined;
    let size = req.rawHeaders.reduce((n, h) => n + h.length, 0) + (answer?.length ?? 0);
    // larger than the whole budget (only with Node's header limit raised far past its 16 KiB default): kept without its body
    if (size + (body?.length ?? 0) > this.budget) body = undefined;
    size += body?.length ?? 0;
    this.entries.push({
      id: this.next++,
      time: this.clock.now(),
      method: req.method,
      path: req.originalUrl,
      externalId: typeof externalId === 'string' ? externalId : undefined,
      clientId: res.locals.clientId as string | undefined,
      partnerId: headerString(req.headers['x-partner-id'] ?? req.headers['x-client-key']),
      scenario: String(res.getHeader('X-Mock-Scenario') ?? 'none'),
      status: res.writableFinished ? res.statusCode : null,
      durationMs,
      bodyBytes,
      signatureDiagnosis: res.locals.signatureDiagnosis as readonly string[] | undefined,
      rawHeaders: req.rawHeaders,
      body,
      answer,
      size,
    });
    this.bytes += size;
    while (this.entries.length > this.size || this.bytes > this.budget) this.bytes -= this.entries.shift()!.size;
  }

  /** `clientId`: requests authenticated as that merchant; `partnerId`: requests that claimed to be it, authenticated or not. */
  list(filter: { path?: string; externalId?: string; clientId?: string; partnerId?: string; limit?: number }): JournalEntry[] {
    const matching = this.entries.filter(
      (e) =>
        (!filter.path || e.path.split('?')[0] === filter.path) &&
        (!filter.externalId || e.externalId === filter.externalId) &&
        (!filter.clientId || e.clientId === filter.clientId) &&
        (!filter.partnerId || e.partnerId === filter.partnerId),
    );
    return (filter.limit === undefined ? matching : matching.slice(-filter.limit)).map(present);
  }

  /** Everything, or one merchant's entries (and the unauthenticated ones that claimed to be it). */
  clear(clientId?: string): void {
    this.entries =
      clientId === undefined
        ? []
        : this.entries.filter((e) => e.clientId !== clientId && !(e.clientId === undefined && e.partnerId === clientId));
    this.bytes = this.entries.reduce((n, e) => n + e.size, 0);
  }
}

function present(e: Kept): JournalEntry {
  return {
    id: e.id,
    ...(e.clientId !== undefined ? { clientId: e.clientId } : {}),
    time: new Date(e.time).toISOString(),
    method: e.method,
    path: e.path.slice(0, 300),
    externalId: e.externalId,
    scenario: e.scenario,
    requestHeaders: headersOf(e.rawHeaders),
    requestBody: redact(e.body !== undefined ? parseJson(e.body) : e.bodyBytes > 0 ? `(${e.bodyBytes} bytes, not kept)` : undefined),
    status: e.status,
    responseBody: redact(e.answer === undefined ? undefined : JSON.parse(e.answer)),
    durationMs: e.durationMs,
    ...(e.signatureDiagnosis ? { signatureDiagnosis: e.signatureDiagnosis } : {}),
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
function headersOf(lines: string[]): Record<string, string> {
  const out = new Map<string, string>(); // a header may be called __proto__
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const name = lines[i]!.toLowerCase();
    const value = SECRET_HEADERS.has(name) ? '****' : lines[i + 1]!;
    const earlier = out.get(name);
    out.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return Object.fromEntries(out);
}

const headerString = (v: string | string[] | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
