/**
 * The sandbox's state: typed domain functions over lowdb (the only module that imports it).
 * Reads are from memory. A write is a call that names what it changes (`addRefund`,
 * `settlePayment`, …: json-server's model), which marks that record (`touch`); `commit()`
 * group-commits: all changes made before it are appended to the write-ahead log in one write
 * (store/wal-file.ts), whatever the size of the data.
 */
import { Low, Memory, type Adapter } from 'lowdb';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { GroupCommit } from './group-commit.js';
import { WalFile } from './wal-file.js';
import { BindingIndex } from './binding-index.js';
import { PaymentIndex } from './payment-index.js';
import { QrisIndex, type QrisRecord, type QrisRefundRecord } from './qris-records.js';
import { VaIndex, type VaBankAttempt, type VaPaymentRecord, type VirtualAccountRecord } from './va-records.js';
import { IdempotencyRecords, isKeyOf } from './idempotency-records.js';
import { NotificationIndex } from './notification-index.js';
import {
  emptyData,
  newTokenEpoch,
  type AuthCodeRecord,
  type Binding,
  type Data,
  type IdempotencyRecord,
  type MerchantRecord,
  type NotificationAttempt,
  type NotificationRecord,
  type PaymentOutcome,
  type Path,
  type PaymentRecord,
  type RefreshTokenRecord,
  type RefundRecord,
} from './types.js';

const VA_ATTEMPTS_KEPT = 1000;

/** What a state file may hold: older versions stored access and customer token records. */
type StoredData = Partial<Data> & { accessTokens?: unknown; customerTokens?: unknown };

export class Store {
  readonly bindings = new BindingIndex();
  readonly payments = new PaymentIndex();
  readonly virtualAccounts = new VaIndex();
  readonly qris = new QrisIndex();
  /**
   * Told when a payment is accepted (a 2xx answer: SUCCESS, or PENDING until it settles) and when a
   * PENDING one settles, after the change (products/direct-debit/notifications.ts hands DOKU's notifications to the outbox from here).
   */
  onPayment: (p: PaymentRecord, change: 'accepted' | 'settled') => void = () => {};
  /** Told when a VA is paid, after the change (products/virtual-accounts/notifications.ts). */
  onVaPaid: (va: VirtualAccountRecord, payment: VaPaymentRecord) => void = () => {};
  /** Told when a QRIS is paid (or its payment fails), after the change (products/qris/notifications.ts). */
  onQrisPaid: (q: QrisRecord) => void = () => {};
  private readonly notificationIndex: NotificationIndex;
  private readonly idempotency = new IdempotencyRecords();
  private readonly commits: GroupCommit;

  private constructor(
    private readonly db: Low<Data>,
    flushMs: number,
    private readonly wal?: WalFile,
    notificationsPerMerchant?: number,
  ) {
    this.notificationIndex = new NotificationIndex(notificationsPerMerchant);
    this.commits = new GroupCommit(() => this.db.write(), flushMs);
    this.bindings.rebuild(this.data.bindings);
    this.payments.rebuild(this.data.payments);
    this.virtualAccounts.rebuild(this.data.virtualAccounts);
    this.qris.rebuild(this.data.qris);
    this.notificationIndex.rebuild(this.data.notifications);
  }

  /** `:memory:` (tests) or a JSON file path (snapshot + write-ahead log); a missing file starts empty. */
  static async open(
    file: string,
    flushMs = 0,
    options: { sync?: 'write' | 'fsync'; compactEvery?: number; notificationsPerMerchant?: number } = {},
  ): Promise<Store> {
    let wal: WalFile | undefined;
    let adapter: Adapter<Data>;
    if (file === ':memory:') adapter = new Memory<Data>();
    else {
      mkdirSync(dirname(file), { recursive: true });
      adapter = wal = new WalFile(file, options.sync, options.compactEvery);
    }
    const db = new Low<Data>(adapter, emptyData());
    await db.read();
    const stored = db.data as StoredData;
    db.data = { ...emptyData(), ...stored };
    const store = new Store(db, flushMs, wal, options.notificationsPerMerchant);
    await store.upgrade(stored);
    return store;
  }

