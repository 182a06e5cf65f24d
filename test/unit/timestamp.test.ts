import { formatJakarta, isValidTimestamp, jakartaDay } from '../../server/snap/timestamp.js';

describe('X-TIMESTAMP (docs/doku.md §1.3)', () => {
  test.each([
    '2024-05-01T10:00:00+07:00', // Node in Jakarta, PHP, Go
    '2024-05-01T03:00:00-00:00', // Node on a UTC host (docs/sdks.md)
    '2024-05-01T03:00:00Z', // Java, Python
    '2020-12-21T07:56:11.000Z', // DOKU's own examples
  ])('accepts %s', (ts) => expect(isValidTimestamp(ts)).toBe(true));

  test.each([
    '2024-05-01 10:00:00',
    '2024-05-01T10:00:00',
    '2024-05-01T10:00:00+0700',
    '2024-13-01T10:00:00Z',
    'yesterday',
    '2024-05-01T10:00:00+5.5:30',
  ])('rejects %s', (ts) => expect(isValidTimestamp(ts)).toBe(false));

  test('strict mode follows the binding page: offset only', () => {
    expect(isValidTimestamp('2024-05-01T10:00:00+07:00', true)).toBe(true);
    expect(isValidTimestamp('2024-05-01T03:00:00Z', true)).toBe(false);
  });

  test('formats and dates in Asia/Jakarta', () => {
    const t = Date.parse('2024-05-01T20:30:00Z');
    expect(formatJakarta(t)).toBe('2024-05-02T03:30:00+07:00');
    expect(jakartaDay(t)).toBe('2024-05-02');
  });
});
