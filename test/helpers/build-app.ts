/** A fresh sandbox for one test: in-memory store, seeded ids, a clock the test can move. */
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import type { Logger } from 'pino';
import { createHttpServer } from '../../server/http-server.js';
import { createApp, type App } from '../../server/app.js';
import { manualClock } from '../../server/clock.js';
import { loadConfig, type Config } from '../../server/config/load.js';
import { createIds } from '../../server/fake/ids.js';
import { silentLogger } from '../../server/logger.js';
import { Store } from '../../server/store/store.js';
import type { Deps } from '../../server/deps.js';
import { MerchantRegistry } from '../../server/merchants.js';
import { Outbound } from '../../server/net/outbound.js';
import { loadScenarios, type ScenarioSet } from '../../server/scenario/load.js';
import { productCatalogue } from '../../server/products/index.js';

export interface TestSandbox {
  app: App;
  deps: Deps;
  scenarios: ScenarioSet;
  config: Config;
  clock: ReturnType<typeof manualClock>;
}

export async function buildSandbox(env: Record<string, string> = {}, options: { log?: Logger } = {}): Promise<TestSandbox> {
  const config = loadConfig({ DOKU_DB_FILE: ':memory:', DOKU_FAKER_SEED: '42', DOKU_DB_FLUSH_MS: '0', ...env });
  const store = await Store.open(config.dbFile, config.dbFlushMs, { notificationsPerMerchant: config.notificationsPerMerchant });
  const clock = manualClock(Date.parse('2026-05-26T10:00:00+07:00'));
  const merchants = new MerchantRegistry(config.merchants, store);
  const outbound = new Outbound(config.publicUrl, config.outboundHosts);
  const catalogue = productCatalogue();
  const log = options.log ?? silentLogger();
  const deps: Deps = { config, store, merchants, clock, ids: createIds(config.fakerSeed), log, outbound, catalogue };
  const scenarios = loadScenarios(config.scenariosDir, config, catalogue);
  return { app: createApp(deps, scenarios), deps, scenarios, config, clock };
}

/**
 * The sandbox on a real loopback port, as main.ts serves it (http-server.ts), with the port made
 * known to its outbound guard: what a notification URL pointing back at the sandbox would reach.
 * `port`: a port chosen beforehand (a setting may name it); else a free one.
 */
export async function listenSandbox(sb: TestSandbox, port = 0): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server = createHttpServer(sb.app, sb.config, sb.deps.catalogue);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const bound = (server.address() as AddressInfo).port;
  sb.deps.outbound.listeningOn(bound);
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** A loopback port free now (for a setting that must name the port before the sandbox listens on it). */
export async function freePort(): Promise<number> {
  const srv = createNetServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}
