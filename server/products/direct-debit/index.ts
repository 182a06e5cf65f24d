/**
 * Direct debit and e-wallets (docs/doku.md §3.2–§10): card binding, account binding, payments with
 * their OTP, issuer and wallet pages, refunds, status checks, balance and unbinding, and their
 * notifications. Everything of the product is in this folder; the core knows it by this object.
 */
import type { Product } from '../../product.js';
import { flowHelpers } from './admin/flow-helpers.js';
import { stateViews } from './admin/views.js';
import { CATALOGUE } from './catalogue.js';
import { ENDPOINTS } from './endpoints/index.js';
import { notificationOf, paymentNotifications, sampleNotification } from './notifications.js';
import { issuerPageRouter } from './pages/issuer-routes.js';
import { otpPageRouter } from './pages/routes.js';
import { walletPageRouter } from './pages/wallet-routes.js';
import { SCENARIOS } from './scenarios.js';

export const directDebit: Product = {
  name: 'direct-debit',
  endpoints: ENDPOINTS,
  catalogue: CATALOGUE,
  scenarios: SCENARIOS,
  pages: (deps) => [otpPageRouter(deps), walletPageRouter(deps), issuerPageRouter(deps)],
  admin(deps, kit) {
    const router = flowHelpers(deps);
    router.use(stateViews(deps, kit));
    return router;
  },
  notifications: paymentNotifications,
  notificationOf(deps, referenceNo) {
    const p = deps.store.findPayment(referenceNo);
    return p && notificationOf(deps, p);
  },
  sampleNotification,
};
