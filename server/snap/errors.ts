import { type CaseKey, fillMessage } from './response-codes.js';

/**
 * The one error type of the sandbox. Thrown anywhere in the pipeline; the error handler
 * (pipeline/error-handler.ts) is the only place that turns it into HTTP, adding the endpoint's
 * own service code. `reason` is a sandbox-only hint sent in the `X-Mock-Reason` header so the
 * SNAP body stays verbatim.
 */
export class SnapError extends Error {
  readonly httpStatus: number;
  constructor(
    readonly caseKey: CaseKey,
    readonly responseMessage: string,
    readonly reason?: string,
    readonly extra?: Record<string, unknown>,
    /** sandbox-only diagnosis, sent as `X-Mock-Explain` when the client asked with `X-Mock-Debug: 1` */
    public explain?: unknown,
    /** which common signing mistakes reproduce a refused X-SIGNATURE (no secret in it): kept in the request journal */
    public diagnosis?: readonly string[],
  ) {
    super(responseMessage);
    this.httpStatus = Number(caseKey.slice(0, 3));
  }
}

const make = (caseKey: CaseKey, detail?: string, reason?: string) => new SnapError(caseKey, fillMessage(caseKey, detail), reason);

export const badRequest = (reason?: string) => make('400_00', undefined, reason);
export const invalidFieldFormat = (field: string, reason?: string) => make('400_01', field, reason);
export const invalidMandatoryField = (field: string, reason?: string) => make('400_02', field, reason);
export const unauthorized = (why: string, reason?: string) => make('401_00', why, reason);
export const invalidSignature = (reason?: string) => unauthorized('Invalid Signature', reason);
export const unknownClient = (reason?: string) => unauthorized('Unknown Client', reason);
export const invalidToken = (reason?: string) => make('401_01', undefined, reason);
export const invalidCustomerToken = (reason?: string) => make('401_02', undefined, reason);
export const tokenNotFound = (reason?: string) => make('401_03', undefined, reason);
export const customerTokenNotFound = (reason?: string) => make('401_04', undefined, reason);
export const snapError = (caseKey: CaseKey, reason?: string, detail?: string) => make(caseKey, detail, reason);
