/**
 * "Not given", as DOKU's SDKs put it on the wire (docs/sdks.md): Python and PHP write every
 * unset optional field as JSON `null`, Go writes `""` for an unset string and `{}` for an unset
 * struct, Java and Node leave the key out. In the default (lenient) reading all of these mean the
 * same thing: the field was not given. docs/sdks.md lists what each SDK sends.
 *
 * `null` and `""` are not given whatever the field's type. `{}` is not given only where an object
 * is expected (Go's unset struct); in a string field it stays what it is, a wrong type: that
 * decision needs the schema, so it is made in pipeline/validate-body.ts.
 */

/**
 * A copy of `value` without the object members that are `null` or `""`, at any depth. Objects
 * are kept even when nothing is left in them; array elements are kept in place (an index in an
 * error message must still point at what was sent), objects inside arrays are pruned like any
 * other. The input is never changed: the signature and the idempotency fingerprint are computed
 * over what was sent.
 */
export function withoutNullOrEmpty<T>(value: T): T {
  // Most clients (Node, Java) send no such member: then the body itself, nothing copied.
  if (!holdsNullOrEmpty(value)) return value;
  if (Array.isArray(value)) return value.map((item) => (isObject(item) ? withoutNullOrEmpty(item) : item)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (member !== null && member !== '') setMember(out, key, withoutNullOrEmpty(member));
  }
  return out as T;
}

/** Whether an object member somewhere in `value` is `null` or `""`. */
function holdsNullOrEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => isObject(item) && holdsNullOrEmpty(item));
  if (!isObject(value)) return false;
  for (const key in value) {
    const member = value[key];
    if (member === null || member === '' || holdsNullOrEmpty(member)) return true;
  }
  return false;
}

/** `out[key] = member`, where a member named `__proto__` stays a plain member, as JSON.parse made it. */
function setMember(out: Record<string, unknown>, key: string, member: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value: member, enumerable: true, writable: true, configurable: true });
  else out[key] = member;
}

/** A copy of `root` without the object member at `path` (an object path, no array indexes in it). */
export function withoutMember<T>(root: T, path: readonly PropertyKey[]): T {
  if (path.length === 0 || !isObject(root)) return root;
  const [key, ...rest] = path;
  const out: Record<string, unknown> = {};
  for (const [k, member] of Object.entries(root)) {
    if (k === key && rest.length === 0) continue;
    setMember(out, k, k === key ? withoutMember(member, rest) : member);
  }
  return out as T;
}

export function isEmptyObject(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length === 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
