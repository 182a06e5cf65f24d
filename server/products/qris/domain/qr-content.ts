/**
 * The `qrContent` of a generated QRIS (docs/doku.md §15.2): an EMVCo Merchant-Presented Mode
 * payload, two-digit tag, two-digit length, value, as DOKU's QRs start (`00020101021226540012COM.DOKU.WWW`):
 * payload format 01, dynamic point of initiation (12), DOKU's merchant account template (26, its
 * PAN prefix 93600899), the national QRIS template (51), MCC, currency 360, the amount, ID, the
 * merchant's name and city, postal code, the bill number and terminal (62), and the CRC (63):
 * CRC-16/CCITT-FALSE over everything before it, `6304` included, four upper-case hex digits.
 */

/** One TLV field: the value's length is its character count (the sandbox writes ASCII only). */
export function tlv(tag: string, value: string): string {
  if (value.length > 99) throw new Error(`EMVCo field ${tag} is ${value.length} characters: at most 99`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The payload with its CRC field appended. */
export const withCrc = (payload: string): string => `${payload}6304${crc16(`${payload}6304`)}`;

/** EMVCo's ANS fields: printable ASCII only (accents dropped, dashes made `-`), cut to the field's maximum. */
const ans = (text: string, max: number) =>
  text
    .normalize('NFKD')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, max);

export interface QrFields {
  /** the merchant's DOKU id (`merchantId`), in DOKU's PAN after the prefix 93600899 */
  merchantId: string;
  terminalId: string;
  /** "10000.00" */
  amount: string;
  merchantName: string;
  merchantCity: string;
  postalCode: string;
  /** the bill number a payer's app shows: the partnerReferenceNo */
  billNumber: string;
  /** the QRIS national merchant id (NMID) */
  nmid: string;
  mcc: string;
}

/** Rupiah without decimals when there are no cents (as the QRIS samples write tag 54), else with them. */
export const emvAmount = (value: string): string => value.replace(/\.00$/, '');

export function qrContent(f: QrFields): string {
  const digits = f.merchantId.replace(/\D/g, '').slice(-10).padStart(10, '0');
  const doku = tlv('00', 'COM.DOKU.WWW') + tlv('01', `93600899${digits}`) + tlv('02', ans(f.merchantId, 15)) + tlv('03', 'UMI');
  const national = tlv('00', 'ID.CO.QRIS.WWW') + tlv('02', f.nmid) + tlv('03', 'UMI');
  const additional = tlv('01', ans(f.billNumber, 25)) + tlv('07', ans(f.terminalId, 16));
  return withCrc(
    tlv('00', '01') +
      tlv('01', '12') +
      tlv('26', doku) +
      tlv('51', national) +
      tlv('52', f.mcc) +
      tlv('53', '360') +
      tlv('54', emvAmount(f.amount)) +
      tlv('58', 'ID') +
      tlv('59', ans(f.merchantName, 25)) +
      tlv('60', ans(f.merchantCity, 15)) +
      tlv('61', ans(f.postalCode, 10)) +
      tlv('62', additional),
  );
}

/** One TLV level read back: tag → value, or undefined when it is not TLV all the way. */
export function readTlv(text: string): Map<string, string> | undefined {
  const fields = new Map<string, string>();
  for (let i = 0; i < text.length;) {
    const tag = text.slice(i, i + 2);
    const length = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(text.slice(i + 2, i + 4)) || i + 4 + length > text.length) return undefined;
    fields.set(tag, text.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return fields;
}

/** A QR string's fields, when it is an EMVCo payload whose CRC is right. */
export function decodeQr(text: string): Map<string, string> | undefined {
  if (!/6304[0-9A-F]{4}$/.test(text) || crc16(text.slice(0, -4)) !== text.slice(-4)) return undefined;
  const fields = readTlv(text);
  return fields?.get('00') === '01' ? fields : undefined;
}
