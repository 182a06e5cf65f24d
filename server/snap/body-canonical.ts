/**
 * The bodies a client may have hashed, given the raw bytes it sent (spec §2.2 "Mock behaviour",
 * sdk-wire-notes §2 and §3.1). Node signs what it sends; Go signs raw bytes that re-serialising
 * would change (`\u003c`); PHP, Java and Python sign a compact re-serialisation that differs from
 * what they send. Whitespace inside strings is never touched.
 */

export type CandidateName = 'reserialised' | 'raw' | 'whitespace-stripped' | 'ascii-escaped';

export interface BodyCandidate {
  name: CandidateName;
  text: string;
}

/** Candidate A only: what strict mode accepts (§2.2 step 6). */
export function reserialise(raw: string, parsed: unknown): string {
  return raw.length === 0 ? '' : JSON.stringify(parsed);
}

/** All distinct candidates, most likely first. `parsed` is the body already parsed from `raw`. */
export function bodyCandidates(raw: string, parsed: unknown): BodyCandidate[] {
  const out: BodyCandidate[] = [];
  const add = (name: CandidateName, text: string) => {
    if (!out.some((c) => c.text === text)) out.push({ name, text });
  };
  const compact = reserialise(raw, parsed);
  add('reserialised', compact);
  add('raw', raw);
  add('whitespace-stripped', stripInsignificantWhitespace(raw));
  add('ascii-escaped', asciiEscape(compact));
  return out;
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
