/** A fresh sandbox for one test: in-memory store, seeded ids, a clock the test can move. */
import type { Logger } from 'pino';
import { createApp, type App } from '../../server/app.js';
import { manualClock } from '../../server/clock.js';
import { loadConfig, type Config } from '../../server/config/load.js';
import { createIds } from '../../server/fake/ids.js';
import { silentLogger } from '../../server/logger.js';
import { Store } from '../../server/store/store.js';
import type { Deps } from '../../server/deps.js';
import { MerchantRegistry } from '../../server/domain/merchants.js';
import { Outbound } from '../../server/net/outbound.js';
import { loadScenarios, type ScenarioSet } from '../../server/scenario/load.js';

export interface TestSandbox {
  app: App;
  deps: Deps;
  scenarios: ScenarioSet;
  config: Config;
  clock: ReturnType<typeof manualClock>;
}

export async function buildSandbox(env: Record<string, string> = {}, options: { log?: Logger } = {}): Promise<TestSandbox> {
  const config = loadConfig({ DOKU_DB_FILE: ':memory:', DOKU_FAKER_SEED: '42', DOKU_DB_FLUSH_MS: '0', ...env });
  const store = await Store.open(config.dbFile, config.dbFlushMs);
  const clock = manualClock(Date.parse('2026-05-26T10:00:00+07:00'));
  const merchants = new MerchantRegistry(config.merchants, store);
  const outbound = new Outbound(config.publicUrl, config.outboundHosts);
  const deps: Deps = { config, store, merchants, clock, ids: createIds(config.fakerSeed), log: options.log ?? silentLogger(), outbound };
  const scenarios = loadScenarios(config.scenariosDir, config);
  return { app: createApp(deps, scenarios), deps, scenarios, config, clock };
}
