/**
 * The only file with side effects: loadConfig → open the store → createApp → listen; SIGTERM and
 * SIGINT stop accepting, flush pending writes and exit 0.
 */
import { existsSync } from 'node:fs';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from './app.js';
import { createHttpServer } from './http-server.js';
import { TravelClock } from './clock.js';
import { ConfigError, FIXTURES_DIR, PROJECT_ROOT, loadConfig, type Config } from './config/load.js';
import { describeConfig } from './config/describe.js';
import { createIds } from './fake/ids.js';
import { createLogger, flushLog } from './logger.js';
import { Store } from './store/store.js';
import { MerchantRegistry } from './merchants.js';
import { productCatalogue } from './products/index.js';
import { Outbound } from './net/outbound.js';
import { MADE_UP_TOKEN } from './notify/outbox.js';
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
  const catalogue = productCatalogue();
  let scenarios: ScenarioSet;
  try {
    scenarios = loadScenarios(config.scenariosDir, config, catalogue);
    if (scenarios.list.length === 0)
      console.error(`doku-sandbox: warning: no scenario files (*.json) in ${config.scenariosDir}: X-Mock-Scenario will name none`);
  } catch (e) {
    console.error(`doku-sandbox: invalid scenario: ${(e as Error).message}`);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  // The port first: a busy one is reported before the state file (perhaps the other sandbox's) is
  // opened. A request that arrives meanwhile waits for the app.
  let appReady!: (app: RequestListener) => void;
  const app = new Promise<RequestListener>((resolve) => (appReady = resolve));
  let serve: RequestListener = (req, res) => void app.then((ready) => ready(req, res));
  const server = createHttpServer((req, res) => serve(req, res), config, catalogue);
  await listen(server, config);
  let store: Store;
  try {
    store = await Store.open(config.dbFile, config.dbFlushMs, {
      sync: config.dbSync,
      compactEvery: config.dbCompactEvery,
      notificationsPerMerchant: config.notificationsPerMerchant,
    });
  } catch (e) {
    console.error(`doku-sandbox: cannot read the state: ${(e as Error).message}`);
    process.exit(1);
  }
  const merchants = new MerchantRegistry(config.merchants, store);
  const outbound = new Outbound(config.publicUrl, config.outboundHosts);
  outbound.listeningOn((server.address() as AddressInfo).port); // notifications never reach the sandbox itself
  const deps = { config, store, merchants, clock: new TravelClock(), ids: createIds(config.fakerSeed), log, outbound, catalogue };
  const ready = createApp(deps, scenarios);
  serve = ready;
  appReady(ready);

  log.info({ settings: describeConfig(config) }, 'effective configuration');
  // the port actually bound (PORT=0 picks a free one), and the time since the process started
  const { port } = server.address() as AddressInfo;
  log.info({ port, startupMs: Math.round(performance.now()) }, `doku-sandbox listening on http://${config.host}:${port}`);
  log.info(`dashboard: http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/__mock/ui`);
  for (const note of store.startupNotes) log.warn(`state repaired at start: ${note}`);
  const demo = config.merchants.find((m) => m.demo);
  if (demo) log.info(demoHint(demo.clientId, config, port));
  // Public, like DOKU's: the merchant's token endpoint verifies the sandbox's notification token requests with it (docs/doku.md §2.3).
  const dokuKey = (config.jwtPublicKey.export({ type: 'spki', format: 'pem' }) as string).trim();
  log.info(`DOKU's public key for your notification token endpoint (also GET /__mock/doku-public-key):\n${dokuKey}`);
  if (config.merchants.some((m) => m.notificationUrl && !m.tokenUrl)) log.warn(MADE_UP_TOKEN);

  let stopping = false;
  const stop = (signal: string) => {
    // Once: Ctrl-C reaches both `npm start` (which passes it on) and the server, so it may come twice.
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    server.close();
    server.closeIdleConnections();
    ready.outbox.stop();
    store.close().then(
      () => flushLog(log).then(() => process.exit(0)),
      (e) => {
        log.error({ err: e }, 'final write failed');
        void flushLog(log).then(() => process.exit(1));
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Listens, or stops the process with one line naming the port and how to choose another. */
function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      const where = `${config.host}:${config.port}`;
      const why =
        e.code === 'EADDRINUSE'
          ? 'the port is already in use (another doku-sandbox?)'
          : e.code === 'EACCES'
            ? 'permission denied'
            : e.message;
      const other = config.port + 1;
      console.error(
        `doku-sandbox: cannot listen on ${where}: ${why}. Choose another port: PORT=${other} npm start, or doku-sandbox --port ${other}.`,
      );
      process.exit(1);
    });
    server.listen(config.port, config.host, resolve);
  });
}

/** How to use the demo merchant, with paths that exist wherever the sandbox runs (clone, npm package, container). */
function demoHint(clientId: string, config: Config, port: number): string {
  const fromClone = existsSync(join(PROJECT_ROOT, 'server'));
  const example = fromClone
    ? port === 3000
      ? 'npm run example'
      : `DOKU_BASE_URL=http://127.0.0.1:${port} npm run example` // the example's default is port 3000
    : `DOKU_BASE_URL=http://127.0.0.1:${port} node ${join(PROJECT_ROOT, 'examples', 'kki-flow.mjs')}`;
  return [
    'No merchant configured: using the TEST-ONLY demo merchant.',
    `  client id:   ${clientId}`,
    `  secret key:  see ${join(FIXTURES_DIR, 'demo-merchant.json')} (never printed: secrets stay out of logs)`,
    `  private key: ${join(FIXTURES_DIR, 'keys', 'demo-merchant.TEST-ONLY.private.pem')}`,
    `  sandbox OTP: ${config.otpCodes[0]}`,
    `  try it:      ${example}`,
  ].join('\n');
}

void main();
