/**
 * POST /direct-debit/core/v1/balance-inquiry — service 11 (docs/doku.md §10.1). The balance of the
 * customer token's binding: generated once (faker) when the binding became active, then moved by
 * payments and refunds. Only `accountInfos` is sent: Python rejects unknown keys (docs/sdks.md).
 */
import { z } from 'zod';
import { isActive, statusAt } from '../domain/binding-status.js';
import { idr } from '../../../snap/money.js';
import { H } from '../../../snap/headers.js';
import { SERVICE_CODES } from '../../../snap/response-codes.js';
import { snapError } from '../../../snap/errors.js';
import type { Config } from '../../../config/load.js';
import { channel, origin, str } from './fields.js';
import type { EndpointDefinition } from '../../../endpoint.js';

function schema(config: Config) {
  return z.object({
    partnerReferenceNo: str(64).optional(),
    bankCardToken: str(128).optional(),
    accountNo: str(64).optional(),
    balanceTypes: z.array(z.string().max(70)).optional(),
    additionalInfo: z.object({ channel: channel(config).optional(), origin }).optional(),
  });
}

type Body = z.infer<ReturnType<typeof schema>>;

export const balanceInquiry: EndpointDefinition<Body> = {
  name: 'balance-inquiry',
  path: '/direct-debit/core/v1/balance-inquiry',
  serviceCode: () => SERVICE_CODES.balanceInquiry,
  auth: 'symmetric',
  readOnly: true,
  extraHeaders: [H.ipAddress, H.authorizationCustomer],
  customerToken: 'required',
  schema,
  async handle({ customer, body, now }) {
    const b = customer!.binding;
    if (body.bankCardToken && body.bankCardToken !== b.bankCardToken)
      throw snapError('404_11', 'bankCardToken is not the card of this customer token');
    if (!isActive(b, now)) throw snapError('403_18', `the customer's binding is ${statusAt(b, now)}`);
    const balance = b.balance ?? '0.00';
    return {
      body: {
        accountInfos: [
          {
            balanceType: 'Cash',
            amount: idr(balance),
            floatAmount: idr('0.00'),
            holdAmount: idr('0.00'),
            availableBalance: idr(balance),
            ledgerBalance: idr(balance),
            currentMultilateralLimit: idr('0.00'),
            registrationStatusCode: '0001',
            status: '0001',
          },
        ],
      },
    };
  },
};
