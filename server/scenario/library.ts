/**
 * The shipped scenario library, as data: one scenario per documented response code of every
 * endpoint (each product's catalogue.ts), named `<prefix>-<what>`, two per endpoint whose answers
 * break parsers, each product's hand-designed ones (timing, pending payments, sticky refunds) and
 * two across every endpoint. `npm run scenarios` writes them to scenarios/*.json.
 */
import type { Catalogue } from '../catalogue.js';
import type { EndpointCatalogue } from '../product.js';
import { CASES, type CaseKey } from '../snap/response-codes.js';
import type { Scenario } from './types.js';

const SLUG: Partial<Record<CaseKey, string>> = {
  '202_00': 'in-progress',
  '400_00': 'bad-request',
  '400_01': 'invalid-field-format',
  '400_02': 'invalid-mandatory-field',
  '401_00': 'invalid-signature',
  '401_01': 'invalid-token',
  '401_02': 'invalid-customer-token',
  '401_03': 'token-not-found',
  '401_04': 'customer-token-not-found',
  '405_01': 'not-allowed-now',
  '409_00': 'conflict',
  '409_01': 'duplicate',
  '500_00': 'general-error',
  '504_00': 'timeout',
};

const slug = (entry: EndpointCatalogue, k: CaseKey) =>
  entry.slugs?.[k] ??
  SLUG[k] ??
  CASES[k]
    .replace(/\[(reason|info)\]|\{field\}/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const code = (k: CaseKey) => `${k.slice(0, 3)}xx${k.slice(4)}`;

function forced(endpoint: string, entry: EndpointCatalogue, k: CaseKey): Scenario {
  const what = slug(entry, k);
  return {
    name: what.startsWith(`${entry.prefix}-`) ? what : `${entry.prefix}-${what}`,
    description: `${endpoint} answers ${k.slice(0, 3)} "${CASES[k]}" (case ${k.slice(4)}); nothing changes in state.`,
    source: `${entry.docs}, §11.2`,
    apply: { [endpoint]: { responseCode: code(k), stage: 'business', delayMs: 0, drop: false, execute: false } },
  };
}

const rule = (r: Record<string, unknown> = {}) => ({ stage: 'business' as const, delayMs: 0, drop: false, execute: false, ...r });

/** Scenarios across every product's endpoints. */
const ACROSS = (catalogue: Catalogue): Scenario[] => [
  {
    name: 'all-general-error',
    description: 'Every DOKU endpoint answers 500 "General Error" after its security checks.',
    apply: Object.fromEntries(catalogue.endpoints.map((e) => [e.name, rule({ responseCode: '500xx00' })])),
  },
  {
    name: 'all-gateway-down',
    description: 'Every DOKU endpoint, tokens included, answers 504 "Timeout" before any check: a gateway outage.',
    apply: Object.fromEntries(catalogue.endpoints.map((e) => [e.name, rule({ responseCode: '504xx00', stage: 'auth' })])),
  },
];

/** Answers that break parsers, per endpoint (issue #25 item 8): DOKU says new fields may appear (docs/doku.md §10.4), and optional keys may be missing. */
const EXTRA_KEY = { newFieldFromDoku: 'DOKU may add fields: parse answers non-strictly' };

function parserScenarios(endpoint: string, entry: EndpointCatalogue): Scenario[] {
  const p = entry.parser;
  if (!p) return [];
  return [
    {
      name: `${entry.prefix}-extra-answer-key`,
      description: `${endpoint} works normally and its answer carries a key no SDK's DTO knows${p.extraWhy ? `: ${p.extraWhy}` : ' (Python refuses unknown top-level keys)'}.`,
      source: 'docs/doku.md §10.4 (new fields may appear), docs/sdks.md',
      apply: { [endpoint]: rule({ addKeys: p.extra ?? EXTRA_KEY }) },
    },
    ...(p.omit
      ? [
          {
            name: `${entry.prefix}-missing-answer-key`,
            description: `${endpoint} works normally and its answer has no "${p.omit}"${p.omitWhy ? `: ${p.omitWhy}` : ''}.`,
            source: 'docs/sdks.md',
            apply: { [endpoint]: rule({ omitKeys: [p.omit] }) },
          },
        ]
      : []),
  ];
}

export function scenarioLibrary(catalogue: Catalogue): Scenario[] {
  const designed = [...catalogue.products.flatMap((p) => p.scenarios ?? []), ...ACROSS(catalogue)];
  const special = new Set(designed.map((s) => s.name));
  const generated = catalogue.products
    .flatMap((p) => Object.entries(p.catalogue))
    .flatMap(([endpoint, entry]) => [...entry.cases.map((k) => forced(endpoint, entry, k)), ...parserScenarios(endpoint, entry)])
    .filter((s) => !special.has(s.name));
  return [...generated, ...designed].sort((a, b) => a.name.localeCompare(b.name));
}

/** The README's list of shipped scenarios, one line per endpoint. */
export function scenarioListMarkdown(unsorted: readonly Scenario[], catalogue: Catalogue): string {
  const list = [...unsorted].sort((a, b) => a.name.localeCompare(b.name));
  const lines = catalogue.endpoints.map((e) => {
    const names = list.filter((s) => Object.keys(s.apply).length === 1 && s.apply[e.name]).map((s) => `\`${s.name}\``);
    return `- **${e.name}**: ${names.join(', ')}`;
  });
  const multi = list.filter((s) => Object.keys(s.apply).length > 1).map((s) => `\`${s.name}\``);
  return [...lines, `- **several endpoints**: ${multi.join(', ')}`].join('\n');
}
