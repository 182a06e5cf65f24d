/**
 * A merchant-side SNAP client for tests, driving the app through supertest: signs token requests
 * with the merchant's RSA key and transactions with HMAC-SHA512, exactly as docs/doku.md §2 describes.
 * Every knob a test may want to break is an option.
 */
import request from 'supertest';
import type { RequestListener } from 'node:http';
import { signAsymmetric, signSymmetric, sha256Hex, symmetricStringToSign } from '../../server/snap/signature.js';
import { encryptCardData } from '../../server/products/direct-debit/domain/card-data.js';
import { CARD, DEMO } from './merchant.js';

export const TS = '2026-05-26T10:00:00+07:00';

export interface TxOptions {
  headers?: Record<string, string | undefined>;
  /** Send these exact bytes (signature still computed over `signBody` or the compact body). */
  rawBody?: string;
  signBody?: string;
  secret?: string;
  token?: string;
  timestamp?: string;
  signPath?: string;
  customerToken?: string;
  /** the HTTP verb, signed and sent (VA update is PUT, delete DELETE) */
  method?: 'POST' | 'PUT' | 'DELETE';
  /** client-side timeout (ms), to meet a scenario that hangs */
  timeoutMs?: number;
}

let externalSeq = 0;
export const nextExternalId = () => `${Date.now()}${String(++externalSeq).padStart(4, '0')}`;

export class SnapClient {
  /** `app`: an Express app (supertest starts it per request) or the base URL of a listening sandbox. */
  constructor(
    readonly app: RequestListener | string,
    readonly clientId = DEMO.clientId,
    readonly secret = DEMO.clientSecret,
    readonly privateKeyPem = DEMO.privateKeyPem,
  ) {}

  tokenRequest(
    path: string,
    body: unknown,
    opts: {
      timestamp?: string;
      clientId?: string;
      signature?: string;
      headers?: Record<string, string | undefined>;
      rawBody?: string;
    } = {},
  ) {
    const timestamp = opts.timestamp ?? TS;
    const clientId = opts.clientId ?? this.clientId;
    const headers: Record<string, string | undefined> = {
      'Content-Type': 'application/json',
      'X-CLIENT-KEY': clientId,
      'X-TIMESTAMP': timestamp,
      'X-SIGNATURE': opts.signature ?? signAsymmetric(this.privateKeyPem, clientId, timestamp),
      ...opts.headers,
    };
    return send(request(this.app).post(path), headers, opts.rawBody ?? JSON.stringify(body));
  }

