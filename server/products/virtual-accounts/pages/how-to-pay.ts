/**
 * The hosted bank-transfer page, GET /virtual-accounts/how-to-pay/{id}(.json): where the create
 * answer's howToPayPage and howToPayApi point (docs/doku.md §14.8). It shows the VA's number,
 * amount and expiry as a customer reads them, and is the bank's transfer screen a tester uses by
 * hand: "Pay" posts the amount (from this page only), and the answer is the bank's, paid or refused
 * and why, as the admin action's (domain/bank.ts). The VA's id is the link's secret, as a payment
 * page's session is: it pays only that VA, for its merchant.
 */
import { Router, type Response } from 'express';
import type { Deps } from '../../../deps.js';
import { esc, html, messagePage, ownForm, page } from '../../../pages/kit.js';
import type { VirtualAccountRecord } from '../../../store/va-records.js';
import { payAtBank } from '../domain/bank.js';
import { stateAt } from '../domain/va-state.js';

const SUBTITLE = 'Virtual account · bank transfer';
const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

export function howToPayRouter(deps: Deps): Router {
  const router = Router();
  const vaOf = (id: string) => (Object.hasOwn(deps.store.data.virtualAccounts, id) ? deps.store.data.virtualAccounts[id] : undefined);
  const unknown = (res: Response) => html(res, 404, messagePage('Not found', 'This VA is unknown or was reset.', SUBTITLE));

  router.get('/virtual-accounts/how-to-pay/:id', (req, res) => {
    const id = String(req.params.id);
    const json = id.endsWith('.json');
    const va = vaOf(id.replace(/\.json$/, ''));
    if (!va) return json ? void res.status(404).json({ error: 'unknown VA' }) : unknown(res);
    const state = stateAt(va, deps.clock.now(va.clientId));
    if (json)
      return void res.set('Cache-Control', 'no-store').json({
        virtualAccountNo: digits(va),
        amount: va.totalAmount?.value ?? null,
        expiredDate: va.expiredDate,
        state,
        channel: va.channel,
      });
    html(res, 200, bankPage(va, state));
  });

  router.post(
    '/virtual-accounts/how-to-pay/:id',
    ...ownForm(deps, 'A transfer can only be made from this page.', SUBTITLE),
    async (req, res) => {
      const va = vaOf(String(req.params.id));
      if (!va) return unknown(res);
      const typed = typeof req.body?.amount === 'string' ? (req.body.amount as string).trim().replace(/,/g, '') : '';
      if (typed && !AMOUNT.test(typed))
        return html(res, 400, bankPage(va, stateAt(va, deps.clock.now(va.clientId)), 'Type the amount in rupiah, e.g. 10000 or 10000.00.'));
      const amount = typed ? Number(typed).toFixed(2) : undefined;
      const outcome = await payAtBank(deps, { clientId: va.clientId, may: () => false }, va.virtualAccountNo, amount ? { amount } : {}, va);
      await deps.store.commit();
      if (outcome.kind === 'paid')
        return html(
          res,
          200,
          page(
            'Transfer done',
            `<h1>Transfer done</h1><p role="status">IDR ${esc(outcome.payment.paidAmount.value)} paid into ${esc(digits(va))}. The merchant is notified.</p>
<div class="card"><span>Payment</span><strong>${esc(outcome.payment.paymentRequestId)}</strong></div>`,
            SUBTITLE,
          ),
        );
      const why = outcome.kind === 'refused' ? `${outcome.why} (${outcome.responseCode})` : 'This VA cannot be paid.';
      html(res, 409, bankPage(va, stateAt(va, deps.clock.now(va.clientId)), `The bank refuses: ${why}`));
    },
  );
  return router;
}

const digits = (va: VirtualAccountRecord) => va.virtualAccountNo.replace(/\s+/g, '');

function bankPage(va: VirtualAccountRecord, state: string, error?: string): string {
  const amount = va.totalAmount?.value;
  const bank = va.channel.replace(/^VIRTUAL_ACCOUNT_/, '').replace(/_/g, ' ');
  return page(
    'Pay by bank transfer',
    `<h1>Pay by bank transfer</h1>${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<p>Transfer to this virtual account from ${esc(bank)}'s ATM, app or internet banking.</p>
<div class="card"><span>Virtual account</span><strong>${esc(digits(va))}</strong></div>
<div class="card"><span>Name</span><strong>${esc(va.virtualAccountName)}</strong></div>
<div class="card"><span>Amount</span><strong>${amount ? `IDR ${esc(amount)}` : 'any'}</strong></div>
<p>Pay before ${esc(va.expiredDate)}. Now: <strong>${esc(state)}</strong>.</p>
<form method="post"><label for="amount">Amount to transfer (IDR)</label>
<input id="amount" name="amount" inputmode="decimal" autocomplete="off" value="${esc(amount ?? '')}">
<button type="submit">Pay</button></form>`,
    SUBTITLE,
  );
}
