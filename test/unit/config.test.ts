import { readFileSync } from 'node:fs';
import { settingsTableMarkdown } from '../../server/config/settings-table.js';
import { optionName, settingsOptionsTs } from '../../server/config/settings-options.js';
import { join } from 'node:path';
import { ConfigError, loadConfig, PROJECT_ROOT } from '../../server/config/load.js';
import { describeConfig } from '../../server/config/describe.js';
import { KNOWN_ENV_VARS } from '../../server/config/settings.js';
import { DEMO } from '../helpers/merchant.js';

describe('loadConfig', () => {
  test('with nothing set: port 3000, the demo merchant, lenient modes, a file store', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dbFile).toBe('data/doku-sandbox.json');
    expect(c.merchants).toHaveLength(1);
    expect(c.merchants[0]).toMatchObject({ clientId: DEMO.clientId, demo: true });
    expect([c.signatureMode, c.timestampMode, c.externalIdMode, c.channelMode, c.bindFieldsMode]).toEqual([
      'lenient',
      'lenient',
      'lenient',
      'lenient',
      'lenient',
    ]);
    expect(Object.isFrozen(c)).toBe(true);
  });

  test('DOKU_STRICT flips every mode; an explicit mode wins', () => {
    const c = loadConfig({ DOKU_STRICT: 'true', DOKU_CHANNEL_MODE: 'lenient' });
    expect([c.signatureMode, c.timestampMode, c.externalIdMode, c.bindFieldsMode]).toEqual(['strict', 'strict', 'strict', 'strict']);
    expect(c.channelMode).toBe('lenient');
  });

  test('the notification retry schedule: presets and seconds', () => {
    expect(loadConfig({}).notificationRetrySeconds).toEqual([10, 120, 240]);
    expect(loadConfig({ DOKU_NOTIFICATION_RETRY: 'doku' }).notificationRetrySeconds).toEqual([1800, 21600, 43200]);
    expect(loadConfig({ DOKU_NOTIFICATION_RETRY: '0.5, 2,2' }).notificationRetrySeconds).toEqual([0.5, 2, 2]);
    expect(loadConfig({ DOKU_NOTIFICATION_RETRY: 'none' }).notificationRetrySeconds).toEqual([]);
  });

  test('a configured merchant replaces the demo; the shared key is tried before the secret', () => {
    const c = loadConfig({
      DOKU_CLIENT_ID: 'BRN-1',
      DOKU_CLIENT_SECRET: 'secret-1',
      DOKU_PUBLIC_KEY_PEM: DEMO.publicKeyPath,
      DOKU_SHARED_KEY: 'shared-1',
    });
    expect(c.merchants).toEqual([expect.objectContaining({ clientId: 'BRN-1', demo: false, sharedKeys: ['shared-1', 'secret-1'] })]);
  });

  test.each([
    [{ PORT: 'eighty' }, /PORT: "eighty" is not a whole number/],
    [{ DOKU_NOTIFICATION_RETRY: '30,10' }, /DOKU_NOTIFICATION_RETRY: "30,10" must be doku, compressed, none, or rising seconds/],
    [{ DOKU_NOTIFICATION_RETRY: 'soon' }, /DOKU_NOTIFICATION_RETRY: "soon"/],
    [
      { DOKU_NOTIFICATION_URL: 'localhost:8080/notify' },
      /DOKU_NOTIFICATION_URL: "localhost:8080\/notify" is not an http:\/\/ or https:\/\/ URL/,
    ],
    [{ DOKU_MERCHANT_TOKEN_URL: 'ftp://x/token' }, /DOKU_MERCHANT_TOKEN_URL: .* is not an http/],
    [{ PORT: '70000' }, /PORT: must be 0\.\.65535/],
    [{ DOKU_STRICT: 'maybe' }, /DOKU_STRICT: "maybe" must be true or false/],
    [{ DOKU_SIGNATURE_MODE: 'loose' }, /DOKU_SIGNATURE_MODE: "loose" must be one of lenient, strict/],
    [{ DOKU_OTP: '12' }, /DOKU_OTP: each OTP must be 6 to 8 digits/],
    [{ DOKU_CLIENT_ID: 'BRN-1' }, /go together: set all three/],
    [
      { DOKU_CLIENT_ID: 'BRN-1', DOKU_CLIENT_SECRET: 's', DOKU_PUBLIC_KEY_PEM: '/nope.pem' },
      /DOKU_PUBLIC_KEY_PEM: cannot read "\/nope.pem"/,
    ],
    [
      { DOKU_CLIENT_ID: 'BRN-1', DOKU_CLIENT_SECRET: 's', DOKU_PUBLIC_KEY_PEM: join(PROJECT_ROOT, 'package.json') },
      /is not an RSA public key in PEM format/,
    ],
  ])('%j is refused with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  test('every problem is listed at once', () => {
    try {
      loadConfig({ PORT: 'x', DOKU_STRICT: 'y' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(2);
    }
  });

  test('the printed configuration masks secrets', () => {
    const printed = describeConfig(
      loadConfig({
        DOKU_CLIENT_ID: 'BRN-1',
        DOKU_CLIENT_SECRET: 'super-secret-value',
        DOKU_PUBLIC_KEY_PEM: DEMO.publicKeyPath,
        DOKU_SHARED_KEY: 'shared-secret-value',
      }),
    );
    expect(printed.DOKU_CLIENT_ID).toBe('BRN-1');
    expect(JSON.stringify(printed)).not.toContain('super-secret-value');
    expect(JSON.stringify(printed)).not.toContain('shared-secret-value');
    expect(printed.DOKU_CLIENT_SECRET).toBe('supe****ue');
  });

  test('docs/settings.md documents every setting the code reads', () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs/settings.md'), 'utf8');
    const missing = KNOWN_ENV_VARS.filter((name) => !doc.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  test("docs/settings.md's table is exactly what npm run docs:settings writes (nothing stale, nothing mangled)", () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs/settings.md'), 'utf8');
    expect(doc.match(/<!-- settings:begin[\s\S]*?<!-- settings:end -->/)?.[0]).toBe(settingsTableMarkdown());
    expect(doc.match(/^# Settings$/gm)).toHaveLength(1);
  });

  test("startSandbox's typed options are exactly what npm run docs:settings writes, one per setting, names unique", () => {
    expect(readFileSync(join(PROJECT_ROOT, 'server/embed/settings.generated.ts'), 'utf8')).toBe(settingsOptionsTs());
    const names = KNOWN_ENV_VARS.map(optionName);
    expect(new Set(names).size).toBe(KNOWN_ENV_VARS.length);
    expect([optionName('PORT'), optionName('DOKU_VA_NOTIFICATION_URL'), optionName('DOKU_B2B2C_TTL_SECONDS')]).toEqual([
      'port',
      'vaNotificationUrl',
      'b2b2cTtlSeconds',
    ]);
  });

  test("DOKU_PORT and DOKU_HOST are read before PORT and HOST (a CI job's own PORT reaches its services too), and say so", () => {
    const c = loadConfig({ PORT: '8080', DOKU_PORT: '3000', HOST: '127.0.0.1', DOKU_HOST: '0.0.0.0' });
    expect([c.port, c.host]).toEqual([3000, '0.0.0.0']);
    expect(c.notices).toEqual([
      'PORT=8080 is ignored: DOKU_PORT=3000 is read first',
      'HOST=127.0.0.1 is ignored: DOKU_HOST=0.0.0.0 is read first',
    ]);
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
    expect(loadConfig({ PORT: '3000', DOKU_PORT: '3000' }).notices).toEqual([]);
    expect(() => loadConfig({ PORT: '1', DOKU_PORT: 'eighty' })).toThrow('DOKU_PORT: "eighty" is not a whole number >= 0');
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT: "eighty" is not a whole number >= 0');
  });

  test('a key setting may be the PEM text itself; a wrong one is named without echoing it', () => {
    const pem = readFileSync(DEMO.publicKeyPath, 'utf8');
    const c = loadConfig({ DOKU_CLIENT_ID: 'BRN-PEM', DOKU_CLIENT_SECRET: 'SK-pem', DOKU_PUBLIC_KEY_PEM: pem });
    expect(c.merchants[0]).toMatchObject({ clientId: 'BRN-PEM', demo: false });
    const bad = () => loadConfig({ DOKU_SANDBOX_PRIVATE_KEY_PEM: '-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----' });
    expect(bad).toThrow('DOKU_SANDBOX_PRIVATE_KEY_PEM: the PEM text is not an RSA private key in PEM format');
    expect(bad).not.toThrow(/c2VjcmV0/);
  });
});
