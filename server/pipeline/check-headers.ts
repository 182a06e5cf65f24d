/** Steps 2–3 of docs/doku.md §1.8: mandatory headers (`400xx02`), then their formats (`400xx01`). */
import type { Config } from '../config/load.js';
import { H } from '../snap/headers.js';
import { invalidFieldFormat, invalidMandatoryField } from '../snap/errors.js';
import { isValidTimestamp, skewSeconds } from '../snap/timestamp.js';

export type HeaderGet = (name: string) => string | undefined;

const TOKEN_HEADERS = [H.clientKey, H.timestamp, H.signature];
const TRANSACTION_HEADERS = [H.timestamp, H.signature, H.partnerId, H.externalId, H.authorization];

export function checkHeaders(
  get: HeaderGet,
  auth: 'asymmetric' | 'symmetric',
  extra: readonly string[],
  config: Config,
  now: number,
): void {
  const required = [...(auth === 'asymmetric' ? TOKEN_HEADERS : TRANSACTION_HEADERS), ...extra];
  for (const name of required) if (!get(name)) throw invalidMandatoryField(name, `header ${name} is missing or empty`);

  const contentType = get(H.contentType);
  if (contentType !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    throw invalidFieldFormat(H.contentType, `Content-Type must be application/json, got "${contentType.slice(0, 60)}"`);
  }

  const timestamp = get(H.timestamp)!;
  if (!isValidTimestamp(timestamp, config.timestampMode === 'strict', auth === 'asymmetric')) {
    const strictForm = auth === 'asymmetric' ? 'yyyy-MM-ddTHH:mm:ss(Z|±HH:MM)' : 'yyyy-MM-ddTHH:mm:ss±HH:MM';
    const expected = config.timestampMode === 'strict' ? strictForm : 'yyyy-MM-ddTHH:mm:ss[.SSS](Z|±HH:MM)';
    throw invalidFieldFormat(H.timestamp, `X-TIMESTAMP "${timestamp.slice(0, 40)}" is not ${expected}`);
  }
  if (config.timestampSkewSeconds > 0 && skewSeconds(timestamp, now) > config.timestampSkewSeconds) {
    throw invalidFieldFormat(H.timestamp, `X-TIMESTAMP is more than ${config.timestampSkewSeconds} s from the server clock`);
  }
  // Checked wherever they are sent, not only where mandatory: 10-15 characters as DOKU's SDKs
  // validate it, and SNAP's 400 for the device id (docs/doku.md §1.2).
  const ip = get(H.ipAddress);
  if (ip !== undefined && (ip.length < 10 || ip.length > 15))
    throw invalidFieldFormat(H.ipAddress, 'X-IP-ADDRESS must be 10-15 characters');
  if ((get(H.deviceId)?.length ?? 0) > 400) throw invalidFieldFormat(H.deviceId, 'X-DEVICE-ID must be at most 400 characters');
  if (auth === 'asymmetric') return;

  const externalId = get(H.externalId)!;
  const externalOk = config.externalIdMode === 'strict' ? /^\d{1,36}$/.test(externalId) : /^[\x21-\x7e]{1,64}$/.test(externalId);
  if (!externalOk)
    throw invalidFieldFormat(
      H.externalId,
      config.externalIdMode === 'strict'
        ? 'X-EXTERNAL-ID must be numeric, at most 36 digits'
        : 'X-EXTERNAL-ID must be 1-64 printable characters',
    );
  if (!/^[\x21-\x7e]{1,64}$/.test(get(H.partnerId)!))
    throw invalidFieldFormat(H.partnerId, 'X-PARTNER-ID must be 1-64 printable characters');
  if (!/^Bearer \S+$/.test(get(H.authorization)!))
    throw invalidFieldFormat(H.authorization, 'Authorization must be "Bearer <B2B access token>"');
}
