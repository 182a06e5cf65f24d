/**
 * `doku-sandbox coverage --url <sandbox> [--min <percent>] [--endpoint <name>] [--client-id <id>]`:
 * prints a running sandbox's coverage report (GET /__mock/coverage) as Markdown, and exits 1 when
 * the covered share (of all endpoints, or of the one named) is under --min, so a CI job can require
 * "every payment outcome exercised". `DOKU_ADMIN_TOKEN` in the environment is sent when set.
 */
import { parseArgs } from 'node:util';
import { coverageMarkdown, type CoverageReport } from './admin/coverage.js';

const USAGE = 'usage: doku-sandbox coverage --url http://127.0.0.1:3000 [--min 80] [--endpoint payment] [--client-id BRN-…]';
const HELP = `${USAGE}

Prints the sandbox's coverage report (GET /__mock/coverage) as Markdown: which response codes DOKU
documents for each endpoint your tests have made the sandbox answer. Exits 1 when the covered share
(of every endpoint, or of --endpoint) is under --min percent, 2 on a usage or connection error.
  --url        the sandbox's base URL
  --min        the share required, 0-100 (default 0)
  --endpoint   one endpoint's share (payment, refund, …)
  --client-id  one merchant's share
DOKU_ADMIN_TOKEN, when set in the environment, is sent as the admin token;
DOKU_MERCHANT_CLIENT_SECRET, with --client-id, as that merchant's credential (DOKU_MERCHANT_ISOLATION).
`;

export async function coverageCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: { url: { type: 'string' }, min: { type: 'string' }, endpoint: { type: 'string' }, 'client-id': { type: 'string' } },
      strict: true,
    }).values as Record<string, string | undefined>;
  } catch (e) {
    process.stderr.write(`doku-sandbox coverage: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const min = values.min === undefined ? 0 : Number(values.min);
  if (!values.url || !Number.isFinite(min) || min < 0 || min > 100) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const url = new URL('/__mock/coverage', values.url);
  if (values['client-id']) url.searchParams.set('clientId', values['client-id']);
  const token = process.env.DOKU_ADMIN_TOKEN || (values['client-id'] ? process.env.DOKU_MERCHANT_CLIENT_SECRET : undefined);
  let report: CoverageReport;
  try {
    const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    report = (await res.json()) as CoverageReport;
  } catch (e) {
    process.stderr.write(`doku-sandbox coverage: cannot read ${url}: ${(e as Error).message}\n`);
    return 2;
  }
  const scope = values.endpoint ? report.endpoints.find((e) => e.name === values.endpoint) : undefined;
  if (values.endpoint && !scope) {
    process.stderr.write(
      `doku-sandbox coverage: no endpoint "${values.endpoint}"; known: ${report.endpoints.map((e) => e.name).join(', ')}\n`,
    );
    return 2;
  }
  process.stdout.write(coverageMarkdown(report));
  const percent = scope ? Math.round((1000 * scope.covered) / scope.documented) / 10 : report.percent;
  if (percent >= min) return 0;
  process.stderr.write(`doku-sandbox coverage: ${scope ? scope.name : 'all endpoints'} ${percent} % covered, under --min ${min} %\n`);
  return 1;
}
