/** The shipped scenario library: valid, complete against the spec's code tables, and in sync. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../server/config/load.js';
import { productCatalogue } from '../../server/products/index.js';
import { CASES } from '../../server/snap/response-codes.js';
import { loadScenarios, ScenarioError, caseOf } from '../../server/scenario/load.js';
import { scenarioLibrary, scenarioListMarkdown } from '../../server/scenario/library.js';

const config = loadConfig({});
const catalogue = productCatalogue();
const ENDPOINTS = catalogue.endpoints;
const DOCUMENTED_CASES = Object.fromEntries(ENDPOINTS.map((e) => [e.name, catalogue.entry(e.name)!.cases]));
const dir = join(PROJECT_ROOT, 'scenarios');

describe('shipped scenarios', () => {
  const set = loadScenarios(dir, config, catalogue);

  test("every file loads: valid schema, known endpoints, codes in the catalogue with the endpoint's service code", () => {
    expect(set.list.length).toBe(readdirSync(dir).filter((f) => f.endsWith('.json')).length);
    for (const s of set.list) {
      for (const [endpoint, rule] of Object.entries(s.apply)) {
        expect(ENDPOINTS.map((e) => e.name)).toContain(endpoint);
        if (rule.responseCode) expect(Object.keys(CASES)).toContain(caseOf(rule.responseCode));
      }
    }
  });

  test('every documented code of every endpoint can be forced by a scenario', () => {
    const missing: string[] = [];
    for (const [endpoint, cases] of Object.entries(DOCUMENTED_CASES)) {
      for (const k of cases) {
        const covered = set.list.some((s) => {
          const rule = s.apply[endpoint];
          return rule && ((rule.responseCode && caseOf(rule.responseCode) === k) || (k === '202_00' && rule.pending));
        });
        if (!covered) missing.push(`${endpoint} ${k}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(DOCUMENTED_CASES).sort()).toEqual(ENDPOINTS.map((e) => e.name).sort());
  });

  test('names a tester can guess exist', () => {
    for (const name of [
      'payment-insufficient-funds',
      'payment-in-progress',
      'refund-exceeds-amount',
      'card-bind-duplicate',
      'token-invalid-signature',
      'payment-hang',
      'payment-drop-connection',
    ]) {
      expect(set.get(name)).toBeDefined();
    }
  });

  test('the files are what `npm run scenarios` writes (no hand edits drifting from the library)', () => {
    const library = scenarioLibrary(catalogue);
    expect(set.list.map((s) => s.name).sort()).toEqual(library.map((s) => s.name).sort());
    for (const s of library) expect(set.get(s.name)).toEqual(s);
  });

  test('the README lists exactly the shipped scenarios', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const block = readme.match(/<!-- scenarios:begin[^\n]*\n([\s\S]*?)\n<!-- scenarios:end -->/)?.[1];
    expect(block).toBe(scenarioListMarkdown(set.list, catalogue));
  });
});

describe('a bad scenario file stops loading, naming the file and the problem', () => {
  const write = (files: Record<string, string>) => {
    const d = mkdtempSync(join(tmpdir(), 'scn-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    return d;
  };
  const ok = (name: string, apply: object) => JSON.stringify({ name, description: 'x', apply });

  test.each([
    ['not JSON', { 'bad-one.json': '{' }, /bad-one\.json: not valid JSON/],
    ['unknown endpoint', { 'bad-one.json': ok('bad-one', { paymnet: { responseCode: '5005400' } }) }, /apply\.paymnet: unknown endpoint/],
    [
      'a code not in the catalogue',
      { 'bad-one.json': ok('bad-one', { payment: { responseCode: '4035499' } }) },
      /not in the SNAP catalogue/,
    ],
    [
      "another endpoint's service code",
      { 'bad-one.json': ok('bad-one', { payment: { responseCode: '4030114' } }) },
      /service code 01 is not payment's \(54\)/,
    ],
    [
      'a file name that is not the scenario name',
      { 'other.json': ok('bad-one', { payment: { responseCode: '5005400' } }) },
      /must be named bad-one\.json/,
    ],
    [
      'an unknown key',
      { 'bad-one.json': JSON.stringify({ name: 'bad-one', description: 'x', apply: { payment: { responseCod: '5005400' } } }) },
      /bad-one\.json: apply\.payment/,
    ],
    ['pending on refund', { 'bad-one.json': ok('bad-one', { refund: { pending: {} } }) }, /pending applies to payment only/],
    ['no endpoint', { 'bad-one.json': ok('bad-one', {}) }, /at least one endpoint/],
  ])('%s', (_n, files, message) => {
    const d = write(files as Record<string, string>);
    expect(() => loadScenarios(d, config, catalogue)).toThrow(ScenarioError);
    expect(() => loadScenarios(d, config, catalogue)).toThrow(message);
  });

  test('a bad file in another folder is named by its own path, not "scenarios/…"', () => {
    const d = write({ 'bad-one.json': ok('bad-one', {}) });
    expect(() => loadScenarios(d, config, catalogue)).toThrow(`${join(d, 'bad-one.json')}: apply must name at least one endpoint`);
  });
});
