/**
 * Virtual accounts (docs/doku.md §14): create, update, delete and check a VA; the customer pays it
 * at the bank (the admin action, the bank-transfer page); DOKU notifies the merchant. Everything of
 * the product is in this folder; the core knows it by this object.
 */
import type { Product } from '../../product.js';
import { VA_ADMIN_DOCS } from './admin/docs.js';
import { vaAdminRoutes } from './admin/routes.js';
import { CATALOGUE } from './catalogue.js';
import { ENDPOINTS } from './endpoints/index.js';
import { sampleVaNotification, vaNotificationOf, vaNotifications } from './notifications.js';
import { howToPayRouter } from './pages/how-to-pay.js';

export const virtualAccounts: Product = {
  name: 'virtual-accounts',
  endpoints: ENDPOINTS,
  catalogue: CATALOGUE,
  pages: (deps) => [howToPayRouter(deps)],
  admin: vaAdminRoutes,
  adminDocs: VA_ADMIN_DOCS,
  notifications: vaNotifications,
  notificationOf: vaNotificationOf,
  sampleNotification: sampleVaNotification,
};