  /**
   * State written before tokens carried an epoch: give it one, on disk at once (tokens issued
   * before a restart must stay known after it), and drop the token records it no longer uses.
   */
  private async upgrade(stored: StoredData): Promise<void> {
    if (typeof stored.tokenEpoch === 'string' && !('accessTokens' in stored) && !('customerTokens' in stored)) return;
    if (typeof stored.tokenEpoch !== 'string') this.data.tokenEpoch = newTokenEpoch();
    this.touch('tokenEpoch');
    for (const legacy of ['accessTokens', 'customerTokens'] as const) {
      if (!(legacy in this.data)) continue;
      delete (this.data as Partial<Record<typeof legacy, unknown>>)[legacy];
      this.touch(legacy as keyof Data);
    }
    await this.commit();
  }

  /** What opening the state had to repair (a damaged log tail cut off), to report once. */
  get startupNotes(): readonly string[] {
    return this.wal?.notes ?? [];
  }

  get tokenEpoch(): string {
    return this.data.tokenEpoch;
  }

  /** The epoch a merchant's tokens carry: its own after a reset of it alone, else the state's. */
  tokenEpochOf(clientId: string): string {
    return Object.hasOwn(this.data.merchantEpochs, clientId) ? this.data.merchantEpochs[clientId]! : this.data.tokenEpoch;
  }

  private touch(...path: Path): void {
    this.wal?.markDirty(path);
  }

  get data(): Data {
    return this.db.data;
  }

  /** Resolves once every change made before the call is on disk. */
  commit(): Promise<void> {
    return this.commits.request();
  }

  async close(): Promise<void> {
    await this.commits.drain();
    await this.wal?.close(this.db.data);
  }

  async reset(): Promise<void> {
    await this.commits.drain();
    const merchants = this.data.merchants; // registered merchants are credentials, not state: a reset keeps them
    this.db.data = { ...emptyData(), merchants };
    this.idempotency.clear();
    this.bindings.rebuild(this.data.bindings);
    this.payments.rebuild(this.data.payments);
    this.virtualAccounts.rebuild(this.data.virtualAccounts);
    this.qris.rebuild(this.data.qris);
    this.notificationIndex.rebuild(this.data.notifications);
    await this.wal?.resetTo(this.db.data);
  }

  /** Writes a fresh snapshot now and starts a new log generation (tests; compaction otherwise runs by itself). */
  async compact(): Promise<void> {
    await this.commits.drain();
    await this.wal?.compact(this.db.data);
  }

  saveRefreshToken(rec: RefreshTokenRecord, nowSec: number): void {
    this.prune(nowSec);
    this.data.refreshTokens[rec.refreshToken] = rec;
    this.touch('refreshTokens', rec.refreshToken);
  }

  /** A refresh token is single-use: taking it removes it. */
  takeRefreshToken(token: string): RefreshTokenRecord | undefined {
    if (!Object.hasOwn(this.data.refreshTokens, token)) return undefined;
    const rec = this.data.refreshTokens[token];
    delete this.data.refreshTokens[token];
    this.touch('refreshTokens', token);
    return rec;
  }

  saveAuthCode(rec: AuthCodeRecord): void {
    this.data.authCodes[rec.authCode] = rec;
    this.touch('authCodes', rec.authCode);
  }

  /** Marks an authCode exchanged; DOKU_AUTH_CODE_MODE=strict refuses a second exchange (docs/doku.md §3.2). */
  useAuthCode(rec: AuthCodeRecord): void {
    rec.used = true;
    this.touch('authCodes', rec.authCode);
  }

  findAuthCode(code: string): AuthCodeRecord | undefined {
    return Object.hasOwn(this.data.authCodes, code) ? this.data.authCodes[code] : undefined;
  }

  insertBinding(b: Binding): void {
    this.data.bindings[b.referenceNo] = b;
    this.bindings.add(b);
    this.touch('bindings', b.referenceNo);
  }

  insertPayment(p: PaymentRecord): void {
    this.data.payments[p.referenceNo] = p;
    this.payments.add(p);
    this.touch('payments', p.referenceNo);
    if (p.status !== 'FAILED') this.onPayment(p, 'accepted');
  }

  findPayment(referenceNo: string): PaymentRecord | undefined {
    return this.payments.get(referenceNo);
  }

  /** A refund of `p` (products/direct-debit/endpoints/refund.ts): appended to its refunds and indexed by its partnerRefundNo. */
  addRefund(p: PaymentRecord, refund: RefundRecord): void {
    p.refunds.push(refund);
    this.payments.add(p);
    this.touch('payments', p.referenceNo);
  }

  /** A wrong OTP or PIN for a payment waiting on the issuer (products/direct-debit/domain/issuer-payment.ts): how many so far. */
  paymentCodeAttempted(p: PaymentRecord, attempts: number): void {
    p.issuer!.otpAttempts = attempts;
    this.touch('payments', p.referenceNo);
  }

