/**
 * The QRIS payload (docs/doku.md §15.2): the CRC against published vectors, the spec's worked
 * string reproduced field for field, and a generated qrContent read back by an independent EMVCo
 * parser (promptparse) and, rendered as a QR image (qrcode), by a QR decoder (jsQR).
 */
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { parse } from 'promptparse';
import QRCode from 'qrcode';
import { crc16, qrContent } from '../../server/products/qris/domain/qr-content.js';

// jsQR is CommonJS typed as an ES default export: under nodenext the imported value is the function itself
const jsQR = jsqr as unknown as typeof jsqr.default;

test('CRC-16/CCITT-FALSE: the standard check value, and an EMVCo sample of another scheme', () => {
  expect(crc16('123456789')).toBe('29B1'); // the catalogue's check value for CRC-16/CCITT-FALSE
  const emvco =
    '00020101021252044131153137210116372101160123456789ABCDE6010Phnom Penh5913Merchant Shop5802KH540510.005303840622501081234567802090124444446304';
  expect(crc16(emvco)).toBe('A0BA');
});

test("the spec's worked QRIS string, field for field, starting as DOKU's QRs do", () => {
  const made = qrContent({
    merchantId: '47435',
    terminalId: 'A01',
    amount: '10000.00',
    merchantName: 'DOKU SANDBOX',
    merchantCity: 'JAKARTA',
    postalCode: '12190',
    billNumber: 'INV-0001',
    nmid: 'ID1020000000001',
    mcc: '5812',
  });
  expect(made).toBe(
    '00020101021226540012COM.DOKU.WWW01189360089900000474350205474350303UMI51440014ID.CO.QRIS.WWW0215ID10200000000010303UMI5204581253033605405100005802ID5912DOKU SANDBOX6007JAKARTA61051219062190108INV-00010703A0163046183',
  );
  expect(made.startsWith('00020101021226540012COM.DOKU.WWW')).toBe(true);
});

test('a generated payload is read back by an EMVCo parser and, as a QR image, by a QR decoder', async () => {
  const made = qrContent({
    merchantId: '2115',
    terminalId: 'k45',
    amount: '12500.50',
    merchantName: 'Warung Kopi Ñusantara – Jaya Abadi Sentosa',
    merchantCity: 'Yogyakarta',
    postalCode: '55281',
    billNumber: 'ORDER-2026-0001',
    nmid: 'ID1000000002115',
    mcc: '5812',
  });
  const emv = parse(made, true)!; // strict: the CRC is checked
  expect(emv).not.toBeNull();
  expect(emv.getTagValue('01')).toBe('12'); // dynamic
  expect(emv.getTagValue('26', '00')).toBe('COM.DOKU.WWW');
  expect(emv.getTagValue('51', '00')).toBe('ID.CO.QRIS.WWW');
  expect(emv.getTagValue('53')).toBe('360');
  expect(emv.getTagValue('54')).toBe('12500.50');
  expect(emv.getTagValue('59')).toBe('Warung Kopi Nusantara - J'); // ASCII, at most 25
  expect(emv.getTagValue('62', '01')).toBe('ORDER-2026-0001');
  expect(emv.getTagValue('62', '07')).toBe('k45');
  expect(emv.validate('63')).toBe(true);

  const png = PNG.sync.read(await QRCode.toBuffer(made, { errorCorrectionLevel: 'M', margin: 4, scale: 4 }));
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(read?.data).toBe(made);
});
