/**
 * What startSandbox returns: where the sandbox is, whom it knows, and the tester's moves (a
 * scenario, the clock, the customer's OTP, a settlement, a VA or QR paid, the notifications sent) as
 * typed calls. Each is the admin API call README "Admin API" documents; a refusal rejects with a
 * SandboxError carrying its `mockError`.
 */
import type { NotificationRecord } from '../store/types.js';
import type { AdminClient } from './admin-client.js';

export interface SandboxMerchant {
  clientId: string;
  /** the HMAC key of its signatures (DOKU's SDKs' `secretKey`) */
  clientSecret: string;
  publicKeyPem: string;
  /** known for the TEST-ONLY demo merchant only: the sandbox never holds a merchant's real private key */
  privateKeyPem?: string;
  sharedKey?: string;
  demo: boolean;
}

/** One merchant's own moves (`clientId`), else the sandbox's as a whole. */
export interface Scope {
  clientId?: string;
}

export interface Sandbox {
  /** e.g. `http://127.0.0.1:40123`: DOKU's base URL for the merchant's code */
  readonly url: string;
  readonly port: number;
  /** the first merchant given (`merchants`, or clientId/clientSecret/publicKeyPem), else the TEST-ONLY demo merchant */
  readonly merchant: SandboxMerchant;
  readonly merchants: readonly SandboxMerchant[];
  /** DOKU's (the sandbox's) public key: what verifies its notifications' signatures and token requests */
  readonly dokuPublicKeyPem: string;
  /** Forces a scenario (scenarios/*.json by name) on every request, or none with `null`. */
  scenario(name: string | null, scope?: Scope): Promise<void>;
  clock: {
    /** Moves the sandbox's time on; what falls due (settlements, retries, expiries) happens at once. */
    advance(seconds: number, scope?: Scope): Promise<string>;
    set(isoDateTime: string, scope?: Scope): Promise<string>;
    /** back to real time */
    reset(scope?: Scope): Promise<string>;
  };
  /** The customer's OTP for a card binding waiting for one (its referenceNo). */
  completeOtp(referenceNo: string, result?: 'success' | 'fail'): Promise<Record<string, unknown>>;
  /** A PENDING card payment's outcome (its referenceNo). */
  settle(referenceNo: string, status?: 'SUCCESS' | 'FAILED'): Promise<Record<string, unknown>>;
  /** The customer pays a VA at the bank, as `POST /__mock/virtual-accounts/{no}/pay` (body: amount, channel, …). */
  payVirtualAccount(virtualAccountNo: string, body?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The customer pays a QR (its referenceNo or partnerReferenceNo), or fails with `{result: 'fail'}`. */
  payQris(referenceNo: string, body?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The notifications the sandbox made, newest first, with every delivery attempt. */
  notifications(filter?: Scope & { referenceNo?: string }): Promise<NotificationRecord[]>;
  /** Waits until a notification of `referenceNo` is delivered or has failed for good (rejects after `timeoutMs`, 5000). */
  waitForNotification(referenceNo: string, options?: { timeoutMs?: number }): Promise<NotificationRecord>;
  /** The request journal: each exchange with DOKU's endpoints, newest first. */
  requests(filter?: Scope & { path?: string; limit?: number }): Promise<Record<string, unknown>[]>;
  /** Forgets the state (one merchant's with `clientId`), scenarios, journal and coverage. */
  reset(scope?: Scope): Promise<void>;
  /** Any admin call: `admin('GET', '/coverage')`. */
  admin<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: object): Promise<T>;
  /** Stops the sandbox and drops its connections. */
  close(): Promise<void>;
}

type Parts = Pick<Sandbox, 'url' | 'port' | 'merchant' | 'merchants' | 'dokuPublicKeyPem' | 'close'> & { admin: AdminClient };

/** Why a wait ended empty-handed: none made yet, or one still retrying (and how to stop after the first try). */
function stillPending(all: NotificationRecord[]): string {
  const n = all[0];
  if (!n) return 'none was made (is the payment paid? is a notification URL set?)';
  const last = n.attempts.at(-1);
  const answer = last ? `, the last answered ${last.status ?? last.error}` : '';
  return `it is ${n.state} after ${n.attempts.length} attempt(s)${answer}; retries follow notificationRetry ('none': the first attempt only)`;
}

const clientIdOf = (scope: Scope = {}) => (scope.clientId ? { clientId: scope.clientId } : {});

export function sandboxHandle({ admin, ...parts }: Parts): Sandbox {
  const call = admin.call.bind(admin);
  const path = (s: string) => encodeURIComponent(s);
  const now = async (r: Promise<{ now: string }>) => (await r).now;
  const notifications = async (filter: Scope & { referenceNo?: string } = {}) =>
    (await call<{ notifications: NotificationRecord[] }>('GET', '/notifications', undefined, { ...filter })).notifications;
  return {
    ...parts,
    async scenario(name, scope) {
      if (name === null) await call('DELETE', '/scenario', undefined, clientIdOf(scope));
      else await call('PUT', '/scenario', { name, ...clientIdOf(scope) });
    },
    clock: {
      advance: (seconds, scope) => now(call('POST', '/clock', { advanceSeconds: seconds, ...clientIdOf(scope) })),
      set: (at, scope) => now(call('POST', '/clock', { set: at, ...clientIdOf(scope) })),
      reset: (scope) => now(call('DELETE', '/clock', undefined, clientIdOf(scope))),
    },
    completeOtp: (ref, result = 'success') => call('POST', `/bindings/${path(ref)}/otp`, { result }),
    settle: (ref, status = 'SUCCESS') => call('POST', `/payments/${path(ref)}/settle`, { status }),
    payVirtualAccount: (no, body = {}) => call('POST', `/virtual-accounts/${path(no)}/pay`, body),
    payQris: (ref, body = {}) => call('POST', `/qris/${path(ref)}/pay`, body),
    notifications,
    async waitForNotification(referenceNo, { timeoutMs = 5000 } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const all = await notifications({ referenceNo });
        const done = all.find((n) => n.state === 'DELIVERED' || n.state === 'FAILED' || n.state === 'NOT_SENT');
        if (done) return done;
        if (Date.now() > until)
          throw new Error(`no notification of ${referenceNo} delivered or failed within ${timeoutMs} ms: ${stillPending(all)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    requests: async ({ limit, ...filter } = {}) =>
      (await call<{ requests: Record<string, unknown>[] }>('GET', '/requests', undefined, { ...filter, limit: limit?.toString() }))
        .requests,
    async reset(scope) {
      await call('POST', '/reset', clientIdOf(scope));
    },
    admin: (method, p, body) => call(method, p, body),
  };
}
