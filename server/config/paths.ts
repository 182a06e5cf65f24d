/**
 * Where the project's files are: the nearest folder above this module that holds `fixtures/`, so it
 * is found from source (server/config) and tsc's output (dist/server/config) alike.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'fixtures', 'demo-merchant.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`doku-sandbox: no fixtures/ folder above ${start}`);
  }
}

export const PROJECT_ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));
export const FIXTURES_DIR = join(PROJECT_ROOT, 'fixtures');
