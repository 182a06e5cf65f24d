/**
 * The sandbox's state: typed domain functions over lowdb (the only module that imports it).
 * Reads are from memory; every mutation is followed by `commit()`, which group-commits the file.
 */
import { Low, Memory, type Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { GroupCommit } from './group-commit.js';
import { BindingIndex } from './binding-index.js';
import { PaymentIndex } from './payment-index.js';
import { emptyData, type AccessTokenRecord, type AuthCodeRecord, type Binding, type CustomerTokenRecord, type Data, type IdempotencyRecord, type PaymentRecord, type RefreshTokenRecord } from './types.js';

export class Store {
  readonly bindings = new BindingIndex();
  readonly payments = new PaymentIndex();
  private readonly commits: GroupCommit;

  private constructor(private readonly db: Low<Data>, flushMs: number) {
    this.commits = new GroupCommit(() => this.db.write(), flushMs);
    this.bindings.rebuild(this.data.bindings);
    this.payments.rebuild(this.data.payments);
  }

  /** `:memory:` (tests) or a JSON file path; a missing file starts empty. */
  static async open(file: string, flushMs = 5): Promise<Store> {
    let adapter: Adapter<Data>;
    if (file === ':memory:') adapter = new Memory<Data>();
    else {
      mkdirSync(dirname(file), { recursive: true });
      adapter = new JSONFile<Data>(file);
    }
    const db = new Low<Data>(adapter, emptyData());
    await db.read();
    db.data = { ...emptyData(), ...db.data };
    return new Store(db, flushMs);
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
  }

  async reset(): Promise<void> {
    this.db.data = emptyData();
    this.bindings.rebuild(this.data.bindings);
    this.payments.rebuild(this.data.payments);
    await this.commit();
  }

  saveAccessToken(rec: AccessTokenRecord, nowSec: number): void {
    pruneExpired(this.data.accessTokens, nowSec);
    this.data.accessTokens[rec.jti] = rec;
  }

  findAccessToken(jti: string): AccessTokenRecord | undefined {
    return this.data.accessTokens[jti];
  }

  saveCustomerToken(rec: CustomerTokenRecord, nowSec: number): void {
    pruneExpired(this.data.customerTokens, nowSec);
    this.data.customerTokens[rec.jti] = rec;
  }

  findCustomerToken(jti: string): CustomerTokenRecord | undefined {
    return this.data.customerTokens[jti];
  }

  saveRefreshToken(rec: RefreshTokenRecord, nowSec: number): void {
    pruneExpired(this.data.refreshTokens, nowSec);
    this.data.refreshTokens[rec.refreshToken] = rec;
  }

  /** A refresh token is single-use: taking it removes it. */
  takeRefreshToken(token: string): RefreshTokenRecord | undefined {
    const rec = this.data.refreshTokens[token];
    delete this.data.refreshTokens[token];
    return rec;
  }

  saveAuthCode(rec: AuthCodeRecord): void {
    this.data.authCodes[rec.authCode] = rec;
  }

  findAuthCode(code: string): AuthCodeRecord | undefined {
    return this.data.authCodes[code];
  }

  insertBinding(b: Binding): void {
    this.data.bindings[b.referenceNo] = b;
    this.bindings.add(b);
  }

  insertPayment(p: PaymentRecord): void {
    this.data.payments[p.referenceNo] = p;
    this.payments.add(p);
  }

  findPayment(referenceNo: string): PaymentRecord | undefined {
    return this.data.payments[referenceNo];
  }

  /** Keeps the refund index right after a refund was appended to `p.refunds`. */
  paymentChanged(p: PaymentRecord): void {
    this.payments.add(p);
  }

  findIdempotent(day: string, key: string): IdempotencyRecord | undefined {
    return this.data.idempotency[day]?.[key];
  }

  /** Stores an answer under today's key; days before yesterday are dropped (spec §12: per day). */
  saveIdempotent(day: string, key: string, rec: IdempotencyRecord, yesterday: string): void {
    for (const d of Object.keys(this.data.idempotency)) if (d < yesterday) delete this.data.idempotency[d];
    (this.data.idempotency[day] ??= {})[key] = rec;
  }

  /** Applies a change to a binding and keeps the secondary indexes right. */
  updateBinding(b: Binding, patch: Partial<Binding>): Binding {
    Object.assign(b, patch);
    this.bindings.add(b);
    return b;
  }
}

/** Drops expired records (`exp` in epoch seconds) once a map grows past a small size. */
function pruneExpired(map: Record<string, { exp: number }>, nowSec: number): void {
  const keys = Object.keys(map);
  if (keys.length < 256) return;
  for (const k of keys) if (map[k]!.exp < nowSec) delete map[k];
}