  async b2bToken(): Promise<string> {
    const res = await this.tokenRequest('/authorization/v1/access-token/b2b', { grantType: 'client_credentials' });
    if (res.status !== 200) throw new Error(`token failed: ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  async b2b2cToken(authCode: string): Promise<request.Response> {
    return this.tokenRequest('/authorization/v1/access-token/b2b2c', { grantType: 'authorization_code', authCode });
  }

  async tx(path: string, body: unknown, opts: TxOptions = {}): Promise<request.Response> {
    const token = opts.token ?? (await this.b2bToken());
    const timestamp = opts.timestamp ?? TS;
    const compact = JSON.stringify(body);
    const method = opts.method ?? 'POST';
    const stringToSign = symmetricStringToSign({
      method,
      path: opts.signPath ?? path,
      accessToken: token,
      bodyHashHex: sha256Hex(opts.signBody ?? compact),
      timestamp,
    });
    const headers: Record<string, string | undefined> = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'X-PARTNER-ID': this.clientId,
      'X-EXTERNAL-ID': nextExternalId(),
      'X-TIMESTAMP': timestamp,
      'X-SIGNATURE': signSymmetric(opts.secret ?? this.secret, stringToSign),
      ...(opts.customerToken ? { 'Authorization-Customer': opts.customerToken } : {}),
      ...opts.headers,
    };
    const agent = request(this.app);
    const req = send(
      method === 'PUT' ? agent.put(path) : method === 'DELETE' ? agent.delete(path) : agent.post(path),
      headers,
      opts.rawBody ?? compact,
    );
    return opts.timeoutMs ? req.timeout(opts.timeoutMs) : req;
  }

  bindBody(overrides: Record<string, unknown> = {}, card: Record<string, unknown> = CARD) {
    return {
      partnerReferenceNo: `BIND-${nextExternalId()}`,
      cardData: encryptCardData(JSON.stringify(card), this.secret),
      custIdMerchant: 'CUST001',
      phoneNo: '6281234567890',
      additionalInfo: {
        channel: 'DIRECT_DEBIT_BRI_SNAP',
        customerName: 'Budi Santoso',
        successRegistrationUrl: 'https://merchant.example/bind/success',
        failedRegistrationUrl: 'https://merchant.example/bind/failed',
      },
      ...overrides,
    };
  }

  bind(overrides: Record<string, unknown> = {}, opts: TxOptions & { channelId?: string } = {}, card?: Record<string, unknown>) {
    return this.tx('/direct-debit/core/v1/registration-card-bind', this.bindBody(overrides, card), {
      ...opts,
      headers: { 'CHANNEL-ID': opts.channelId ?? 'DH', ...opts.headers },
    });
  }

  /** H2H bind → otp-verification: returns the bankCardToken and authCode of an ACTIVE binding. */
  async activeBinding(
    custIdMerchant = 'CUST001',
    card?: Record<string, unknown>,
  ): Promise<{ referenceNo: string; bankCardToken: string; authCode: string }> {
    const bind = await this.bind({ custIdMerchant }, { channelId: 'H2H' }, card);
    if (bind.status !== 200) throw new Error(`bind failed: ${JSON.stringify(bind.body)}`);
    const otp = await this.tx('/direct-debit/core/v1/otp-verification', { originalReferenceNo: bind.body.referenceNo, otp: '12345678' });
    if (otp.status !== 200) throw new Error(`otp failed: ${JSON.stringify(otp.body)}`);
    return { referenceNo: bind.body.referenceNo, bankCardToken: otp.body.bankCardToken, authCode: otp.body.additionalInfo.authCode };
  }
}

export const PAY = '/direct-debit/core/v1/debit/payment-host-to-host';
export const REFUND = '/direct-debit/core/v1/debit/refund';
export const STATUS = '/orders/v1.0/debit/status';
export const BALANCE = '/direct-debit/core/v1/balance-inquiry';
export const IP = { 'X-IP-ADDRESS': '103.31.4.100' };

/** A customer with an active card and a customer token: what payments need. */
export async function customerSession(client: SnapClient, custIdMerchant = 'CUST001', card?: Record<string, unknown>) {
  const binding = await client.activeBinding(custIdMerchant, card);
  const token = await client.b2b2cToken(binding.authCode);
  return { ...binding, customerToken: token.body.accessToken as string };
}

export function paymentBody(partnerReferenceNo: string, value = '10000.00', extra: Record<string, unknown> = {}) {
  return {
    partnerReferenceNo,
    amount: { value, currency: 'IDR' },
    payOptionDetails: [],
    additionalInfo: {
      channel: 'DIRECT_DEBIT_BRI_SNAP',
      successPaymentUrl: 'https://merchant.example/paid',
      failedPaymentUrl: 'https://merchant.example/failed',
    },
    ...extra,
  };
}

export function refundBody(
  originalPartnerReferenceNo: string,
  partnerRefundNo: string,
  value: string,
  extra: Record<string, unknown> = {},
) {
  return {
    originalPartnerReferenceNo,
    partnerRefundNo,
    refundAmount: { value, currency: 'IDR' },
    reason: 'customer request',
    additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' },
    ...extra,
  };
}

function send(req: request.Test, headers: Record<string, string | undefined>, body: string): request.Test {
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) req.set(k, v);
  return req.send(body);
}
