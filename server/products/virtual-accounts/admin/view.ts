/** How the admin routes and the dashboard show a VA and a try at paying one (times in Jakarta's ISO-8601). */
import type { Deps } from '../../../deps.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { VaBankAttempt, VirtualAccountRecord } from '../../../store/va-records.js';
import { stateAt } from '../domain/va-state.js';

/**
 * Four SDKs answer trxIds and VA numbers beginning 111–119 themselves, outside production, without
 * calling anyone (docs/sdks.md "Virtual accounts"): a VA so named works here but not through them.
 */
export const sdkSimulatorWarning = (va: Pick<VirtualAccountRecord, 'trxId' | 'virtualAccountNo'>): string | undefined =>
  /^11[1-9]/.test(va.trxId) || /^11[1-9]/.test(va.virtualAccountNo.trim())
    ? "its trxId or number begins 111–119: DOKU's PHP, Python, Go and Java SDKs answer such calls themselves, outside production (docs/sdks.md)"
    : undefined;

export const vaSummary = (deps: Deps, va: VirtualAccountRecord) => ({
  virtualAccountNo: va.virtualAccountNo,
  partnerServiceId: va.partnerServiceId,
  customerNo: va.customerNo,
  clientId: va.clientId,
  trxId: va.trxId,
  virtualAccountName: va.virtualAccountName,
  channel: va.channel,
  numbering: va.numbering,
  virtualAccountTrxType: va.trxType,
  totalAmount: va.totalAmount,
  reusable: va.reusable,
  state: stateAt(va, deps.clock.now(va.clientId)),
  expiredDate: va.expiredDate,
  payments: va.payments.map((p) => ({ ...p, paidAt: formatJakarta(p.paidAt) })),
  ...(va.scenario ? { scenario: va.scenario } : {}),
  createdAt: formatJakarta(va.createdAt),
  ...(sdkSimulatorWarning(va) ? { warning: sdkSimulatorWarning(va) } : {}),
});

export const attemptView = (a: VaBankAttempt) => ({ ...a, at: formatJakarta(a.at) });
