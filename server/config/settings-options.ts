/**
 * The settings as typed options (startSandbox's, server/embed/): each setting's name in camelCase
 * (`PORT` → `port`, `DOKU_VA_MODE` → `vaMode`), its type from its kind, and back to the string
 * loadConfig reads. server/embed/settings.generated.ts is written from here (npm run docs:settings;
 * a test compares), so an editor shows each option's meaning and default.
 */
import { SETTINGS, type SettingSpec } from './settings.js';

/** `DOKU_VA_NOTIFICATION_URL` → `vaNotificationUrl`. */
export const optionName = (env: string): string =>
  env
    .replace(/^DOKU_/, '')
    .toLowerCase()
    .replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Every option name and the setting it stands for. */
export const OPTION_SETTINGS: ReadonlyMap<string, SettingSpec> = new Map(
  (SETTINGS as readonly SettingSpec[]).map((spec) => [optionName(spec.env), spec]),
);

/** An option's value as the setting's string (loadConfig then checks it as any), or why it cannot be one. */
export function settingValue(spec: SettingSpec, value: unknown): { ok: true; value: string } | { ok: false; problem: string } {
  const fits =
    spec.kind === 'int'
      ? typeof value === 'number' && Number.isInteger(value) && value >= 0
      : spec.kind === 'bool'
        ? typeof value === 'boolean'
        : typeof value === 'string' || (spec.kind === 'list' && Array.isArray(value) && value.every((v) => typeof v === 'string'));
  if (!fits) return { ok: false, problem: `${optionName(spec.env)}: must be ${WANTED[spec.kind]}, not ${JSON.stringify(value)}` };
  return { ok: true, value: Array.isArray(value) ? value.join(',') : String(value) };
}

const WANTED = {
  int: 'a whole number >= 0',
  bool: 'true or false',
  list: 'a string or an array of strings',
  enum: 'a string',
  string: 'a string',
} as const;

const TYPES = { int: 'number', bool: 'boolean', list: 'string | readonly string[]', string: 'string' } as const;

/** The TypeScript of SandboxSettings: one documented optional member per setting. */
export function settingsOptionsTs(): string {
  const members = (SETTINGS as readonly SettingSpec[]).map((spec) => {
    const type = spec.kind === 'enum' ? spec.values!.map((v) => `'${v}'`).join(' | ') : TYPES[spec.kind];
    const doc = spec.doc.replaceAll('*/', '*\\/');
    const def = spec.default === '' ? 'empty' : `\`${spec.default}\``;
    return `  /** ${doc} Default ${def}; environment variable \`${spec.env}\`. */\n  ${optionName(spec.env)}?: ${type};`;
  });
  return [
    '// Generated from server/config/settings.ts by `npm run docs:settings`: do not edit (a test compares).',
    "/** Every setting of the sandbox as a typed option: the same settings as the CLI's environment variables (docs/settings.md). */",
    'export interface SandboxSettings {',
    ...members,
    '}',
    '',
  ].join('\n');
}
