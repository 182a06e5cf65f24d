/**
 * The only file with side effects: loadConfig → open the store → createApp → listen; SIGTERM and
 * SIGINT stop accepting, flush pending writes and exit 0.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { answerClientErrorsAsSnap } from './client-error.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config/load.js';
import { describeConfig } from './config/describe.js';
import { createIds } from './fake/ids.js';
import { createLogger, flushLog } from './logger.js';
import { Store } from './store/store.js';
import { loadScenarios, type ScenarioSet } from './scenario/load.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`doku-sandbox: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  let scenarios: ScenarioSet;
  try {
    scenarios = loadScenarios(config.scenariosDir, config);
  } catch (e) {
    console.error(`doku-sandbox: invalid scenario: ${(e as Error).message}`);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const store = await Store.open(config.dbFile, config.dbFlushMs, { sync: config.dbSync, compactEvery: config.dbCompactEvery });
  const app = createApp({ config, store, clock: systemClock, ids: createIds(config.fakerSeed), log, scenarios });
  const server = app.listen(config.port, config.host, () => {
    log.info({ settings: describeConfig(config) }, 'effective configuration');
    // the port actually bound (PORT=0 picks a free one), the time since the process started, and
    // whether the build's code cache was used (server/load-bundle.ts; absent when not bundled)
    const { port } = server.address() as AddressInfo;
    const codeCache = (globalThis as Record<symbol, unknown>)[Symbol.for('doku-sandbox.codeCache')];
    log.info({ port, startupMs: Math.round(performance.now()), codeCache }, `doku-sandbox listening on http://${config.host}:${port}`);
    const demo = config.merchants.find((m) => m.demo);
    if (demo) log.info(demoHint(demo.clientId, config));
  });
  answerClientErrorsAsSnap(server);
  server.on('error', (e) => {
    log.fatal({ err: e }, 'cannot listen');
    void flushLog(log).then(() => process.exit(1));
  });

  const stop = (signal: string) => {
    log.info(`${signal}: stopping`);
    server.close();
    server.closeIdleConnections();
    store.close().then(
      () => flushLog(log).then(() => process.exit(0)),
      (e) => {
        log.error({ err: e }, 'final write failed');
        void flushLog(log).then(() => process.exit(1));
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function demoHint(clientId: string, config: Config): string {
  return [
    'No merchant configured: using the TEST-ONLY demo merchant from fixtures/.',
    `  client id:   ${clientId}`,
    '  secret key:  see fixtures/demo-merchant.json (never printed: secrets stay out of logs)',
    `  private key: fixtures/keys/demo-merchant.TEST-ONLY.private.pem`,
    `  sandbox OTP: ${config.otpCodes[0]}`,
    `  try it:      npm run example`,
  ].join('\n');
}

void main();
