/**
 * GET /virtual-accounts/how-to-pay/{id}(.json): where the create answer's howToPayPage and
 * howToPayApi point (docs/doku.md §14.4): the VA's number, amount and expiry, as a customer reads
 * them before paying at the bank. (The pay button of a hosted bank-transfer page is issue #26's next step.)
 */
import { Router } from 'express';
import type { Deps } from '../../../deps.js';
import { esc, html, messagePage, page } from '../../../pages/kit.js';
import { stateAt } from '../domain/va-state.js';

const SUBTITLE = 'Virtual account · bank transfer';

export function howToPayRouter(deps: Deps): Router {
  const router = Router();
  router.get('/virtual-accounts/how-to-pay/:id', (req, res) => {
    const id = String(req.params.id);
    const json = id.endsWith('.json');
    const va = Object.hasOwn(deps.store.data.virtualAccounts, id.replace(/\.json$/, ''))
      ? deps.store.data.virtualAccounts[id.replace(/\.json$/, '')]
      : undefined;
    if (!va)
      return json
        ? void res.status(404).json({ error: 'unknown VA' })
        : html(res, 404, messagePage('Not found', 'This VA is unknown or was reset.', SUBTITLE));
    const state = stateAt(va, deps.clock.now(va.clientId));
    const number = va.virtualAccountNo.replace(/\s+/g, '');
    const amount = va.totalAmount?.value;
    if (json)
      return void res
        .set('Cache-Control', 'no-store')
        .json({ virtualAccountNo: number, amount: amount ?? null, expiredDate: va.expiredDate, state, channel: va.channel });
    html(
      res,
      200,
      page(
        'How to pay',
        `<h1>Pay by bank transfer</h1><p>Transfer to this virtual account from ${esc(va.channel.replace(/^VIRTUAL_ACCOUNT_/, ''))}'s ATM, app or internet banking.</p>
<div class="card"><span>Virtual account</span><strong>${esc(number)}</strong></div>
<div class="card"><span>Amount</span><strong>${amount ? `IDR ${esc(amount)}` : 'any'}</strong></div>
<p>Pay before ${esc(va.expiredDate)}. Now: ${esc(state)}.</p>`,
        SUBTITLE,
      ),
    );
  });
  return router;
}
