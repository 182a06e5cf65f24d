/**
 * The sandbox's notion of now (epoch ms), for one merchant or for the sandbox as a whole: every
 * expiry (tokens, OTPs, authCodes, pending payments, validUpTo, notification retries) and the
 * Asia/Jakarta day of X-EXTERNAL-ID follow it. `POST /__mock/clock` moves it (admin/clock.ts).
 */
export interface Clock {
  now(clientId?: string): number;
}

/**
 * Real time (or a test's fixed start) plus an offset: a default one, and one per merchant that was
 * given its own, so parallel test suites travel apart. Time keeps running after a jump, so an SDK
 * that signs with its real X-TIMESTAMP works on (docs/doku.md §1.3: the skew check is off by default).
 */
export class TravelClock implements Clock {
  private defaultOffset = 0;
  private readonly offsets = new Map<string, number>();

  constructor(private readonly base: () => number = Date.now) {}

  now(clientId?: string): number {
    return this.base() + this.offsetOf(clientId);
  }

  /** Real time (a test's fixed start), whatever any clock was moved to: what other parties' clocks say. */
  real(): number {
    return this.base();
  }

  offsetOf(clientId?: string): number {
    return (clientId === undefined ? undefined : this.offsets.get(clientId)) ?? this.defaultOffset;
  }

  /** Whether this merchant has a clock of its own. */
  isOwn(clientId: string): boolean {
    return this.offsets.has(clientId);
  }

  advance(ms: number, clientId?: string): void {
    this.setOffset(this.offsetOf(clientId) + ms, clientId);
  }

  set(at: number, clientId?: string): void {
    this.setOffset(at - this.base(), clientId);
  }

  /** Back to real time: one merchant (which then follows the default again), or every clock. */
  reset(clientId?: string): void {
    if (clientId !== undefined) this.offsets.delete(clientId);
    else {
      this.defaultOffset = 0;
      this.offsets.clear();
    }
  }

  private setOffset(ms: number, clientId: string | undefined): void {
    if (clientId === undefined) this.defaultOffset = ms;
    else this.offsets.set(clientId, ms);
  }
}

/** A clock tests move by hand: it stands still at `start` until `advance(ms)`. */
export const manualClock = (start = Date.now()): TravelClock => new TravelClock(() => start);
