import { describe, expect, it } from "vitest";
import { formatAvailability, formatMinutes } from "@/lib/figure-text";

/** Expects `format` to turn each input into its text, one assertion per row. */
type Format = (value: number | null | undefined) => string;
type Rows = readonly (readonly [number | null | undefined, string])[];

function expectFormats(format: Format, rows: Rows) {
  for (const [value, text] of rows) expect(format(value), String(value)).toBe(text);
}

/** Per function, what each test asserts: inputs and the text each turns into. */
const CASES: Record<string, { format: Format; rows: Record<string, Rows> }> = {
  formatMinutes: {
    format: formatMinutes,
    rows: {
      "keeps minutes below two hours and turns to hours at 120": [
        [0, "0 min"],
        [95, "95 min"],
        [119, "119 min"],
        [120, "2 h"],
        [121, "2 h 1 min"],
        [130, "2 h 10 min"],
        [785, "13 h 5 min"],
      ],
      "keeps a tenth of a minute below two hours (a median), and rounds to whole minutes past": [
        [42.5, "42.5 min"],
        [119.96, "120 min"],
        [130.4, "2 h 10 min"],
      ],
      "turns to days past 48 hours": [
        [47 * 60 + 59, "47 h 59 min"],
        [48 * 60, "2 d"],
        [76 * 60 + 30, "3 d 4 h"],
      ],
      "shows a dash for no value and a sign for a negative one": [
        [null, "—"],
        [undefined, "—"],
        [-150, "−2 h 30 min"],
      ],
    },
  },
  formatAvailability: {
    format: formatAvailability,
    rows: {
      "shows two decimals, never rounding impact up to 100 %": [
        [0.9987, "99.87 %"],
        [0.99953, "99.95 %"],
        [0.99999, "99.99 %"],
        [1, "100.00 %"],
        [0.955, "95.50 %"],
        [null, "—"],
      ],
    },
  },
};

for (const [name, { format, rows }] of Object.entries(CASES)) {
  describe(name, () => {
    for (const [title, cases] of Object.entries(rows)) it(title, () => expectFormats(format, cases));
  });
}
