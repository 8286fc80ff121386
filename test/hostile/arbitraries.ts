// Hostile JSON for the write endpoints: a valid body with fields swapped for values of the
// wrong type, text PostgreSQL cannot store, out-of-range instants and counts, invisible or
// huge strings, deep nesting, and extra or inherited keys; or any JSON value at all.
import fc from "fast-check";

type Json = unknown;

const deep = (depth: number): Json => (depth === 0 ? "bottom" : { nested: deep(depth - 1) });

export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2_147_483_648,
    -2_147_483_649,
    Number.MAX_SAFE_INTEGER,
    1e308,
    "",
    " ",
    "12",
    "1e3",
    "0x10",
    "true",
    "null",
  ),
  fc.constantFrom<Json>(
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "-002026-03-03T10:00:00Z",
    "1969-12-31T23:59:59Z",
    "2026-02-30T10:00:00Z",
    "2026-03-03",
    "2026-03-03T10:00:00",
    "2026-13-01T00:00:00Z",
  ),
  fc.constantFrom<Json>(
    "a\u0000b",
    "\uD83D",
    "\uDE00x",
    "\u200B\u200B\u200B\u200B",
    "\u202E\u2066\u2069",
    "\uFEFF\u2060\u180E",
    "<script>alert(1)</script>",
    "'; DROP TABLE incidents; --",
  ),
  fc.constantFrom<Json>([], [5], ["a", 1, null], {}, { constructor: 1 }, JSON.parse('{"__proto__": {"polluted": true}}'), { toString: "x" }, deep(64)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constant("x".repeat(25_000)),
  fc.array(fc.string({ unit: "binary", maxLength: 10 }), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const EXTRA_KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "severty", "id", "version", "policyViolation", "createdById"];

/** Sets `value` at a dotted path of a copy of `body` (creating groups on the way). */
function withValueAt(body: Record<string, Json>, path: string, value: Json): Record<string, Json> {
  const copy = structuredClone(body);
  const keys = path.split(".");
  let node: Record<string, Json> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, Json>;
  }
  Object.defineProperty(node, keys.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Bodies built from `valid`: 1 to 3 of `paths` (or extra keys, at the top or in a group) set to hostile values; or any JSON. */
export function hostileBodies(valid: Record<string, Json>, paths: string[], groups: string[] = []): fc.Arbitrary<Json> {
  const target = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...paths) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom("", ...groups.map((g) => `${g}.`)), fc.constantFrom(...EXTRA_KEYS)).map(([group, key]) => group + key) },
  );
  const mutated = fc
    .array(fc.tuple(target, hostileValue), { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce((body, [path, value]) => withValueAt(body, path, value), valid));
  return fc.oneof({ weight: 8, arbitrary: mutated }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) }, { weight: 1, arbitrary: fc.constant(valid) });
}
