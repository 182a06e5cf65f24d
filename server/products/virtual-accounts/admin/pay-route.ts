/**
 * POST /__mock/virtual-accounts/{no}/pay {amount?, channelCode?, senderName?, channel?,
 * partnerServiceId?, clientId?}: the customer pays at the bank (domain/bank.ts). A number the
 * merchant never created is a DIPC one when it has an Inquiry URL (docs/doku.md §14.11): DOKU's
 * inquiry goes first, and this answers once it is back. A payment the bank refuses answers 409
 * with DOKU's code (service 25), or the merchant's own when its inquiry answer declined, and why.
 */
import { Router } from 'express';
import type { Deps } from '../../../deps.js';
import type { Outbox } from '../../../notify/outbox.js';
import { mayAct, targetOf } from '../../../admin/scope.js';
import { MockError } from '../../../scenario/mock-error.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import { payAtBank } from '../domain/bank.js';
import type { DipcInput } from '../domain/inquiry.js';
import { VA_CHANNELS } from '../fields.js';
import { attemptView, vaSummary } from './view.js';

const RULES: Record<keyof Omit<DipcInput, 'paymentRequestId'>, [RegExp, string]> = {
  amount: [/^\d{1,16}\.\d{2}$/, 'amount is a string with two decimals, e.g. "10000.00"'],
  channelCode: [/^\d{4}$/, 'channelCode is 4 digits (ISO 18245, e.g. "6011" ATM)'],
  senderName: [/^.{1,64}$/, 'senderName is a string of at most 64 characters'],
  channel: [/^VIRTUAL_ACCOUNT_[A-Z0-9_]{2,40}$/, `channel is a VA channel: ${VA_CHANNELS.slice(0, 4).join(', ')}, …`],
  partnerServiceId: [/^\s{0,7}\d{1,8}$/, 'partnerServiceId is up to 8 digits (space-padded to 8 or not)'],
};

/** The pay body, each field checked: a clear mockError for the first wrong one. */
export function payInput(body: unknown): DipcInput {
  const given = (body ?? {}) as Record<string, unknown>;
  const input: Record<string, string> = {};
  for (const [field, [rule, problem]] of Object.entries(RULES)) {
    const v = given[field];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || !rule.test(v)) throw new MockError(problem, { field });
    input[field] = v;
  }
  return input;
}

export function vaPayRoute(deps: Deps, outbox: Outbox): Router {
  const router = Router();
  router.post('/virtual-accounts/:virtualAccountNo/pay', async (req, res) => {
    const no = String(req.params.virtualAccountNo);
    if (!/^[\s\d]{1,28}$/.test(no)) throw new MockError('the VA number is up to 28 digits (spaces allowed)', { field: 'virtualAccountNo' });
    const input = payInput(req.body);
    const clientId = targetOf(req, res);
    const outcome = await payAtBank(deps, { ...(clientId ? { clientId } : {}), may: (id) => mayAct(res, id) }, no, input);
    await deps.store.commit();
    if (outcome.kind === 'unknown') throw new MockError(outcome.why, {}, 404);
    if (outcome.kind === 'ambiguous')
      throw new MockError(`merchants ${outcome.clientIds.join(', ')} each may have VA ${no.trim()}: send {"clientId"}`, {}, 409);
    if (outcome.kind === 'refused')
      throw new MockError(
        `the bank refuses: ${outcome.why}`,
        { responseCode: outcome.responseCode, responseMessage: outcome.responseMessage, attempt: attemptView(outcome.attempt) },
        409,
      );
    const notification = outbox.list(outcome.payment.paymentRequestId)[0];
    res.json({
      virtualAccount: vaSummary(deps, outcome.va),
      payment: { ...outcome.payment, paidAt: formatJakarta(outcome.payment.paidAt) },
      attempt: attemptView(outcome.attempt),
      notification: notification ?? null,
      ...(notification ? {} : { notice: 'no notification URL for virtual accounts (DOKU_VA_NOTIFICATION_URL, DOKU_NOTIFICATION_URL)' }),
    });
  });
  return router;
}
