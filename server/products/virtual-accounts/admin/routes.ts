/**
 * The virtual accounts' own /__mock routes (docs/doku.md §14.8): what DOKU's dashboard simulator
 * does, scriptable. A VA is named by its number in any padding (URL-encode the spaces, or leave
 * them out); `clientId` (body or query) picks the merchant when two have the same number.
 * - GET  /virtual-accounts                 the merchant's VAs (or everyone's), newest first
 * - GET  /virtual-accounts/attempts        the bank's journal: every try at paying, paid or refused, and why
 * - GET  /virtual-accounts/{no}            one VA, its payments, their notifications, the tries at paying it
 * - POST /virtual-accounts/{no}/pay        the customer pays at the bank (admin/pay-route.ts)
 * - POST /virtual-accounts/{no}/expire     its expiry is now
 */
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../../deps.js';
import type { AdminKit } from '../../../product.js';
import { mayAct, targetOf } from '../../../admin/scope.js';
import { MockError } from '../../../scenario/mock-error.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { VirtualAccountRecord } from '../../../store/va-records.js';
import { stateAt } from '../domain/va-state.js';
import { vaPayRoute } from './pay-route.js';
import { attemptView, vaSummary } from './view.js';

const limitOf = (v: unknown) => (typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : 200);

export function vaAdminRoutes(deps: Deps, { outbox }: AdminKit): Router {
  const router = Router();
  const { store, clock } = deps;
  const summary = (va: VirtualAccountRecord) => vaSummary(deps, va);

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

  // before /{no}: `attempts` is not a VA number
  router.get('/virtual-accounts/attempts', (req, res) => {
    const clientId = targetOf(req, res);
    const all = Object.values(store.data.vaAttempts).filter((a) => (clientId ? a.clientId === clientId : mayAct(res, a.clientId)));
    res.json({
      attempts: all
        .slice(-limitOf(req.query.limit))
        .reverse()
        .map((a) => attemptView(a)),
    });
  });

  router.get('/virtual-accounts/:virtualAccountNo', (req, res) => {
    const va = vaOf(req, res);
    const notifications = va.payments.flatMap((p) => outbox.list(p.paymentRequestId));
    const attempts = store.vaAttemptsOf(va.clientId, va.key).map((a) => attemptView(a));
    res.json({ virtualAccount: { ...summary(va), record: va }, notifications, attempts });
  });

  router.use(vaPayRoute(deps, outbox));

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
