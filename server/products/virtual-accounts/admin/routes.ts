/**
 * The virtual accounts' own /__mock routes (docs/doku.md §14.8): what DOKU's dashboard simulator
 * does, scriptable. A VA is named by its number in any padding (URL-encode the spaces, or leave
 * them out); `clientId` (body or query) picks the merchant when two have the same number.
 * - GET  /virtual-accounts                 the merchant's VAs (or everyone's), newest first
 * - GET  /virtual-accounts/{no}            one VA, its payments and their notifications
 * - POST /virtual-accounts/{no}/pay        {amount?, channelCode?, senderName?}: the customer pays at the bank
 * - POST /virtual-accounts/{no}/expire     its expiry is now
 * A payment the bank refuses answers 409 with DOKU's code (service 25) and why; nothing changes.
 */
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../../deps.js';
import type { AdminKit } from '../../../product.js';
import { mayAct, targetOf } from '../../../admin/scope.js';
import { MockError } from '../../../scenario/mock-error.js';
import { CASES, responseCode } from '../../../snap/response-codes.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { VirtualAccountRecord } from '../../../store/va-records.js';
import { payVa } from '../domain/pay.js';
import { stateAt } from '../domain/va-state.js';

const AMOUNT = /^\d{1,16}\.\d{2}$/;
const limitOf = (v: unknown) => (typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : 200);

export function vaAdminRoutes(deps: Deps, { outbox }: AdminKit): Router {
  const router = Router();
  const { store, clock } = deps;
  const summary = (va: VirtualAccountRecord) => ({
    virtualAccountNo: va.virtualAccountNo,
    partnerServiceId: va.partnerServiceId,
    customerNo: va.customerNo,
    clientId: va.clientId,
    trxId: va.trxId,
    virtualAccountName: va.virtualAccountName,
    channel: va.channel,
    virtualAccountTrxType: va.trxType,
    totalAmount: va.totalAmount,
    reusable: va.reusable,
    state: stateAt(va, clock.now(va.clientId)),
    expiredDate: va.expiredDate,
    payments: va.payments.map((p) => ({ ...p, paidAt: formatJakarta(p.paidAt) })),
    ...(va.scenario ? { scenario: va.scenario } : {}),
    createdAt: formatJakarta(va.createdAt),
  });

  /** The VA a path names, among those the caller may act on: not found, or which merchant's when two have it. */
  const vaOf = (req: Request, res: Response): VirtualAccountRecord => {
    const clientId = targetOf(req, res);
    const no = String(req.params.virtualAccountNo);
    if (!/^[\s\d]{1,28}$/.test(no)) throw new MockError('the VA number is up to 28 digits (spaces allowed)', { field: 'virtualAccountNo' });
    const found = store.virtualAccounts
      .everyWithNo(no)
      .filter((va) => va.status !== 'DELETED' && (clientId ? va.clientId === clientId : mayAct(res, va.clientId)));
    if (found.length === 0) throw new MockError(`no virtual account ${no.trim()}`, {}, 404);
    if (found.length > 1)
      throw new MockError(`merchants ${found.map((v) => v.clientId).join(', ')} each have VA ${no.trim()}: send {"clientId"}`, {}, 409);
    return found[0]!;
  };

  router.get('/virtual-accounts', (req, res) => {
    const clientId = targetOf(req, res);
    const all = Object.values(store.data.virtualAccounts).filter((va) => !clientId || va.clientId === clientId);
    res.json({ virtualAccounts: all.slice(-limitOf(req.query.limit)).reverse().map(summary) });
  });

  router.get('/virtual-accounts/:virtualAccountNo', (req, res) => {
    const va = vaOf(req, res);
    const notifications = va.payments.flatMap((p) => outbox.list(p.paymentRequestId));
    res.json({ virtualAccount: { ...summary(va), record: va }, notifications });
  });

  router.post('/virtual-accounts/:virtualAccountNo/pay', async (req, res) => {
    const va = vaOf(req, res);
    const { amount, channelCode, senderName } = (req.body ?? {}) as Record<string, unknown>;
    if (amount !== undefined && (typeof amount !== 'string' || !AMOUNT.test(amount)))
      throw new MockError('amount is a string with two decimals, e.g. "10000.00"', { field: 'amount' });
    if (channelCode !== undefined && (typeof channelCode !== 'string' || !/^\d{4}$/.test(channelCode)))
      throw new MockError('channelCode is 4 digits (ISO 18245, e.g. "6011" ATM)', { field: 'channelCode' });
    if (senderName !== undefined && (typeof senderName !== 'string' || senderName.length > 64))
      throw new MockError('senderName is a string of at most 64 characters', { field: 'senderName' });
    const outcome = payVa(deps, va, { amount, channelCode, senderName } as Record<string, string | undefined>, clock.now(va.clientId));
    if (!outcome.ok) {
      const code = responseCode(outcome.caseKey, '25');
      deps.log.info({ virtualAccountNo: va.virtualAccountNo, responseCode: code, why: outcome.why }, 'virtual account payment refused');
      throw new MockError(`the bank refuses: ${outcome.why}`, { responseCode: code, responseMessage: CASES[outcome.caseKey] }, 409);
    }
    await store.commit();
    const notification = outbox.list(outcome.payment.paymentRequestId)[0];
    res.json({
      virtualAccount: summary(va),
      payment: { ...outcome.payment, paidAt: formatJakarta(outcome.payment.paidAt) },
      notification: notification ?? null,
      ...(notification ? {} : { notice: 'no notification URL for virtual accounts (DOKU_VA_NOTIFICATION_URL, DOKU_NOTIFICATION_URL)' }),
    });
  });

  router.post('/virtual-accounts/:virtualAccountNo/expire', async (req, res) => {
    const va = vaOf(req, res);
    const now = clock.now(va.clientId);
    if (stateAt(va, now) !== 'ACTIVE' && stateAt(va, now) !== 'INACTIVE')
      throw new MockError(`the VA is ${stateAt(va, now)}: nothing to expire`, {}, 409);
    store.updateVa(va, { expiresAt: now, expiredDate: formatJakarta(now) });
    await store.commit();
    res.json({ virtualAccount: summary(va) });
  });
  return router;
}
