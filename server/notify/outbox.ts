/**
 * DOKU → merchant payment notifications (docs/doku.md §10.4), sent in the background: a payment's
 * answer never waits for them. A payment accepted as SUCCESS, or a PENDING one once it settles (by
 * its time or the admin settle helper), gets a notification record in the state, written with the
 * payment; a tick every 200 ms sends what is due (at most 8 at a time), after the payment is on
 * disk, and settles PENDING payments whose time has come, so their notification goes out without
 * a request reading them first. A delivery not answered 2xx is tried again on the retry schedule
 * (DOKU_NOTIFICATION_RETRY, counted from the first attempt). Records live in the state, so
 * deliveries still due survive a restart.
 */
import type { Deps } from '../deps.js';
import { notificationBody } from '../domain/notification-body.js';
import { settleIfDue } from '../domain/settle.js';
import type { NotificationRecord, PaymentRecord } from '../store/types.js';
import { deliver, is2xx } from './deliver.js';
import { deliveryOf } from './delivery-of.js';

const TICK_MS = 200;
export const NO_URL = 'no notification URL is configured (DOKU_NOTIFICATION_URL): payments are not notified';
const IN_FLIGHT_MAX = 8;
/** Without the merchant's token endpoint the sandbox makes a token up, which is not a JWT the merchant issued (docs/doku.md §10.4). */
export const MADE_UP_TOKEN =
  "no token URL (DOKU_MERCHANT_TOKEN_URL, or a registered merchant's tokenUrl): notifications carry a token the sandbox made up, not a JWT your token endpoint issued, so every SDK's validateTokenB2B and notification helper refuses them";

export class Outbox {
  private readonly settling = new Set<string>();
  private readonly inFlight = new Set<string>();
  /** resends asked for while an attempt was in flight */
  private readonly resendAfter = new Set<string>();
  /** runs only while something waits: a payment to settle, or a notification still pending */
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  /** `changed`: told after every attempt (the dashboard's live view) */
  constructor(
    private readonly deps: Deps,
    private readonly changed: () => void = () => {},
  ) {
    deps.store.onPayment = (p) => this.paymentChanged(p);
    for (const p of Object.values(deps.store.data.payments))
      if (p.status === 'PENDING' && p.settleAt !== undefined) this.settling.add(p.referenceNo);
    this.kick();
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
   * A notification of `p` as it is now, sent at once (a final state reached, or the admin's "send
   * now"). Without a notification URL it is not kept: every payment would cost a record and a write
   * for nothing (the delivery log says why instead).
   */
  notify(p: PaymentRecord): NotificationRecord {
    const { store, clock, ids } = this.deps;
    const now = clock.now(p.clientId);
    const url = this.merchantOf(p.clientId)?.notificationUrl;
    const binding = p.bindingRef ? store.bindings.byReferenceNo(p.bindingRef) : undefined;
    const n: NotificationRecord = {
      id: ids.tokenId(),
      referenceNo: p.referenceNo,
      clientId: p.clientId,
      body: notificationBody(p, binding, this.deps.config.waitingStatus),
      ...(p.device ? { device: p.device } : {}),
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

  private paymentChanged(p: PaymentRecord): void {
    if (p.status !== 'PENDING') {
      this.settling.delete(p.referenceNo);
      if (this.merchantOf(p.clientId)?.notificationUrl) this.notify(p);
    } else if (p.settleAt !== undefined) {
      this.settling.add(p.referenceNo);
      this.kick();
    }
  }

  /** Now rather than at the next tick: a notification queued, or the clock moved (admin/clock.ts). */
  kick(): void {
    if (this.stopped) return;
    setImmediate(() => void this.tick());
    this.timer ??= setInterval(() => void this.tick(), TICK_MS).unref();
  }

  private async tick(): Promise<void> {
    const { store, clock } = this.deps;
    const waiting = this.settling.size > 0 || Object.values(store.data.notifications).some((n) => n.state === 'PENDING');
    if (!waiting && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    for (const ref of this.settling) {
      const p = store.findPayment(ref);
      if (p?.status === 'PENDING') settleIfDue(p, this.deps, clock.now(p.clientId));
      else this.settling.delete(ref);
    }
    const due = Object.values(store.data.notifications).filter(
      (n) => n.state === 'PENDING' && n.nextAt! <= clock.now(n.clientId) && !this.inFlight.has(n.id),
    );
    if (due.length === 0) return;
    for (const n of due.slice(0, IN_FLIGHT_MAX - this.inFlight.size)) this.inFlight.add(n.id);
    await store.commit(); // the payment a notification reports is on disk before the merchant hears of it
    for (const n of due) if (this.inFlight.has(n.id)) void this.attempt(n);
  }

  private async attempt(n: NotificationRecord): Promise<void> {
    const { store, clock, config, log } = this.deps;
    try {
      const merchant = this.merchantOf(n.clientId);
      if (!merchant?.notificationUrl) return store.notificationNotSent(n, NO_URL); // the settings changed since it was queued
      const attempt = await deliver(await deliveryOf(this.deps, merchant, merchant.notificationUrl, n.body, n.device));
      const answered = attempt.status !== null && (config.notificationRetryUntil === 'any' || is2xx(attempt.status));
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
