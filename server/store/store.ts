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
import { emptyData, type AccessTokenRecord, type AuthCodeRecord, type CardBinding, type CustomerTokenRecord, type Data, type RefreshTokenRecord } from './types.js';

export class Store {
  readonly bindings = new BindingIndex();
  private readonly commits: GroupCommit;

  private constructor(private readonly db: Low<Data>, flushMs: number) {
    this.commits = new GroupCommit(() => this.db.write(), flushMs);
    this.bindings.rebuild(this.data.bindings);
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

  insertBinding(b: CardBinding): void {
    this.data.bindings[b.referenceNo] = b;
    this.bindings.add(b);
  }

  /** Applies a change to a binding and keeps the secondary indexes right. */
  updateBinding(b: CardBinding, patch: Partial<CardBinding>): CardBinding {
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
