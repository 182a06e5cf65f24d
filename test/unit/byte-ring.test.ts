/** The request journal's ring (server/admin/byte-ring.ts): newest texts kept, oldest dropped, bounded by count and bytes. */
import { ByteRing } from '../../server/admin/byte-ring.js';

const filled = (ring: ByteRing, texts: string[]) => (texts.forEach((t) => ring.push(t)), ring.texts());

describe('ByteRing', () => {
  test('keeps the last maxEntries texts, oldest first', () => {
    expect(filled(new ByteRing(1000, 3), ['a', 'b', 'c', 'd', 'e'])).toEqual(['c', 'd', 'e']);
  });

  test('drops the oldest texts the next one needs the bytes of, across the wrap, and never returns a text it overwrote', () => {
    const ring = new ByteRing(10, 100);
    expect(filled(ring, ['aaaa', 'bbbb'])).toEqual(['aaaa', 'bbbb']); // 8 of 10 bytes
    expect(filled(ring, ['ccc'])).toEqual(['bbbb', 'ccc']); // wrapped to 0, over 'aaaa'
    expect(filled(ring, ['d'])).toEqual(['bbbb', 'ccc', 'd']); // 3..4, in the gap 'aaaa' left
    expect(filled(ring, ['eeeeee'])).toEqual(['ccc', 'd', 'eeeeee']); // 4..10: over 'bbbb' only
    expect(filled(ring, ['ffffffffff'])).toEqual(['ffffffffff']); // the whole ring
  });

  test('a long run of mixed sizes always yields the newest texts intact, within both bounds', () => {
    const ring = new ByteRing(300, 20);
    const all: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const text = `${i}:${'x'.repeat((i * 37) % 90)}`;
      ring.push(text);
      all.push(text);
      const kept = ring.texts();
      expect(kept).toEqual(all.slice(-kept.length)); // a suffix of what was pushed, in order
      expect(kept.length).toBeLessThanOrEqual(20);
      expect(kept.reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(300);
      expect(kept.length).toBeGreaterThan(0);
    }
  });

  test('counts UTF-8 bytes, not characters', () => {
    const ring = new ByteRing(8, 10);
    expect(filled(ring, ['ééé', 'üü'])).toEqual(['üü']); // 6 + 4 bytes do not fit in 8 (6 + 2 characters would)
    expect(new ByteRing(8, 10).push('éééé')).toBe(true);
    expect(new ByteRing(8, 10).push('ééééé')).toBe(false);
  });

  test('a text larger than the ring is refused and keeps what was there; size 0 keeps nothing; clear empties', () => {
    const ring = new ByteRing(5, 10);
    ring.push('abc');
    expect(ring.push('123456')).toBe(false);
    expect(ring.texts()).toEqual(['abc']);
    ring.clear();
    expect(ring.texts()).toEqual([]);
    expect(filled(ring, ['x'])).toEqual(['x']);
    const off = new ByteRing(1000, 0);
    expect(off.push('a')).toBe(false);
    expect(off.texts()).toEqual([]);
  });
});
