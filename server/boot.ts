/**
 * boot(config, scenarios, catalogue, log): one sandbox wired and listening, for both composition
 * roots: main.ts (the CLI, one per process) and embed/start.ts (`startSandbox`, any number per
 * process). Everything it makes is its own (store, clock, ids, outbox, journal): two sandboxes in
 * one process share nothing. It never reads process.env and never exits the process: failures
 * are thrown as a BootError saying what could not be done.
 */
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp, type App } from './app.js';
import type { Catalogue } from './catalogue.js';
import { TravelClock } from './clock.js';
import type { Config } from './config/load.js';
import type { Deps } from './deps.js';
import { createIds } from './fake/ids.js';
import { createHttpServer } from './http-server.js';
import { MerchantRegistry } from './merchants.js';
import { Outbound } from './net/outbound.js';
import type { ScenarioSet } from './scenario/load.js';
import { Store } from './store/store.js';

export class BootError extends Error {
  constructor(
    readonly stage: 'listen' | 'state',
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface Booted {
  server: Server;
  /** the port bound (PORT=0 picks a free one) */
  port: number;
  deps: Deps;
  app: App;
  /** Stops accepting, ends the notifications' timer and writes pending state. `force`: drop open connections too. */
  stop(options?: { force?: boolean }): Promise<void>;
}

export async function boot(config: Config, scenarios: ScenarioSet, catalogue: Catalogue, log: Logger): Promise<Booted> {
  // The port first: a busy one is reported before the state file (perhaps the other sandbox's) is
  // opened. A request that arrives meanwhile waits for the app.
  let appReady!: (app: RequestListener) => void;
  const ready = new Promise<RequestListener>((resolve) => (appReady = resolve));
  let serve: RequestListener = (req, res) => void ready.then((app) => app(req, res));
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
    server.close();
    throw new BootError('state', `cannot read the state: ${(e as Error).message}`);
  }
  const { port } = server.address() as AddressInfo;
  const outbound = new Outbound(config.publicUrl, config.outboundHosts);
  outbound.listeningOn(port); // notifications never reach the sandbox itself
  const merchants = new MerchantRegistry(config.merchants, store);
  const deps: Deps = { config, store, merchants, clock: new TravelClock(), ids: createIds(config.fakerSeed), log, outbound, catalogue };
  const app = createApp(deps, scenarios);
  serve = app;
  appReady(app);

  let stopped: Promise<void> | undefined;
  const stop = ({ force = false } = {}) =>
    (stopped ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Without force an open connection (a dashboard's event stream) would hold the stop: only idle ones are ended.
      if (force) server.closeAllConnections();
      else server.closeIdleConnections();
      app.outbox.stop();
      await store.close();
      if (force) await closed;
    })());
  return { server, port, deps, app, stop };
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      const why =
        e.code === 'EADDRINUSE'
          ? 'the port is already in use (another doku-sandbox?)'
          : e.code === 'EACCES'
            ? 'permission denied'
            : e.message;
      reject(new BootError('listen', `cannot listen on ${config.host}:${config.port}: ${why}`, e.code));
    });
    server.listen(config.port, config.host, resolve);
  });
}