  /** A PENDING payment settles (products/direct-debit/domain/settle.ts): its outcome replaces its status, codes and paid time. */
  settlePayment(p: PaymentRecord, outcome: PaymentOutcome): void {
    Object.assign(p, outcome);
    delete p.settleAt;
    this.touch('payments', p.referenceNo);
    this.onPayment(p, 'settled');
  }

  /**
   * A new notification. Each merchant keeps at most DOKU_NOTIFICATIONS_PER_MERCHANT, its oldest finished
   * ones going first; one still to be delivered is never dropped (store/notification-index.ts).
   */
  addNotification(n: NotificationRecord): void {
    const all = this.data.notifications;
    all[n.id] = n;
    this.touch('notifications', n.id);
    for (const id of this.notificationIndex.add(n, all)) {
      delete all[id];
      this.touch('notifications', id);
    }
  }

  /** Merchants keeping more notifications than the cap, all still to be delivered, and how many. */
  notificationsOverflowing(): [clientId: string, kept: number][] {
    return this.notificationIndex.overflowing();
  }

  /** An attempt at delivering `n`, and what follows from it (delivered, failed for good, or the next attempt's time). */
  notificationAttempted(n: NotificationRecord, attempt: NotificationAttempt, next: Pick<NotificationRecord, 'state' | 'nextAt'>): void {
    n.attempts.push(attempt);
    n.state = next.state;
    if (next.nextAt === undefined) delete n.nextAt;
    else n.nextAt = next.nextAt;
    this.touch('notifications', n.id);
  }

  /** `n` is to be sent (again) at `at`. */
  notificationDue(n: NotificationRecord, at: number): void {
    n.state = 'PENDING';
    n.nextAt = at;
    delete n.reason;
    this.touch('notifications', n.id);
  }

  /** `n` will not be sent, and why. */
  notificationNotSent(n: NotificationRecord, reason: string): void {
    n.state = 'NOT_SENT';
    n.reason = reason;
    delete n.nextAt;
    this.touch('notifications', n.id);
  }

  addMerchant(m: MerchantRecord): void {
    this.data.merchants[m.clientId] = m;
    this.touch('merchants', m.clientId);
  }

  /** Removes a merchant registered at run time and every record of its own; how many records went. */
  forgetMerchant(clientId: string): number {
    return this.dropRecordsOf(clientId, true);
  }

  /** Every record of one merchant goes, and the tokens issued to it become unknown; how many records went. */
  resetMerchant(clientId: string): number {
    const removed = this.dropRecordsOf(clientId, false);
    this.data.merchantEpochs[clientId] = newTokenEpoch();
    this.touch('merchantEpochs', clientId);
    return removed;
  }

  private dropRecordsOf(clientId: string, withMerchant: boolean): number {
    let removed = 0;
    const drop = (
      collection:
        'bindings' | 'payments' | 'virtualAccounts' | 'vaAttempts' | 'qris' | 'authCodes' | 'refreshTokens' | 'notifications' | 'merchants',
    ) => {
      const all = this.data[collection] as Record<string, { clientId: string }>;
      for (const key of Object.keys(all)) {
        if (all[key]!.clientId !== clientId) continue;
        delete all[key];
        this.touch(collection, key);
        removed++;
      }
    };
    for (const c of [
      'bindings',
      'payments',
      'virtualAccounts',
      'vaAttempts',
      'qris',
      'authCodes',
      'refreshTokens',
      'notifications',
    ] as const)
      drop(c);
    if (withMerchant) drop('merchants');
    for (const [day, records] of Object.entries(this.data.idempotency))
      for (const key of Object.keys(records)) {
        if (!isKeyOf(key, clientId)) continue;
        delete records[key];
        this.touch('idempotency', day, key);
        removed++;
      }
    this.bindings.rebuild(this.data.bindings);
    this.payments.rebuild(this.data.payments);
    this.virtualAccounts.rebuild(this.data.virtualAccounts);
    this.qris.rebuild(this.data.qris);
    this.idempotency.clear();
    this.notificationIndex.rebuild(this.data.notifications);
    return removed;
  }

  findNotification(id: string): NotificationRecord | undefined {
    return Object.hasOwn(this.data.notifications, id) ? this.data.notifications[id] : undefined;
  }

