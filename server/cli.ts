#!/usr/bin/env node
/**
 * `doku-sandbox [--port N] [--host H] [--db FILE] [--scenarios DIR] [--seed S] [--version]`: flags override
 * the environment variables of the same settings, then the server starts as with `npm start`.
 */
import { parseArgs } from 'node:util';

const FLAGS = {
  // the prefixed names, read before PORT and HOST (config/load.ts PREFIXED): a flag wins over both
  port: { env: 'DOKU_PORT', help: 'TCP port (default 3000)' },
  host: { env: 'DOKU_HOST', help: 'interface to bind (default 127.0.0.1; 0.0.0.0 in Docker)' },
  db: { env: 'DOKU_DB_FILE', help: 'lowdb state file, or :memory: (default data/doku-sandbox.json)' },
  scenarios: { env: 'DOKU_SCENARIOS_DIR', help: 'scenario folder (default: the shipped scenarios/)' },
  seed: { env: 'DOKU_FAKER_SEED', help: 'seed for generated references, ids and balances' },
} as const;

const HELP = `doku-sandbox: a local emulator of DOKU's SNAP API (KKI card / direct debit)

Usage: doku-sandbox [options]
       doku-sandbox coverage --url <sandbox URL> [--min <percent>] [--endpoint <name>] [--client-id <id>]

${Object.entries(FLAGS)
  .map(([flag, f]) => `  --${flag.padEnd(10)} ${f.help.padEnd(66)} [${f.env}]`)
  .join('\n')}
  -v, --version  the version
  -h, --help     this text

Every other setting is an environment variable: see docs/settings.md.
With no merchant configured, the TEST-ONLY demo merchant of fixtures/ is used.
`;

if (process.argv[2] === 'coverage') {
  const { coverageCommand } = await import('./coverage-cli.js');
  process.exit(await coverageCommand(process.argv.slice(3)));
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((k) => [k, { type: 'string' as const }])),
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (e) {
  process.stderr.write(`doku-sandbox: ${(e as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (values.version) {
  const { PROJECT_ROOT } = await import('./config/paths.js');
  const { readFileSync } = await import('node:fs');
  process.stdout.write(
    `doku-sandbox ${(JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, 'utf8')) as { version: string }).version}\n`,
  );
  process.exit(0);
}
for (const [flag, f] of Object.entries(FLAGS)) {
  const v = values[flag];
  if (typeof v === 'string') process.env[f.env] = v;
}
await import('./main.js');
