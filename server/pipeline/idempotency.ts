/**
 * Step 8 of docs/doku.md §1.8, DOKU's idempotency promise (docs/doku.md §12, [D-IDEM]): per merchant and per
 * Asia/Jakarta day, X-EXTERNAL-ID is the key. The same key with the same request (method, path,
 * body hash) gets the stored answer again, with HTTP 409 by default; with a different request it is
 * `409xx00 Conflict`. A request whose twin is still running waits for it, so concurrent duplicates
 * never both execute. 5xx answers are not stored (a retry may succeed).
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/store.js';
import { idempotencyKey } from '../store/idempotency-records.js';
import type { IdempotencyRecord } from '../store/types.js';
import { snapError } from '../snap/errors.js';
import { jakartaDay } from '../snap/timestamp.js';

export type Admission =
  | { kind: 'replay'; record: IdempotencyRecord }
  | { kind: 'run'; finish(status: number, body: Record<string, unknown>): void; abandon(): void };

export class IdempotencyLedger {
  private readonly inFlight = new Map<string, { fingerprint: string; done: Promise<void> }>();

  constructor(
    private readonly store: Store,
    private readonly cap = Infinity,
  ) {}

  /** Decides, synchronously where it can, whether this request runs, replays or conflicts. */
  async admit(clientId: string, externalId: string, fingerprint: string, now: number): Promise<Admission> {
    const day = jakartaDay(now);
    const key = idempotencyKey(clientId, externalId);
    for (;;) {
      const stored = this.store.findIdempotent(day, key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) throw conflict();
        return { kind: 'replay', record: stored };
      }
      const running = this.inFlight.get(key);
      if (!running) break;
      if (running.fingerprint !== fingerprint) throw conflict();
      await running.done; // then look again: stored (replay) or not stored (5xx: run)
    }
    let release!: () => void;
    this.inFlight.set(key, { fingerprint, done: new Promise<void>((r) => (release = r)) });
    const end = () => {
      this.inFlight.delete(key);
      release();
    };
    return {
      kind: 'run',
      finish: (status, body) => {
        if (status < 500) this.store.saveIdempotent(day, key, { fingerprint, status, body }, jakartaDay(now - 86_400_000), this.cap);
        end();
      },
      abandon: end,
    };
  }
}

/**
 * Step 8 for one request: what "the same request" means (docs/doku.md §12) is its method, path and
 * minified body, as one short hash, under the merchant's X-EXTERNAL-ID of the day.
 */
export function admitRequest(
  ledger: IdempotencyLedger,
  req: { method: string; path: string },
  compactBody: string,
  clientId: string,
  externalId: string,
  now: number,
): Promise<Admission> {
  const fingerprint = createHash('sha256').update(`${req.method} ${req.path} `).update(compactBody).digest('base64url');
  return ledger.admit(clientId, externalId, fingerprint, now);
}

const conflict = () => snapError('409_00', 'this X-EXTERNAL-ID was already used today for a different request');
