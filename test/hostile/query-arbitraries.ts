// Hostile query strings for the GET endpoints: known and unknown parameter names (inherited
// ones among them), each with a plausible or a hostile value, percent-encoded as a browser
// would or written raw (malformed sequences included), keys repeated, values empty.
import fc from "fast-check";

export type QueryPair = { name: string; value: string; raw: boolean };

const UNKNOWN_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype", "severty", "page", "offset", "", "a[b]", "from[]"];
const MALFORMED = ["%", "%E0%A4%A", "%ZZ", "%C0%AF", "%ED%A0%80", "%FF", "%F0%9F%98", "abc%2", "%%41", "%u0041"];

export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", ",", ",,,", "true", "false", "0", "-1", "1.5", "1e3", "0x10", "2147483648", "99999999999999999999", "NaN", "null", "undefined"),
  fc.constantFrom(
    "2026-13-01",
    "2026-01-00",
    "2026-02-30",
    "9999-12-31",
    "0000-01-01T00:00:00Z",
    "1969-12-31",
    "-002026-03-03",
    "2026-03-03T25:00:00Z",
    "2026-03-03T10:00:00",
    "2026-W10",
  ),
  fc.constantFrom(
    "a\u0000b",
    "\u0000",
    "\uFFFD",
    "x\uFFFDy",
    "\u200B\u200B",
    "\u202E",
    "<script>alert(1)</script>",
    "'; DROP TABLE incidents; --",
    "%",
    "../../etc/passwd",
  ),
  fc.constant("x".repeat(5_000)),
  fc.constant("a,".repeat(300)),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer().map(String),
);

/** Pairs drawn from `valid` (name → plausible values) and from hostile names and values. */
export function hostileQueries(valid: Record<string, string[]>): fc.Arbitrary<QueryPair[]> {
  const known = Object.keys(valid);
  const plausible = fc.constantFrom(...known).chain((name) => fc.constantFrom(...valid[name]!).map((value) => ({ name, value, raw: false })));
  const hostileName = fc.oneof(
    fc.constantFrom(...known),
    fc.constantFrom(...UNKNOWN_NAMES),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "binary", maxLength: 12 }),
  );
  const hostile = fc.record({ name: hostileName, value: hostileQueryValue, raw: fc.constant(false) });
  const malformed = fc.oneof(
    fc.record({ name: fc.constantFrom(...known, "q", "x"), value: fc.constantFrom(...MALFORMED), raw: fc.constant(true) }),
    fc.record({ name: fc.constantFrom(...MALFORMED), value: fc.constantFrom("1", ""), raw: fc.constant(true) }),
  );
  const pair = fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 4, arbitrary: hostile }, { weight: 1, arbitrary: malformed });
  return fc.array(pair, { maxLength: 6 });
}

/** Percent-encodes text the way a browser would; text that cannot be encoded (a lone surrogate) goes raw. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replaceAll(/[&#=%+]/g, (c) => encodeURIComponent(c));
  }
}

/** The query string of the pairs, each raw (as the generator wrote it) or percent-encoded. */
export function queryString(pairs: QueryPair[]): string {
  return pairs.map(({ name, value, raw }) => (raw ? `${name}=${value}` : `${encode(name)}=${encode(value)}`)).join("&");
}
