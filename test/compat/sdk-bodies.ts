/**
 * The request bodies of the card and account flow as each SDK builds them (docs/sdks.md): `filled` sets every optional field its DTO has; otherwise the merchant set only what
 * the SDK itself requires, and each optional field goes on the wire the SDK's way (`sdk.unset`:
 * omitted, `null`, `""`, `{}`). Values with `/ & = < >` and non-ASCII text make each SDK's
 * escaping differ from what it signs.
 */
import { OMIT, wire, type Sdk } from './sdk-profiles.js';

export const CARD_CHANNEL = 'DIRECT_DEBIT_BRI_SNAP';
export const WALLET_CHANNEL = 'EMONEY_OVO_SNAP';
export const CARD = { bankCardNo: '5221841234567890', bankCardType: 'C', expiryDate: '1228' };
const idr = (value: string) => ({ value, currency: 'IDR' });

export interface FlowRefs {
  authCode: string;
  bankCardToken: string;
  customerToken: string;
  paymentReferenceNo: string;
  paymentExternalId: string;
  accountToken: string;
}

export function bodies(sdk: Sdk, filled: boolean) {
  /** an optional field: its value when the merchant set it, else the SDK's unset form */
  const o = (value: unknown) => (filled ? value : sdk.unset(value));
  const origin = {
    product: 'SDK',
    source: sdk.sourceName,
    sourceVersion: '1.0.0',
    system: `doku-${sdk.name.toLowerCase()}-library`,
    apiFormat: 'SNAP',
  };
  const customer = {
    customerName: o('Budi Santoso'),
    email: o('budi@example.com'),
    idCard: o('3171234567890001'),
    country: o('ID'),
    address: o('Jl. Sudirman 1 – Jakarta'),
    dateOfBirth: o('19900101'),
  };
  return {
    b2b: () => sdk.b2bBody,
    b2b2c: (authCode: string) => ({ grantType: 'authorization_code', authCode, ...sdk.b2b2cExtra }),
    cardPlain: () =>
      sdk.cardPlain(filled ? { ...CARD, identificationNo: '3171234567890001', identificationType: '02', email: 'budi@example.com' } : CARD),
    cardBind: (cardData: string) =>
      wire({
        cardData,
        custIdMerchant: 'CUST001',
        phoneNo: '6281234567890',
        additionalInfo: {
          channel: CARD_CHANNEL,
          ...customer,
          successRegistrationUrl: 'https://merchant.example/bind/success?a=1&b=2',
          failedRegistrationUrl: 'https://merchant.example/bind/failed',
          origin,
        },
      }),
    payment: (partnerReferenceNo: string) =>
      wire({
        partnerReferenceNo,
        amount: idr('10000.00'),
        payOptionDetails: o([{ payMethod: 'CASH', transAmount: idr('10000.00'), feeAmount: idr('0.00') }]),
        chargeToken: o('CT-0001'),
        ...(sdk.name === 'Java' ? { feeType: o('OUR') } : {}),
        additionalInfo: {
          channel: CARD_CHANNEL,
          remarks: o('kopi & roti'),
          successPaymentUrl: 'https://merchant.example/paid?order=1&x=<y>',
          failedPaymentUrl: 'https://merchant.example/failed',
          lineItems: o([{ name: 'Kopi susu – gula aren', price: '10000.00', quantity: 1 }]),
          paymentType: o('RECURRING'), // SALE goes to the issuer's page (test/api/issuer-payment.test.ts)
          origin,
        },
      }),
    status: (partnerReferenceNo: string, refs: FlowRefs) =>
      wire({
        originalPartnerReferenceNo: partnerReferenceNo,
        originalReferenceNo: o(refs.paymentReferenceNo),
        originalExternalId: o(refs.paymentExternalId),
        serviceCode: '55',
        transactionDate: o('2026-05-26T10:00:00+07:00'),
        // Python calls amount.json() unconditionally: its merchants always pass one.
        amount: sdk.name === 'Python' ? idr('10000.00') : o(idr('10000.00')),
        merchantId: o('M-0001'),
        subMerchantId: o('S-01'),
        externalStoreId: o('STORE-01'),
        additionalInfo: { channel: CARD_CHANNEL, deviceId: o('device01'), origin },
      }),
    refund: (partnerReferenceNo: string, partnerRefundNo: string, refs: FlowRefs) =>
      wire({
        originalPartnerReferenceNo: partnerReferenceNo,
        originalReferenceNo: o(refs.paymentReferenceNo),
        // PHP types it as a non-nullable string and its README fills it with '' (docs/sdks.md).
        originalExternalId: sdk.name === 'PHP' && !filled ? '' : o(refs.paymentExternalId),
        refundAmount: idr('4000.00'),
        reason: o('pengembalian – salah pesan'),
        partnerRefundNo,
        additionalInfo: { channel: CARD_CHANNEL, origin },
      }),
    balance: (refs: FlowRefs) =>
      wire({
        partnerReferenceNo: o('BAL-0001'),
        bankCardToken: o(refs.bankCardToken),
        accountNo: o('1234567890'),
        balanceTypes: o(['CASH']),
        additionalInfo: { channel: CARD_CHANNEL, origin },
      }),
    cardUnbind: (tokenId: string) => wire({ tokenId, additionalInfo: { channel: CARD_CHANNEL, origin } }),
    accountBind: () =>
      wire({
        phoneNo: '62813941306101',
        additionalInfo: {
          channel: WALLET_CHANNEL,
          custIdMerchant: 'CUST002',
          ...customer,
          successRegistrationUrl: 'https://merchant.example/account/success',
          failedRegistrationUrl: 'https://merchant.example/account/failed',
          deviceModel: o('Pixel 8'),
          osType: o('android'),
          channelId: o('CH001'), // free text: Go's README sends CH001 (docs/sdks.md)
          origin,
        },
      }),
    /** X-DEVICE-ID on account binding: Go sends it empty when unset; Node and the rest leave it out */
    deviceId: () => (filled ? 'device01' : sdk.name === 'Go' ? '' : OMIT),
    accountUnbind: (tokenId: string) => wire({ tokenId, additionalInfo: { channel: WALLET_CHANNEL, origin } }),
  };
}
