/**
 * The DOKU endpoints are served before Express's router (server/snap-routes.ts), so Express no
 * longer catches what their error path throws: a failing error handler must close the connection,
 * not end the process with an unhandled rejection.
 */
import { createServer, type Server } from 'node:http';
import { IdempotencyLedger } from '../../server/pipeline/idempotency.js';
import { ScenarioState } from '../../server/scenario/select.js';
import { snapRoutes } from '../../server/snap-routes.js';
import { buildSandbox } from '../helpers/build-app.js';

let server: Server;
afterEach(() => new Promise((r) => server.close(r)));

test('an error handler that throws closes the connection; the process and the next request go on', async () => {
  const sb = await buildSandbox();
  const snap = snapRoutes(sb.deps, new IdempotencyLedger(sb.deps.store), new ScenarioState(sb.scenarios), () => {});
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  let calls = 0;
  server = createServer((req, res) => {
    const served = snap.serve(req, res, () => {
      calls++;
      throw new Error('error handler failed');
    });
    if (!served) res.end('not a DOKU path');
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    // no headers, no body: the pipeline throws a SnapError, and the error handler then throws
    const outcome = await fetch(`${url}/orders/v1.0/debit/status`, { method: 'POST', body: '{}' }).then(
      (r) => `HTTP ${r.status}`,
      () => 'connection closed',
    );
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(1);
    expect(outcome).toBe('connection closed');
    expect(unhandled).toEqual([]);
    expect(await (await fetch(`${url}/elsewhere`)).text()).toBe('not a DOKU path');
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
