/**
 * Reads and checks every scenarios/*.json at start-up: schema, file name = scenario name, unique
 * names, known endpoints, and a responseCode that exists in the catalogue with the endpoint's own
 * service code. The first problem stops the server with a message naming the file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import type { Config } from '../config/load.js';
import type { Catalogue } from '../catalogue.js';
import { CASES, type CaseKey } from '../snap/response-codes.js';
import { scenarioSchema, type Rule, type Scenario } from './types.js';

export class ScenarioError extends Error {}

export interface ScenarioSet {
  list: readonly Scenario[];
  get(name: string): Scenario | undefined;
}

export function loadScenarios(dir: string, config: Config, catalogue: Catalogue): ScenarioSet {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const byName = new Map<string, Scenario>();
  for (const file of files) {
    const scenario = parseFile(join(dir, file), config, catalogue);
    if (byName.has(scenario.name)) throw new ScenarioError(`${shown(join(dir, file))}: the name "${scenario.name}" is used twice`);
    byName.set(scenario.name, scenario);
  }
  const list = [...byName.values()];
  return { list, get: (name) => byName.get(name) };
}

/** A scenario file as a message names it: relative to where the sandbox was started when it is below it, else in full. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function parseFile(path: string, config: Config, catalogue: Catalogue): Scenario {
  const where = shown(path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ScenarioError(`${where}: not valid JSON (${(e as Error).message})`);
  }
  const result = scenarioSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ScenarioError(`${where}: ${issue.path.join('.') || '(file)'} ${issue.message}`);
  }
  const scenario = result.data;
  if (basename(path) !== `${scenario.name}.json`) throw new ScenarioError(`${where}: the file must be named ${scenario.name}.json`);
  for (const [endpoint, rule] of Object.entries(scenario.apply)) {
    const problem = checkRule(endpoint, rule, config, catalogue);
    if (problem) throw new ScenarioError(`${where}: apply.${endpoint}: ${problem}`);
  }
  return scenario;
}

export function checkRule(endpoint: string, rule: Rule, config: Config, catalogue: Catalogue): string | undefined {
  const def = catalogue.endpoint(endpoint);
  if (!def) return `unknown endpoint; known: ${catalogue.endpoints.map((e) => e.name).join(', ')}`;
  if (rule.pending && !def.pendable)
    return `pending applies to ${catalogue.endpoints
      .filter((e) => e.pendable)
      .map((e) => e.name)
      .join(', ')} only`;
  if (rule.pending && rule.responseCode) return 'pending answers 2025400 itself: drop responseCode';
  if (rule.stage === 'auth' && !rule.responseCode) return 'stage "auth" needs a responseCode to answer with';
  if (rule.execute && rule.responseCode) return 'execute runs the normal handler: drop responseCode';
  if (!rule.responseCode) return undefined;
  const code = rule.responseCode;
  const caseKey = `${code.slice(0, 3)}_${code.slice(5, 7)}`;
  if (!(caseKey in CASES)) return `${code}: HTTP ${code.slice(0, 3)} with case ${code.slice(5, 7)} is not in the SNAP catalogue`;
  if (caseKey === '200_00') return `${code}: to answer normally, leave responseCode out`;
  const service = code.slice(3, 5);
  const own = def.serviceCode(config);
  const accepted = [own, ...(def.otherServiceCodes ?? [])];
  if (service !== 'xx' && !accepted.includes(service)) return `${code}: service code ${service} is not ${endpoint}'s (${own})`;
  return undefined;
}

/** The case key of a rule's responseCode, e.g. `403_14`. */
export const caseOf = (code: string) => `${code.slice(0, 3)}_${code.slice(5, 7)}` as CaseKey;
