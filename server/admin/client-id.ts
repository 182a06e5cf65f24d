/** The merchant an admin request names: `clientId` in its JSON body, else in its query; undefined when it names none. */
export function clientIdOf(req: { query: Record<string, unknown>; body?: unknown }): string | undefined {
  const v = (req.body as { clientId?: unknown } | undefined)?.clientId ?? req.query.clientId;
  return typeof v === 'string' && v !== '' ? v : undefined;
}
