/**
 * The CLI's composition root, the only file with process side effects: loadConfig(process.env) →
 * the scenarios → boot (boot.ts: listen, open the store, createApp) → the start messages; SIGTERM
 * and SIGINT stop accepting, flush pending writes and exit 0. `startSandbox` (embed/) is the other root.
 */
import { boot, BootError, type Booted } from './boot.js';
import { ConfigError, loadConfig, type Config } from './config/load.js';
import { demoHint, whereRunning } from './start-hint.js';
import { describeConfig } from './config/describe.js';
import { publicKeyPem } from './config/keys.js';
import { createLogger, flushLog } from './logger.js';
import { productCatalogue } from './products/index.js';
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
  let sandbox: Booted;
  try {
    sandbox = await boot(config, scenarios, catalogue, log);
  } catch (e) {
    if (!(e instanceof BootError)) throw e;
    // a port refused: how to choose another
    const hint =
      e.stage === 'listen' ? `. Choose another port: PORT=${config.port + 1} npm start, or doku-sandbox --port ${config.port + 1}.` : '';
    console.error(`doku-sandbox: ${e.message}${hint}`);
    process.exit(1);
  }
  const { port } = sandbox;
  const { store } = sandbox.deps;

  log.info({ settings: describeConfig(config) }, 'effective configuration');
  // the port actually bound (PORT=0 picks a free one), and the time since the process started
  log.info({ port, startupMs: Math.round(performance.now()) }, `doku-sandbox listening on http://${config.host}:${port}`);
  log.info(`dashboard: http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/__mock/ui`);
  for (const note of store.startupNotes) log.warn(`state repaired at start: ${note}`);
  for (const notice of config.notices) log.warn(notice);
  const demo = config.merchants.find((m) => m.demo);
  if (demo) log.info(demoHint(demo.clientId, config.otpCodes[0]!, port, whereRunning()));
  // Public, like DOKU's: the merchant's token endpoint verifies the sandbox's notification token requests with it (docs/doku.md §2.3).
  const dokuKey = publicKeyPem(config.jwtPublicKey).trim();
  log.info(`DOKU's public key for your notification token endpoint (also GET /__mock/doku-public-key):\n${dokuKey}`);
  if (config.merchants.some((m) => m.notificationUrl && !m.tokenUrl)) log.warn(MADE_UP_TOKEN);

  let stopping = false;
  const stop = (signal: string) => {
    // Once: Ctrl-C reaches both `npm start` (which passes it on) and the server, so it may come twice.
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    sandbox.stop().then(
      () => flushLog(log).then(() => process.exit(0)),
      (e) => {
        log.error({ err: e }, 'final write failed');
        void flushLog(log).then(() => process.exit(1));
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (process.env.npm_command === 'exec') stopWithParent(() => stop('npx stopped'));
}

/**
 * `npx doku-sandbox` runs the server under `sh -c`, and on SIGTERM npm signals that sh, which dies
 * without passing the signal on: the server, reparented, would keep the port (issue #28 §4.1).
 * Started by npx (npm sets npm_command=exec), it therefore stops when its parent is gone, as on
 * SIGTERM. Only then: a server started by hand (`nohup doku-sandbox &`) outlives its shell on purpose.
 */
function stopWithParent(stop: () => void): void {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 250).unref();
}

void main();
