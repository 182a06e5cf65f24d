/**
 * `doku-sandbox coverage --url <sandbox> [--min <percent>] [--endpoint <name>] [--client-id <id>]`:
 * prints a running sandbox's coverage report (GET /__mock/coverage) as Markdown, and exits 1 when
 * the covered share (of all endpoints, or of the one named) is under --min, so a CI job can require
 * "every payment outcome exercised". `DOKU_ADMIN_TOKEN` in the environment is sent when set.
 */
import { parseArgs } from 'node:util';
import { coverageMarkdown, type CoverageReport } from './admin/coverage.js';

const USAGE = 'usage: doku-sandbox coverage --url http://127.0.0.1:3000 [--min 80] [--endpoint payment] [--client-id BRN-…]';

export async function coverageCommand(args: string[]): Promise<number> {
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
  const token = process.env.DOKU_ADMIN_TOKEN;
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
