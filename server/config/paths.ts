/** Where the project's files are, from source (server/config) or build (dist/server/config). */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..').replace(/[/\\]dist$/, '');
export const FIXTURES_DIR = join(PROJECT_ROOT, 'fixtures');
