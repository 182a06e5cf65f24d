/**
 * One emulated endpoint's request pipeline, in the order of docs/doku.md §1.8. Each line is one stage;
 * any stage may throw a SnapError, which error-handler.ts turns into the SNAP answer. Handlers only
 * change memory: the pipeline commits once, after the idempotency record is saved, so an answer is
 * sent only when the change it reports (and its stored replay) is on disk.
 *
 * Scenarios (step 12): a forced answer comes after the security checks (1–8), so a forced success
 * still needs a correctly signed request, unless the rule says `stage: "auth"`. `execute` rules run
 * the handler first and then delay, hang or drop the answer ("timed out, but it worked").
 */
import type { IncomingMessage } from 'node:http';
import type { Deps } from '../deps.js';
import type { EndpointDefinition } from '../endpoint.js';
import { H } from '../snap/headers.js';
import { hasMillis } from '../snap/timestamp.js';
import { SnapError } from '../snap/errors.js';
import { applyTiming, forcedAnswer, shapeAnswer } from '../scenario/effects.js';
import type { Chosen, ScenarioState } from '../scenario/select.js';
import { authenticate } from './authenticate.js';
import { checkHeaders, type HeaderGet } from './check-headers.js';
import { errorBody } from './error-handler.js';
import { admitRequest, type IdempotencyLedger } from './idempotency.js';
import { parseBody, type ParsedBody } from './parse-body.js';
import { protocolOf, type SnapRequest, type SnapResponse } from './snap-http.js';
import { successBody, sendSnap } from './reply.js';
import { validateBody } from './validate-body.js';
import { verifyCustomerToken } from './verify-customer-token.js';

