/**
 * Which card a payment debits (docs/doku.md §7.2, docs/sdks.md): the customer token's binding
 * (what every SDK does), a bankCardToken (with its customer token, docs/settings.md #28), or a CPAN alone
 * (`bankCardNo` or `additionalInfo.cpan`, the field name DOKU never rendered, docs/settings.md #12).
 */
import type { Merchant } from '../../../config/load.js';
import type { Deps } from '../../../deps.js';
import { H } from '../../../snap/headers.js';
import { invalidMandatoryField, snapError } from '../../../snap/errors.js';
import type { Binding } from '../../../store/types.js';
import { isActive, statusAt } from './binding-status.js';
import { instrumentFingerprint } from './instrument.js';

export interface PaymentSource {
  /** the binding whose balance moves; absent for a CPAN that is not bound here */
  binding?: Binding;
  /** what "the same card" means for the partnerReferenceNo rules */
  key: string;
}

export interface SourceFields {
  bankCardToken?: string;
  bankCardNo?: string;
  additionalInfo?: { cpan?: string };
}

/** What a payment request says about its card: its body fields and its verified customer token's binding. */
export interface SourceRequest {
  body: SourceFields;
  customer?: { binding: Binding };
  deps: Deps;
  merchant: Merchant;
  now: number;
}

export function resolvePaymentSource({ body, customer, deps, merchant, now }: SourceRequest): PaymentSource {
  if (customer) {
    const b = customer.binding;
    if (body.bankCardToken && body.bankCardToken !== b.bankCardToken)
      throw snapError('404_11', 'bankCardToken is not the card of this customer token');
    if (!isActive(b, now)) throw snapError('403_18', `the customer's binding is ${statusAt(b, now)}`);
    return { binding: b, key: b.referenceNo };
  }
  if (body.bankCardToken)
    throw invalidMandatoryField(H.authorizationCustomer, 'paying with a bankCardToken needs the customer token of its binding');
  const cpan = body.bankCardNo ?? body.additionalInfo?.cpan;
  if (cpan) {
    if (deps.config.cpanMode === 'strict')
      throw invalidMandatoryField(H.authorizationCustomer, 'DOKU_CPAN_MODE=strict: every payment needs a customer token');
    const fp = instrumentFingerprint(merchant.clientId, cpan);
    const bound = deps.store.bindings.withInstrument(fp).find((b) => b.clientId === merchant.clientId && isActive(b, now));
    return { binding: bound, key: bound ? bound.referenceNo : `cpan:${fp}` };
  }
  throw invalidMandatoryField('bankCardToken', 'send Authorization-Customer (a bound card), or a CPAN in bankCardNo');
}
