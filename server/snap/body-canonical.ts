/**
 * The bodies a client may have hashed, given the raw bytes it sent (docs/doku.md §2.2 "Mock behaviour",
 * docs/sdks.md). Node signs what it sends; Go signs raw bytes that re-serialising
 * would change (`\u003c`); PHP, Java and Python sign a compact re-serialisation that differs from
 * what they send. Whitespace inside strings is never touched.
 */

export type CandidateName = 'reserialised' | 'raw' | 'whitespace-stripped' | 'ascii-escaped';

export interface BodyCandidate {
  name: CandidateName;
  text: string;
}

/** Candidate A only: what strict mode accepts (docs/doku.md §2.2 step 6). */
export function reserialise(raw: string, parsed: unknown): string {
  return raw.length === 0 ? '' : JSON.stringify(parsed);
}

/**
 * All distinct candidates, most likely first, computed only as far as they are consumed (the first
 * one matches for Node, PHP, Java and Python). `compact` is `reserialise(raw, parsed)`.
 */
export function* bodyCandidates(raw: string, compact: string): Generator<BodyCandidate> {
  const seen = new Set<string>();
  const makers: Array<[CandidateName, () => string]> = [
    ['reserialised', () => compact],
    ['raw', () => raw],
    ['whitespace-stripped', () => stripInsignificantWhitespace(raw)],
    ['ascii-escaped', () => asciiEscape(compact)],
  ];
  for (const [name, make] of makers) {
    const text = make();
    if (seen.has(text)) continue;
    seen.add(text);
    yield { name, text };
  }
}

/** Removes JSON whitespace outside string literals. */
export function stripInsignificantWhitespace(raw: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += raw[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch !== ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t') {
      out += ch;
    }
  }
  return out;
}

/** Python's `json.dumps(..., separators=(',',':'))` escapes every non-ASCII char as `\uxxxx`. */
export function asciiEscape(compact: string): string {
  return compact.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
