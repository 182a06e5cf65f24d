#!/usr/bin/env node
/**
 * Rewrites the settings table of docs/settings.md and startSandbox's typed options
 * (server/embed/settings.generated.ts) from server/config/settings.ts (via dist/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SETTINGS } from '../dist/server/config/settings.js';
import { settingsTableMarkdown } from '../dist/server/config/settings-table.js';
import { settingsOptionsTs } from '../dist/server/config/settings-options.js';

const file = new URL('../docs/settings.md', import.meta.url);
const doc = readFileSync(file, 'utf8');
// A function as the replacement: the table's own `$` characters must not be read as patterns.
writeFileSync(
  file,
  doc.replace(/<!-- settings:begin[\s\S]*?<!-- settings:end -->/, () => settingsTableMarkdown()),
);
console.log(`docs/settings.md: ${SETTINGS.length} settings`);
writeFileSync(new URL('../server/embed/settings.generated.ts', import.meta.url), settingsOptionsTs());
console.log('server/embed/settings.generated.ts: the same, as typed options');
