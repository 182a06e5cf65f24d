/**
 * An error of the sandbox itself (unknown scenario, bad admin request): answered with a body that
 * is deliberately not SNAP-shaped, `{ mockError, ... }`, so nobody mistakes it for DOKU's.
 */
export class MockError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly status = 400,
  ) {
    super(message);
  }
}
