/**
 * startSandbox(options): the sandbox inside a test process (issue #28), the CLI's other composition
 * root (main.ts is the first). Defaults for a test: a free port on 127.0.0.1, state in memory, no
 * log. The settings are the CLI's as typed options (settings.generated.ts); process.env is never
 * read, so a CI job's own PORT or HOST cannot move it. Every sandbox is its own (boot.ts): several in
 * one process share nothing. The helpers are the admin API's calls (admin-client.ts, README "Admin API").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boot } from '../boot.js';
import { ConfigError, FIXTURES_DIR, loadConfig, type Merchant } from '../config/load.js';
import { publicKeyPem } from '../config/keys.js';
import type { MerchantInput } from '../config/merchant-input.js';
import { OPTION_SETTINGS, settingValue } from '../config/settings-options.js';
import { createLogger } from '../logger.js';
import { productCatalogue } from '../products/index.js';
import { loadScenarios } from '../scenario/load.js';
import { AdminClient } from './admin-client.js';
import { sandboxHandle, type Sandbox, type SandboxMerchant } from './handle.js';
import type { SandboxSettings } from './settings.generated.js';

export interface SandboxOptions extends SandboxSettings {
  /** More merchants, as `POST /__mock/merchants` takes them; the first is `sandbox.merchant`. */
  merchants?: readonly MerchantInput[];
  /**
   * Keep the process alive while the sandbox runs, as a server does. Default false: a sandbox
   * never holds a test runner open, even when its close() was forgotten.
   */
  keepAlive?: boolean;
}

/** What a test wants unless it says otherwise (the CLI's defaults are a server's: port 3000, a state file, info logs). */
const EMBEDDED: SandboxSettings = { port: 0, host: '127.0.0.1', dbFile: ':memory:', logLevel: 'silent' };

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { merchants: given = [], keepAlive = false, ...settings } = options;
  const env: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries({ ...EMBEDDED, ...settings })) {
    const spec = OPTION_SETTINGS.get(name);
    if (!spec) problems.push(`${name}: not an option of startSandbox (docs/settings.md lists them by their environment names)`);
    else if (value !== undefined) {
      const checked = settingValue(spec, value);
      if (checked.ok) env[spec.env] = checked.value;
      else problems.push(checked.problem);
    }
  }
  if (!Array.isArray(given)) problems.push('merchants: must be an array of merchants');
  if (problems.length > 0) throw new ConfigError(problems);
  const config = loadConfig(env, { merchants: given });
  const catalogue = productCatalogue();
  const scenarios = loadScenarios(config.scenariosDir, config, catalogue);
  const booted = await boot(config, scenarios, catalogue, createLogger(config.logLevel));
  if (!keepAlive) {
    // A test runner exits when its tests are done even if a close() was forgotten (jest would wait
    // for ever: "did not exit one second after the test run"); the tests' own requests keep it alive.
    booted.server.unref();
    booted.server.on('connection', (socket) => socket.unref());
  }
  // where a client reaches it: an "every interface" address is reached on loopback
  const host = { '0.0.0.0': '127.0.0.1', '::': '::1' }[config.host] ?? config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${booted.port}`;
  const admin = new AdminClient(url, config.adminToken);
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= admin.close().then(() => booted.stop({ force: true })));
  const first = config.merchants.find((m) => !m.demo) ?? config.merchants[0]!;
  return sandboxHandle({
    url,
    port: booted.port,
    merchant: merchantView(first),
    merchants: config.merchants.map(merchantView),
    dokuPublicKeyPem: publicKeyPem(config.jwtPublicKey),
    admin,
    close,
  });
}

/** A merchant with its keys as PEM text: the demo's TEST-ONLY private key too, so DOKU's SDKs can sign at once. */
function merchantView(m: Merchant): SandboxMerchant {
  const demoPrivate = () => readFileSync(join(FIXTURES_DIR, 'keys', 'demo-merchant.TEST-ONLY.private.pem'), 'utf8');
  const sharedKey = m.sharedKeys[0] !== m.clientSecret ? m.sharedKeys[0] : undefined; // config/merchant-input.ts: its own first
  return {
    clientId: m.clientId,
    clientSecret: m.clientSecret,
    publicKeyPem: publicKeyPem(m.publicKey),
    ...(m.demo ? { privateKeyPem: demoPrivate() } : {}),
    ...(sharedKey ? { sharedKey } : {}),
    demo: m.demo,
  };
}
