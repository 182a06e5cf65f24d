/**
 * Step 10 of docs/doku.md §1.8: body fields against the endpoint's schema. The first failing field is
 * named by its JSON path: missing → `400xx02 Invalid Mandatory Field {path}`, anything else →
 * `400xx01 Invalid Field Format {path}`.
 *
 * `null`, `""` and (where an object is expected) `{}` mean "not given" (snap/not-given.ts): in a
 * mandatory field they are a missing field (`400xx02`) in every mode. In an optional field they
 * are accepted (lenient, what DOKU's PHP, Python and Go SDKs need) or, with
 * DOKU_EMPTY_FIELDS_MODE=strict, refused as `400xx01`: the field is not mandatory, its value is.
 */
import type { ZodType } from 'zod';
import { invalidFieldFormat, invalidMandatoryField, type SnapError } from '../snap/errors.js';
import { isEmptyObject, withoutMember, withoutNullOrEmpty } from '../snap/not-given.js';

type Path = readonly PropertyKey[];

export function validateBody<B>(schema: ZodType<B>, json: unknown, strictEmpty = false): B {
  const { data, given } = readGiven(schema, json);
  if (!strictEmpty) return data;
  const exact = schema.safeParse(json);
  if (exact.success) return exact.data;
  // What was given passed, so what fails is a not-given value: name the outermost one.
  const path = exact.error.issues[0]!.path;
  const cut = path.findIndex((_, i) => valueAt(given, path.slice(0, i + 1)) === undefined);
  throw fieldError(path.slice(0, cut + 1 || path.length), false, 'null, "" or {} in an optional field (DOKU_EMPTY_FIELDS_MODE=strict)');
}

/**
 * The lenient reading. An empty object is not given when a member it lacks is what fails, unless
 * the object itself is mandatory: then the answer names that member (`additionalInfo.channel`).
 */
function readGiven<B>(schema: ZodType<B>, json: unknown): { data: B; given: unknown } {
  let given = withoutNullOrEmpty(json);
  let result = schema.safeParse(given);
  while (!result.success) {
    const { path, message } = result.error.issues[0]!;
    if (valueAt(given, path) !== undefined) throw fieldError(path, false, message);
    const empty = memberPrefixes(path).find((prefix) => isEmptyObject(valueAt(given, prefix)));
    if (!empty) throw fieldError(path, true, message);
    const without = withoutMember(given, empty);
    const retry = schema.safeParse(without);
    if (!retry.success && retry.error.issues.some((i) => samePath(i.path, empty))) throw fieldError(path, true, message);
    given = without;
    result = retry;
  }
  return { data: result.data, given };
}

function fieldError(path: Path, missing: boolean, message: string): SnapError {
  const field = formatPath(path) || 'body';
  return missing ? invalidMandatoryField(field, `${field} is required`) : invalidFieldFormat(field, `${field}: ${message}`);
}

function formatPath(path: Path): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** The proper prefixes of `path` made of object members only (no array index in them). */
function memberPrefixes(path: Path): Path[] {
  const end = path.findIndex((key) => typeof key !== 'string');
  return Array.from({ length: (end === -1 ? path.length : end + 1) - 1 }, (_, i) => path.slice(0, i + 1));
}

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((key, i) => key === b[i]);

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
