/**
 * GET /__mock/coverage: which documented response codes a test suite has made the sandbox answer
 * since the start or the last reset, per endpoint, answered by state (the request itself led
 * there) or under a scenario (counted apart), and which scenarios were used. The catalogue is the
 * sandbox's own table of documented codes (each product's catalogue.ts, which the shipped scenarios are
 * generated from), so the report cannot drift from it. Counts live in memory only.
 */
import type { Config } from '../config/load.js';
import type { Catalogue } from '../catalogue.js';
import { responseCode } from '../snap/response-codes.js';

interface Count {
  byState: number;
  byScenario: number;
}

export interface CoverageReport {
  endpoints: Array<{
    name: string;
    codes: Array<{ responseCode: string } & Count>;
    /** answered codes this endpoint does not document (a setting such as DOKU_JUMPAPP_SUCCESS_CODE) */
    others: Array<{ responseCode: string } & Count>;
    scenarios: string[];
    covered: number;
    documented: number;
  }>;
  covered: number;
  documented: number;
  percent: number;
}

export class Coverage {
  /** clientId → endpoint → responseCode → counts; and clientId → endpoint → scenarios used */
  private readonly counts = new Map<string, Map<string, Map<string, Count>>>();
  private readonly scenarios = new Map<string, Map<string, Set<string>>>();

  record(clientId: string, endpoint: string, code: string, scenario: string | undefined): void {
    const byEndpoint = getOr(this.counts, clientId, () => new Map<string, Map<string, Count>>());
    const count = getOr(
      getOr(byEndpoint, endpoint, () => new Map<string, Count>()),
      code,
      () => ({ byState: 0, byScenario: 0 }),
    );
    if (scenario) {
      count.byScenario++;
      getOr(
        getOr(this.scenarios, clientId, () => new Map<string, Set<string>>()),
        endpoint,
        () => new Set<string>(),
      ).add(scenario);
    } else count.byState++;
  }

  /** Everything, or one merchant's counts. */
  clear(clientId?: string): void {
    if (clientId === undefined) {
      this.counts.clear();
      this.scenarios.clear();
    } else {
      this.counts.delete(clientId);
      this.scenarios.delete(clientId);
    }
  }

  report(config: Config, catalogue: Catalogue, clientId?: string): CoverageReport {
    const clients = clientId === undefined ? [...this.counts.keys()] : [clientId];
    const endpoints = catalogue.endpoints.map((def) => {
      const service = def.serviceCode(config);
      const documented = ['200_00' as const, ...catalogue.entry(def.name)!.cases].map((k) => responseCode(k, service));
      const answered = new Map<string, Count>();
      for (const c of clients)
        for (const [code, n] of this.counts.get(c)?.get(def.name) ?? []) {
          const sum = getOr(answered, code, () => ({ byState: 0, byScenario: 0 }));
          sum.byState += n.byState;
          sum.byScenario += n.byScenario;
        }
      const codes = documented.map((code) => ({ responseCode: code, ...(answered.get(code) ?? { byState: 0, byScenario: 0 }) }));
      const others = [...answered].filter(([code]) => !documented.includes(code)).map(([code, n]) => ({ responseCode: code, ...n }));
      const scenarios = [...new Set(clients.flatMap((c) => [...(this.scenarios.get(c)?.get(def.name) ?? [])]))].sort();
      const covered = codes.filter((c) => c.byState + c.byScenario > 0).length;
      return { name: def.name, codes, others, scenarios, covered, documented: codes.length };
    });
    const covered = endpoints.reduce((n, e) => n + e.covered, 0);
    const documented = endpoints.reduce((n, e) => n + e.documented, 0);
    return { endpoints, covered, documented, percent: Math.round((1000 * covered) / documented) / 10 };
  }
}

/** The report as a Markdown table, for a CI job's artifacts. */
export function coverageMarkdown(r: CoverageReport): string {
  const lines = [
    `Coverage of DOKU's documented response codes: **${r.covered} of ${r.documented} (${r.percent} %)**`,
    '',
    '| endpoint | covered | answered (by state / by scenario) | not yet answered | scenarios used |',
    '|---|---|---|---|---|',
  ];
  for (const e of r.endpoints) {
    const answered = e.codes.filter((c) => c.byState + c.byScenario > 0).map((c) => `${c.responseCode} (${c.byState}/${c.byScenario})`);
    const missing = e.codes.filter((c) => c.byState + c.byScenario === 0).map((c) => c.responseCode);
    lines.push(
      `| ${e.name} | ${e.covered}/${e.documented} | ${answered.join(', ') || '—'} | ${missing.join(', ') || '—'} | ${e.scenarios.join(', ') || '—'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}
