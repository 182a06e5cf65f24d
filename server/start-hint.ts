/**
 * The start message's lines on the TEST-ONLY demo merchant, with paths that exist where the reader
 * is (issue #28 §2, §4.3): a clone (`npm run example`), an installed package (the script's path in
 * node_modules), or a container, whose paths exist only inside it (hence `docker exec`, `docker cp`).
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { FIXTURES_DIR, PROJECT_ROOT } from './config/paths.js';

export type Where = 'clone' | 'package' | 'container';

/**
 * By the files, not by a container's marks (/.dockerenv): a clone or a package is often inside a
 * container too (a dev container, a CI job's image). The image alone has neither the sources
 * (server/*.ts: the package and the image ship only the dashboard's files of server/) nor a
 * node_modules/ above it (Dockerfile: /app).
 */
export function whereRunning(root = PROJECT_ROOT): Where {
  if (existsSync(join(root, 'server', 'main.ts'))) return 'clone';
  return root.split(sep).includes('node_modules') ? 'package' : 'container';
}

export function demoHint(clientId: string, otp: string, port: number, where: Where): string {
  const file = (path: string) => (where === 'container' ? `${path} inside the container (docker cp <container>:${path} .)` : path);
  const script = join(PROJECT_ROOT, 'examples', 'kki-flow.mjs');
  const baseUrl = port === 3000 ? '' : `DOKU_BASE_URL=http://127.0.0.1:${port}`; // the example's default is port 3000
  const example = {
    container: `docker exec ${baseUrl ? `-e ${baseUrl} ` : ''}<container> node ${script}`,
    clone: `${baseUrl ? `${baseUrl} ` : ''}npm run example`,
    package: `${baseUrl || 'DOKU_BASE_URL=http://127.0.0.1:3000'} node ${script}`,
  }[where];
  return [
    'No merchant configured: using the TEST-ONLY demo merchant.',
    `  client id:   ${clientId}`,
    `  secret key:  see ${file(join(FIXTURES_DIR, 'demo-merchant.json'))} (never printed: secrets stay out of logs)`,
    `  private key: ${file(join(FIXTURES_DIR, 'keys', 'demo-merchant.TEST-ONLY.private.pem'))}`,
    `  sandbox OTP: ${otp}`,
    `  try it:      ${example}`,
  ].join('\n');
}