  findIdempotent(day: string, key: string): IdempotencyRecord | undefined {
    const records = Object.hasOwn(this.data.idempotency, day) ? this.data.idempotency[day]! : undefined;
    return records && Object.hasOwn(records, key) ? records[key] : undefined;
  }

  /**
   * Stores an answer under today's key; days before yesterday are dropped (docs/doku.md §12: per day), and
   * a day keeps at most `cap` answers, oldest first (DOKU_IDEMPOTENCY_MAX): see idempotency-records.ts.
   */
  saveIdempotent(day: string, key: string, rec: IdempotencyRecord, yesterday: string, cap = Infinity): void {
    this.idempotency.save(this.data.idempotency, day, key, rec, yesterday, cap, (...path) => this.touch('idempotency', ...path));
  }

  private prunedAt = 0;

  /** Drops expired refresh tokens at most once a minute, so the cost never lands on every request. */
  private prune(nowSec: number): void {
    if (nowSec - this.prunedAt < 60) return;
    this.prunedAt = nowSec;
    const tokens = this.data.refreshTokens;
    for (const k of Object.keys(tokens)) {
      if (tokens[k]!.exp >= nowSec) continue;
      delete tokens[k];
      this.touch('refreshTokens', k);
    }
  }

  /** A new virtual account (products/virtual-accounts/endpoints/create-va.ts). */
  insertVa(va: VirtualAccountRecord): void {
    this.data.virtualAccounts[va.id] = va;
    this.virtualAccounts.add(va);
    this.touch('virtualAccounts', va.id);
  }

  /** A VA changed: updated, made INACTIVE or ACTIVE again, deleted. */
  updateVa(va: VirtualAccountRecord, patch: Partial<VirtualAccountRecord>): void {
    Object.assign(va, patch);
    this.virtualAccounts.add(va);
    this.touch('virtualAccounts', va.id);
  }

  /** A payment into `va`; a single-use VA is PAID by it (products/virtual-accounts/domain/pay.ts). */
  vaPaid(va: VirtualAccountRecord, payment: VaPaymentRecord): void {
    va.payments.push(payment);
    if (!va.reusable) va.status = 'PAID';
    this.virtualAccounts.add(va);
    this.touch('virtualAccounts', va.id);
    this.onVaPaid(va, payment);
  }

  /** A try at paying a VA, paid or refused (the bank's journal); the oldest go beyond 1 000. */
  vaAttempted(attempt: VaBankAttempt): void {
    const all = this.data.vaAttempts;
    all[attempt.id] = attempt;
    this.touch('vaAttempts', attempt.id);
    const ids = Object.keys(all);
    for (const id of ids.slice(0, Math.max(0, ids.length - VA_ATTEMPTS_KEPT))) {
      delete all[id];
      this.touch('vaAttempts', id);
    }
  }

  /** The tries at paying the VA numbered `key` (vaKey) of a merchant, oldest first. */
  vaAttemptsOf(clientId: string, key: string): VaBankAttempt[] {
    return Object.values(this.data.vaAttempts).filter((a) => a.clientId === clientId && a.key === key);
  }

  /** A generated QRIS (products/qris/endpoints/generate.ts). */
  insertQris(q: QrisRecord): void {
    this.data.qris[q.referenceNo] = q;
    this.qris.add(q);
    this.touch('qris', q.referenceNo);
  }

  /** A QRIS changed: expired, canceled. */
  updateQris(q: QrisRecord, patch: Partial<QrisRecord>): void {
    Object.assign(q, patch);
    this.touch('qris', q.referenceNo);
  }

  /** The customer's payment of a QRIS: paid (with who paid) or failed at the issuer. */
  qrisSettled(q: QrisRecord, patch: Pick<QrisRecord, 'status'> & Partial<QrisRecord>): void {
    Object.assign(q, patch);
    this.touch('qris', q.referenceNo);
    this.onQrisPaid(q);
  }

  /** A refund of a paid QRIS; the last one that reaches its amount makes it REFUNDED. */
  qrisRefunded(q: QrisRecord, refund: QrisRefundRecord, full: boolean): void {
    q.refunds.push(refund);
    if (full) q.status = 'REFUNDED';
    this.touch('qris', q.referenceNo);
  }

  /** Applies a change to a binding and keeps the secondary indexes right. */
  updateBinding(b: Binding, patch: Partial<Binding>): Binding {
    Object.assign(b, patch);
    this.bindings.add(b);
    this.touch('bindings', b.referenceNo);
    return b;
  }
}
