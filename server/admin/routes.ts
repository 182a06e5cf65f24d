/**
 * /__mock: the sandbox's own API (never signature-checked). Mock answers have their own shape,
 * `{ mockError, ... }` on failure, so nobody mistakes them for DOKU's. Issue #4 grows this.
 */
import { Router } from 'express';
import type { Deps } from '../endpoints/types.js';
import { ENDPOINTS } from '../endpoints/index.js';

export function adminRouter(deps: Deps): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', endpoints: ENDPOINTS.length, merchants: deps.config.merchants.map((m) => m.clientId) });
  });
  router.use((req, res) => {
    res.status(404).json({ mockError: `unknown admin route ${req.method} /__mock${req.path}`, known: ['GET /__mock/health'] });
  });
  return router;
}
