/**
 * Step 10 of spec §1.8: body fields against the endpoint's schema. The first failing field is
 * named by its JSON path: missing/empty → `400xx02 Invalid Mandatory Field {path}`, anything
 * else → `400xx01 Invalid Field Format {path}`.
 */
import type { ZodType } from 'zod';
import { invalidFieldFormat, invalidMandatoryField } from '../snap/errors.js';

export function validateBody<B>(schema: ZodType<B>, json: unknown): B {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = formatPath(issue.path);
  const value = valueAt(json, issue.path);
  const missing = value === undefined || value === null || value === '';
  const field = path || 'body';
  if (missing) throw invalidMandatoryField(field, `${field} is required`);
  throw invalidFieldFormat(field, `${field}: ${issue.message}`);
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
