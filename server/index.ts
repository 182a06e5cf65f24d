/**
 * The package's programmatic API (`import { startSandbox } from 'doku-sandbox'`): the sandbox in a
 * test process, typed (README "In your test suite"). The CLI is `doku-sandbox` (cli.ts).
 */
export { startSandbox, type SandboxOptions } from './embed/start.js';
export type { Sandbox, SandboxMerchant, Scope } from './embed/handle.js';
export type { SandboxSettings } from './embed/settings.generated.js';
export { SandboxError } from './embed/admin-client.js';
export { ConfigError } from './config/load.js';
export type { MerchantInput } from './config/merchant-input.js';
export type { NotificationRecord, NotificationAttempt } from './store/types.js';
