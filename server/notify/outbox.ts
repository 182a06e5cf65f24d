/**
 * DOKU → merchant notifications (docs/doku.md §10.4), every product's, sent in the background: an
 * answer never waits for them. A product hands over what to send (`notify`: a payment that reached
 * its final state, a VA paid) and the outbox keeps a record of it in the state, written with the
 * product's change; a tick every 200 ms sends what is due (at most 8 at a time), after the change is
 * on disk, and runs the products' own timed work (`whileWaiting`: PENDING payments settling by their
 * time), so a notification goes out without a request reading anything first. A delivery not
 * answered 2xx is tried again on the retry schedule (DOKU_NOTIFICATION_RETRY, counted from the
 * first attempt). Records live in the state, so deliveries still due survive a restart.
 */
import type { Deps } from '../deps.js';
import { notificationUrlOf, type NotifiedMethod } from '../config/keys.js';
import type { NotificationAttempt, NotificationRecord } from '../store/types.js';
import type { Config } from '../config/load.js';
import { deliver, is2xx } from './deliver.js';
import { deliveryOf } from './delivery-of.js';

const TICK_MS = 200;
export const NO_URL = 'no notification URL is configured (DOKU_NOTIFICATION_URL): payments are not notified';
const IN_FLIGHT_MAX = 8;
/** Without the merchant's token endpoint the sandbox makes a token up, which is not a JWT the merchant issued (docs/doku.md §10.4). */
export const MADE_UP_TOKEN =
  "no token URL (DOKU_MERCHANT_TOKEN_URL, or a registered merchant's tokenUrl): notifications carry a token the sandbox made up, not a JWT your token endpoint issued, so every SDK's validateTokenB2B and notification helper refuses them";

/** What a product asks to send: the record it reports (its reference), the body, the customer's device the headers name. */
export interface NotificationSource {
  referenceNo: string;
  clientId: string;
  body: Record<string, unknown>;
  device?: { ip?: string; id?: string };
  /** a payment method with a notification URL of its own (the merchant's VA URL), else the merchant's notification URL */
  method?: NotifiedMethod;
  /** DOKU's non-SNAP (Checkout) signing instead: no token request, `Signature: HMACSHA256=…` (notify/sign-non-snap.ts) */
  signing?: 'non-snap';
}

export class Outbox {
  /** the products' timed work: each says whether it still waits on something (which keeps the tick running) */
  private readonly tasks: (() => boolean)[] = [];
  private readonly inFlight = new Set<string>();
  /** resends asked for while an attempt was in flight */
  private readonly resendAfter = new Set<string>();
  /** runs only while something waits: a product's timed work, or a notification still pending */
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  /** `changed`: told after every attempt (the dashboard's live view) */
  constructor(
    private readonly deps: Deps,
    private readonly changed: () => void = () => {},
  ) {
    this.kick();
  }

  /** Work a product wants done on every tick while it returns true (and at once). */
  whileWaiting(task: () => boolean): void {
    this.tasks.push(task);
    this.kick();
  }

