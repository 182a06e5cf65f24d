/**
 * /__mock/clock: the sandbox's time, moved so a test of "after the token expires" need not wait
 * (Stripe's test clocks, per merchant). `GET` shows it; `POST {"advanceSeconds"} | {"set": ISO}`
 * moves it; `DELETE` returns to real time; each takes `clientId` (body or query) for one
 * merchant's own clock, so parallel suites travel apart, else the default every merchant follows
 * until given its own. What the move makes due (a settlement, a notification retry) happens at once.
 */
import { Router } from 'express';
import type { Deps } from '../deps.js';
import type { Outbox } from '../notify/outbox.js';
import { MockError } from '../scenario/mock-error.js';
import { targetOf } from './scope.js';
import { formatJakarta, isRealDate } from '../snap/timestamp.js';

export function clockRoutes(deps: Deps, outbox: Outbox): Router {
  const router = Router();
  const { clock } = deps;
  const show = (clientId: string | undefined) => {
    const offsetMs = clock.offsetOf(clientId);
    return {
      ...(clientId ? { clientId, own: clock.isOwn(clientId) } : {}),
      now: formatJakarta(clock.now(clientId)),
      offsetSeconds: offsetMs / 1000,
      real: offsetMs === 0,
    };
  };

  router.get('/clock', (req, res) => void res.json(show(targetOf(req, res))));

  router.post('/clock', (req, res) => {
    const body = (req.body ?? {}) as { advanceSeconds?: unknown; set?: unknown; clientId?: unknown };
    const clientId = targetOf(req, res);
    const to = targetTime(body, clock.now(clientId));
    if (typeof to === 'string') throw new MockError(to); // nothing changed
    clock.set(to, clientId);
    outbox.kick(); // settlements and retries that are now due happen now
    res.json(show(clientId));
  });

  router.delete('/clock', (req, res) => {
    const clientId = targetOf(req, res);
    clock.reset(clientId);
    res.json(show(clientId));
  });
  return router;
}

/** A move the sandbox can make: its time stays a real Asia/Jakarta date-time with a four-digit year (tokens, SNAP timestamps). */
const EARLIEST = Date.parse('2000-01-01T00:00:00+07:00');
const LATEST = Date.parse('9998-12-31T23:59:59+07:00');
const USAGE = 'send {"advanceSeconds": <number>} or {"set": "<ISO-8601 date-time>"}, and optionally "clientId"';

/** The instant a move asks for, or why it is refused. */
function targetTime(body: { advanceSeconds?: unknown; set?: unknown }, now: number): number | string {
  let to: number;
  if (body.advanceSeconds !== undefined && body.set === undefined) {
    if (typeof body.advanceSeconds !== 'number' || !Number.isFinite(body.advanceSeconds))
      return `advanceSeconds must be a number: ${USAGE}`;
    to = now + body.advanceSeconds * 1000;
  } else if (body.set !== undefined && body.advanceSeconds === undefined) {
    if (typeof body.set !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(body.set) || !isRealDate(body.set))
      return `set must be a real ISO-8601 date-time, e.g. 2026-12-01T00:00:00+07:00: ${USAGE}`;
    to = Date.parse(body.set);
  } else return USAGE;
  if (!(to >= EARLIEST && to <= LATEST))
    return `the clock can move between ${formatJakarta(EARLIEST)} and ${formatJakarta(LATEST)}: nothing changed`;
  return Math.round(to);
}