export function runEndpoint<B>(
  def: EndpointDefinition<B>,
  deps: Deps,
  ledger: IdempotencyLedger,
  scenarios: ScenarioState,
): (req: SnapRequest, res: SnapResponse) => Promise<void> {
  const schema = def.schema(deps.config);
  const serviceCode = def.serviceCode(deps.config);
  const extraHeaders = def.extraHeaders ?? [];
  const warnedMillis = new Set<string | undefined>(); // once per merchant: a client's habit, not a line per request

  return async (req, res) => {
    const header: HeaderGet = (name) => headerValue(req, name);
    const claimed = header(H.partnerId) ?? header(H.clientKey); // who the request says it is: its clock and global scenario
    const now = deps.clock.now(claimed); // the merchant's clock (admin/clock.ts)
    const parsed = readBody(req.body); //                                                          1 (its error waits for step 12a)
    const chosen = mark(
      res,
      scenarios.resolve(header(H.mockScenario), def.name, () => stickyOf(parsed, header), claimed),
    ); // 12 (choice)
    if (chosen?.rule.stage === 'auth' && chosen.via !== 'sticky') return answerBeforeChecks(chosen, req); // 12a
    if (parsed instanceof SnapError) throw parsed; //                                              1
    checkHeaders(header, def.auth, extraHeaders, deps.config, now); //                              2-3
    if (hasMillis(header(H.timestamp)!) && !warnedMillis.has(claimed)) warnMillis(claimed); //      (lenient only)
    const caller = await authenticate(def as EndpointDefinition<unknown>, req, header, parsed, deps, now); // 4-7
    res.locals.clientId = caller.merchant.clientId; // the journal and coverage count the request as this merchant's
    const admission =
      def.auth === 'symmetric'
        ? await admitRequest(ledger, req, parsed.compact(), caller.merchant.clientId, header(H.externalId)!, now)
        : undefined; // 8
    if (admission?.kind === 'replay') return sendReplay(res, admission.record, deps);
    try {
      if (chosen && !chosen.rule.execute) {
        if (!(await applyTiming(chosen, req))) return admission?.abandon(); //                      12b (before the handler)
        if (chosen.rule.responseCode) throw forcedAnswer(chosen);
      }
      const wantsCustomer = def.customerToken === 'required' || (def.customerToken && header(H.authorizationCustomer));
      const customer = wantsCustomer ? await verifyCustomerToken(header, caller.merchant.clientId, deps, now) : undefined; // 9
      const body = validateBody(schema, parsed.json, deps.config.emptyFieldsMode === 'strict'); //  10
      const { merchant, b2b } = caller;
      const reply = await def.handle({ deps, body, header, merchant, b2b, customer, baseUrl: baseUrlOf(req, deps), now, scenario: chosen }); // 11
      const answer = shapeAnswer(successBody(reply.caseKey ?? '200_00', reply.serviceCode ?? serviceCode, reply.body), chosen); // 12 (shape)
      admission?.finish(Number(answer.responseCode.slice(0, 3)), answer);
      if (def.readOnly) deps.store.commit().catch((e) => deps.log.error({ err: e }, 'write-ahead log append failed'));
      else await deps.store.commit();
      if (chosen?.rule.execute && !(await applyTiming(chosen, req))) return; //                     12c (after: the change is made)
      sendSnap(res, answer, reply.headers);
    } catch (e) {
      if (admission) {
        if (e instanceof SnapError) admission.finish(e.httpStatus, errorBody(e, serviceCode));
        else admission.abandon();
      }
      await deps.store.commit(); // what a failing request did change (OTP attempts, a failed payment) is kept
      throw e;
    }
  };

  function warnMillis(clientId: string | undefined): void {
    warnedMillis.add(clientId);
    deps.log.warn(
      { endpoint: def.name, clientId },
      'X-TIMESTAMP has milliseconds: accepted here, but DOKU\'s sandbox reportedly answers "Invalid Field Format X-TIMESTAMP" (send yyyy-MM-ddTHH:mm:ss+07:00)',
    );
  }

  /** The body, or the error step 1 answers: a scenario that answers before every check comes first. */
  function readBody(raw: unknown): ParsedBody | SnapError {
    try {
      return parseBody(raw);
    } catch (e) {
      if (e instanceof SnapError) return e;
      throw e;
    }
  }

  /**
   * The scenario the named payment was created with. Read before authentication, with the partner
   * the request claims: it decides the answer only once authentication has confirmed that partner,
   * and never answers before the checks (12a).
   */
  function stickyOf(parsed: ParsedBody | SnapError, header: HeaderGet): string | undefined {
    const partner = header(H.partnerId);
    return parsed instanceof SnapError || !partner || !def.sticky ? undefined : def.sticky(parsed.json, partner, deps.store);
  }
}

/** 12a: a scenario that answers before any check (a gateway outage): its timing, then its answer. */
async function answerBeforeChecks(chosen: Chosen, req: SnapRequest): Promise<void> {
  if (await applyTiming(chosen, req)) throw forcedAnswer(chosen);
}

function mark(res: SnapResponse, chosen: Chosen | undefined): Chosen | undefined {
  if (chosen) res.setHeader(H.mockScenario, chosen.scenario.name);
  return chosen;
}

/**
 * The stored answer again. DOKU returns the same body with HTTP 409 ([D-IDEM], docs/doku.md §12, docs/settings.md #9):
 * the one place where the HTTP status may differ from the responseCode's first digits.
 */
function sendReplay(res: SnapResponse, record: { status: number; body: Record<string, unknown> }, deps: Deps): void {
  const status = deps.config.replayStatus === 'original' ? record.status : 409;
  sendSnap(res, record.body as { responseCode: string }, { [H.mockReplay]: 'true' }, status);
}

/** Header lookup; an empty or whitespace-only value counts as absent. */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  const s = Array.isArray(v) ? v.join(', ') : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

function baseUrlOf(req: SnapRequest, deps: Deps): string {
  return deps.config.publicUrl || `${protocolOf(req)}://${req.headers.host ?? `localhost:${deps.config.port}`}`;
}
