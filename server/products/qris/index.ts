/**
 * QRIS, Merchant-Presented Mode (docs/doku.md §15): generate a dynamic QR whose qrContent is a real
 * EMVCo/QRIS payload, query it, refund it; the customer pays it (the admin action); DOKU notifies
 * the merchant. Everything of the product is in this folder; the core knows it by this object.
 */
import type { Product } from '../../product.js';
import { QRIS_ADMIN_DOCS } from './admin/docs.js';
import { qrisAdminRoutes } from './admin/routes.js';
import { CATALOGUE } from './catalogue.js';
import { ENDPOINTS } from './endpoints/index.js';
import { qrisNotificationOf, qrisNotifications, sampleQrisNotification } from './notifications.js';
import { qrPageRouter } from './pages/qr-page.js';

export const qris: Product = {
  name: 'qris',
  endpoints: ENDPOINTS,
  catalogue: CATALOGUE,
  pages: (deps) => [qrPageRouter(deps)],
  admin: qrisAdminRoutes,
  adminDocs: QRIS_ADMIN_DOCS,
  notifications: qrisNotifications,
  notificationOf: qrisNotificationOf,
  sampleNotification: sampleQrisNotification,
};