  /** Whether `clientId` has somewhere to be notified (else `notify` keeps nothing). */
  hasUrl(clientId: string, method?: NotifiedMethod): boolean {
    const merchant = this.merchantOf(clientId);
    return Boolean(merchant && notificationUrlOf(merchant, method));
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Every record, newest first, optionally of one payment. */
  list(referenceNo?: string): NotificationRecord[] {
    return Object.values(this.deps.store.data.notifications)
      .filter((n) => referenceNo === undefined || n.referenceNo === referenceNo)
      .reverse();
  }

  /**
   * A notification, sent at once (a final state reached, or the admin's "send now"). Without a
   * notification URL it is not kept: every payment would cost a record and a write for nothing
   * (the delivery log says why instead).
   */
  notify(source: NotificationSource): NotificationRecord {
    const { store, clock, ids } = this.deps;
    const now = clock.now(source.clientId);
    const merchant = this.merchantOf(source.clientId);
    const url = merchant && notificationUrlOf(merchant, source.method);
    const n: NotificationRecord = {
      id: ids.tokenId(),
      referenceNo: source.referenceNo,
      clientId: source.clientId,
      body: source.body,
      ...(source.device ? { device: source.device } : {}),
      ...(source.method ? { method: source.method } : {}),
      ...(source.signing ? { signing: source.signing } : {}),
      createdAt: now,
      attempts: [],
      ...(url ? { state: 'PENDING', nextAt: now } : { state: 'NOT_SENT', reason: NO_URL }),
    };
    if (!url) return n;
    store.addNotification(n);
    this.kick();
    return n;
  }

  /**
   * Sends `n` again now, whatever became of it. During an attempt, once that attempt has ended:
   * its outcome would otherwise overwrite the resend.
   */
  resend(n: NotificationRecord): void {
    if (this.inFlight.has(n.id)) return void this.resendAfter.add(n.id);
    this.deps.store.notificationDue(n, this.deps.clock.now(n.clientId));
    this.kick();
  }

  /** Merchants keeping more notifications than the per-merchant cap, all still to deliver (store/notification-index.ts). */
  overflowing(): [clientId: string, kept: number][] {
    return this.deps.store.notificationsOverflowing();
  }

  /** Now rather than at the next tick: a notification queued, or the clock moved (admin/clock.ts). */
  kick(): void {
    if (this.stopped) return;
    setImmediate(() => void this.tick());
    this.timer ??= setInterval(() => void this.tick(), TICK_MS).unref();
  }

  private async tick(): Promise<void> {
    const { store, clock } = this.deps;
    let working = false;
    for (const task of this.tasks) working = task() || working;
    const waiting = working || Object.values(store.data.notifications).some((n) => n.state === 'PENDING');
    if (!waiting && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    const due = Object.values(store.data.notifications).filter(
      (n) => n.state === 'PENDING' && n.nextAt! <= clock.now(n.clientId) && !this.inFlight.has(n.id),
    );
    if (due.length === 0) return;
    for (const n of due.slice(0, IN_FLIGHT_MAX - this.inFlight.size)) this.inFlight.add(n.id);
    await store.commit(); // what a notification reports is on disk before the merchant hears of it
    for (const n of due) if (this.inFlight.has(n.id)) void this.attempt(n);
  }

  private async attempt(n: NotificationRecord): Promise<void> {
    const { store, clock, config, log } = this.deps;
    try {
      const merchant = this.merchantOf(n.clientId);
      const url = merchant && notificationUrlOf(merchant, n.method);
      if (!url) return store.notificationNotSent(n, NO_URL); // the settings changed since it was queued
      const delivery = await deliveryOf(this.deps, merchant, url, n.body, n.device);
      const attempt = await deliver(n.signing ? { ...delivery, signing: n.signing } : delivery);
      const answered = acknowledged(attempt, config.notificationRetryUntil);
      const first = n.attempts[0]?.at ?? attempt.at;
      const retryIn = config.notificationRetrySeconds[n.attempts.length]; // after attempt k (1-based), schedule[k - 1]
      const next = answered
        ? ({ state: 'DELIVERED' } as const)
        : retryIn === undefined
          ? ({ state: 'FAILED' } as const)
          : ({ state: 'PENDING', nextAt: Math.max(first + retryIn * 1000, attempt.at) } as const);
      store.notificationAttempted(n, attempt, next);
      const resend = this.resendAfter.delete(n.id); // asked for during this attempt: due now
      if (resend) store.notificationDue(n, clock.now(n.clientId));
      await store.commit();
      if (resend) this.kick();
      this.changed();
      log.info(
        {
          referenceNo: n.referenceNo,
          url: attempt.url,
          status: attempt.status,
          error: attempt.error,
          attempt: n.attempts.length,
          state: n.state,
        },
        'notification',
      );
    } catch (e) {
      log.error({ err: e, referenceNo: n.referenceNo }, 'notification attempt failed');
    } finally {
      this.inFlight.delete(n.id);
      this.resendAfter.delete(n.id); // an attempt that threw or found no URL: nothing to send again
    }
  }

  private merchantOf(clientId: string) {
    return this.deps.merchants.find(clientId);
  }
}

/** Whether an attempt's answer ends the retries (DOKU_NOTIFICATION_RETRY_UNTIL). */
function acknowledged(attempt: NotificationAttempt, until: Config['notificationRetryUntil']): boolean {
  if (attempt.status === null) return false;
  if (until === 'any') return true;
  if (!is2xx(attempt.status)) return false;
  if (until === '2xx') return true;
  try {
    return String((JSON.parse(attempt.responseBody ?? '') as { responseCode?: unknown }).responseCode ?? '').startsWith('200');
  } catch {
    return false;
  }
}
