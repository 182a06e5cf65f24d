/** Wire header names, verbatim as DOKU spells them (docs/doku.md §1.2). Node lower-cases incoming names. */
export const H = {
  contentType: 'Content-Type',
  authorization: 'Authorization',
  authorizationCustomer: 'Authorization-Customer',
  timestamp: 'X-TIMESTAMP',
  signature: 'X-SIGNATURE',
  partnerId: 'X-PARTNER-ID',
  externalId: 'X-EXTERNAL-ID',
  clientKey: 'X-CLIENT-KEY',
  channelId: 'CHANNEL-ID',
  ipAddress: 'X-IP-ADDRESS',
  deviceId: 'X-DEVICE-ID',
  mockScenario: 'X-Mock-Scenario',
  mockReason: 'X-Mock-Reason',
  mockReplay: 'X-Mock-Replay',
  mockDebug: 'X-Mock-Debug',
  mockExplain: 'X-Mock-Explain',
} as const;

export type HeaderName = (typeof H)[keyof typeof H];
