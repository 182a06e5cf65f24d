/** The effective configuration as printed at start-up, secrets masked. */
import { SETTINGS, type SettingSpec } from './settings.js';
import type { Config } from './load.js';

export function mask(value: string): string {
  if (value === '') return '';
  return value.length <= 8 ? '****' : `${value.slice(0, 4)}****${value.slice(-2)}`;
}

export function describeConfig(config: Config): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of SETTINGS as readonly SettingSpec[]) {
    const value = config.raw[spec.env as keyof Config['raw']];
    out[spec.env] = spec.secret ? mask(value) : value;
  }
  return out;
}
