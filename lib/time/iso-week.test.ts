import { describe, it, expect } from "vitest";
import {
  addDays,
  daysBetween,
  addWeeks,
  formatIsoWeek,
  isoWeekOf,
  isoWeekStartDate,
  isoWeekStartInstant,
  parseIsoWeek,
  weeksInIsoYear,
  weeksOverlapping,
  zonedDateString,
  type IsoWeek,
} from "./iso-week";

const at = (iso: string) => new Date(iso);
const week = (text: string) => parseIsoWeek(text);
const weekOf = (iso: string, zone: string) => formatIsoWeek(isoWeekOf(at(iso), zone));

describe("formatIsoWeek / parseIsoWeek", () => {
  it("formats with a zero-padded week and round-trips", () => {
    expect([formatIsoWeek({ year: 2026, week: 10 }), formatIsoWeek({ year: 2026, week: 1 })]).toEqual(["2026-W10", "2026-W01"]);
    expect(parseIsoWeek("2026-W01")).toEqual({ year: 2026, week: 1 });
  });

  it("refuses a week that does not exist, and a fractional number of weeks", () => {
    for (const w of [
      { year: 2021, week: 53 },
      { year: 2026, week: 0 },
      { year: 2026, week: 1.5 },
    ]) {
      expect(() => formatIsoWeek(w)).toThrow(/Invalid ISO week/);
      expect(() => isoWeekStartDate(w)).toThrow(/Invalid ISO week/);
      expect(() => addWeeks(w, 1)).toThrow(/Invalid ISO week/);
    }
    expect(() => addWeeks(week("2026-W10"), 0.5)).toThrow(/whole number/);
  });

  it("accepts week 53 only in years that have it", () => {
    expect(parseIsoWeek("2020-W53")).toEqual({ year: 2020, week: 53 });
    expect(() => parseIsoWeek("2021-W53")).toThrow("2021 has weeks 01 to 52");
    expect(() => parseIsoWeek("2026-W54")).toThrow("2026 has weeks 01 to 53");
    expect(() => parseIsoWeek("2026-W00")).toThrow("2026 has weeks 01 to 53");
  });

  it.each(["2026-10", "2026-W1", "2026W10", " 2026-W10", "2026-w10", "26-W10", "2026-W10x", ""])("rejects malformed %j, saying what shape it expects", (text) =>
    expect(() => parseIsoWeek(text)).toThrow(/expected YYYY-Www/),
  );
});

// 53 weeks when 1 January is a Thursday, or a Wednesday in a leap year.
it.each([
  [2015, 53],
  [2020, 53],
  [2026, 53],
  [2009, 53], // Thu, leap Wed, Thu, Thu
  [2019, 52],
  [2021, 52],
  [2024, 52],
  [2008, 52],
  [2100, 52], // Tue, Fri, leap Mon, leap Tue, Fri (not leap)
])("weeksInIsoYear(%i) = %i", (year, weeks) => expect(weeksInIsoYear(year)).toBe(weeks));

it.each([
  ["2021-01-02T12:00:00Z", "UTC", "2020-W53"], // Saturday; its Thursday is 2020-12-31
  ["2024-12-30T12:00:00Z", "UTC", "2025-W01"], // Monday; its Thursday is 2025-01-02
  ["2025-12-29T00:00:00Z", "UTC", "2026-W01"],
  ["2026-03-02T00:00:00Z", "UTC", "2026-W10"], // the example week of docs/api.md
  ["2027-01-03T23:59:59Z", "UTC", "2026-W53"], // Sunday
  ["2027-01-04T00:00:00Z", "UTC", "2027-W01"], // Monday
  // Sunday 23:30 UTC is Monday 00:30 in Berlin (UTC+1 until DST on 29 March).
  ["2026-03-08T23:30:00Z", "UTC", "2026-W10"],
  ["2026-03-08T23:30:00Z", "Europe/Berlin", "2026-W11"],
  // Los Angeles is UTC-7 after DST began on 8 March: Monday 00:00 local = 07:00Z.
  ["2026-03-09T06:59:59Z", "America/Los_Angeles", "2026-W10"],
  ["2026-03-09T07:00:00Z", "America/Los_Angeles", "2026-W11"],
  // Kolkata is UTC+5:30: Monday 00:00 local = Sunday 18:30Z.
  ["2026-03-08T18:29:59Z", "Asia/Kolkata", "2026-W10"],
  ["2026-03-08T18:30:00Z", "Asia/Kolkata", "2026-W11"],
  // Auckland is UTC+13 in December: this is still Sunday 2024-12-29 in UTC, Monday 2024-12-30 there.
  ["2024-12-29T11:00:00Z", "UTC", "2024-W52"],
  ["2024-12-29T11:00:00Z", "Pacific/Auckland", "2025-W01"],
])("isoWeekOf(%s, %s) = %s", (iso, zone, expected) => expect(weekOf(iso, zone)).toBe(expected));

it("rejects an unknown time zone", () => expect(() => weekOf("2026-03-02T00:00:00Z", "Mars/Olympus_Mons")).toThrow(RangeError));

it.each([
  ["2026-03-08T23:30:00Z", "UTC", "2026-03-08"],
  ["2026-03-08T23:30:00Z", "Europe/Berlin", "2026-03-09"], // 00:30 CET
  ["2026-03-08T23:30:00Z", "America/New_York", "2026-03-08"], // 19:30 EDT
  ["2026-03-08T14:59:59.999Z", "Asia/Tokyo", "2026-03-08"], // UTC+9: milliseconds never round up to midnight
  ["2026-03-08T15:00:00.000Z", "Asia/Tokyo", "2026-03-09"],
])("zonedDateString(%s, %s) = %s", (iso, zone, expected) => expect(zonedDateString(at(iso), zone)).toBe(expected));

it.each([
  ["2026-W10", "2026-03-02"],
  ["2020-W53", "2020-12-28"],
  ["2021-W01", "2021-01-04"],
  ["2025-W01", "2024-12-30"],
  ["2026-W01", "2025-12-29"],
  ["2026-W53", "2026-12-28"], // 2025-12-29 + 52 weeks
])("isoWeekStartDate(%s) = %s", (w, monday) => expect(isoWeekStartDate(week(w))).toBe(monday));

describe("isoWeekStartInstant", () => {
  it.each([
    ["2026-W10", "UTC", "2026-03-02T00:00:00.000Z"],
    ["2026-W10", "Europe/Berlin", "2026-03-01T23:00:00.000Z"], // CET, UTC+1
    ["2026-W14", "Europe/Berlin", "2026-03-29T22:00:00.000Z"], // CEST, UTC+2 since Sunday 29 March
    ["2026-W44", "Europe/Berlin", "2026-10-25T23:00:00.000Z"], // back to CET on Sunday 25 October
    ["2026-W10", "America/New_York", "2026-03-02T05:00:00.000Z"], // EST, UTC-5
    ["2026-W11", "America/New_York", "2026-03-09T04:00:00.000Z"], // EDT, UTC-4 since Sunday 8 March
    ["2026-W10", "Asia/Kolkata", "2026-03-01T18:30:00.000Z"], // UTC+5:30
    // Local midnight skipped by DST: the week starts at the jump.
    ["2021-W12", "Asia/Tehran", "2021-03-21T20:30:00.000Z"], // 00:00 +03:30 → 01:00 +04:30
    ["1997-W41", "America/Sao_Paulo", "1997-10-06T03:00:00.000Z"], // 00:00 -03 → 01:00 -02
    // Midnight twice (01:00 +03 fell back to 00:00 +02, at 22:00Z): the first one counts.
    ["2001-W39", "Asia/Jerusalem", "2001-09-23T21:00:00.000Z"],
  ])("%s in %s starts at %s", (w, zone, expected) => {
    expect(isoWeekStartInstant(week(w), zone).toISOString()).toBe(expected);
  });

  it("makes the weeks holding a DST change an hour shorter or longer", () => {
    const startMs = (w: IsoWeek) => isoWeekStartInstant(w, "Europe/Berlin").getTime();
    const hoursOf = (w: string) => (startMs(addWeeks(week(w), 1)) - startMs(week(w))) / 3_600_000;
    expect([hoursOf("2026-W13"), hoursOf("2026-W43")]).toEqual([167, 169]); // 7 × 24 − 1 and + 1
  });

  it("is the first instant of its own week in every zone, every week of a year", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"]) {
      for (let n = 1; n <= 53; n++) {
        const start = isoWeekStartInstant({ year: 2026, week: n }, zone);
        expect(isoWeekOf(start, zone)).toEqual({ year: 2026, week: n });
        expect(isoWeekOf(new Date(start.getTime() - 1), zone)).toEqual(addWeeks({ year: 2026, week: n }, -1));
      }
    }
  });
});

it.each([
  ["2026-W52", 1, "2026-W53"],
  ["2026-W53", 1, "2027-W01"], // 2026 has 53 weeks
  ["2021-W52", 1, "2022-W01"], // 2021 has only 52
  ["2025-W01", -1, "2024-W52"],
  ["2026-W10", 0, "2026-W10"],
  ["2026-W10", -10, "2025-W52"], // 9 back is 2026-W01, one more is 2025's last (52nd) week
  ["2026-W10", 104, "2028-W09"], // 2026-03-02 + 728 days = 2028-02-28, 8 weeks after 2028-W01 (Jan 3)
])("addWeeks(%s, %i) = %s", (from, n, expected) => expect(formatIsoWeek(addWeeks(week(from), n))).toBe(expected));

describe("weeksOverlapping", () => {
  const labels = (from: string, to: string) => weeksOverlapping(from, to).map(formatIsoWeek);

  it.each([
    ["2026-03-04", "2026-03-04", ["2026-W10"]], // one day
    ["2026-03-02", "2026-03-08", ["2026-W10"]], // Monday to Sunday
    ["2026-03-08", "2026-03-09", ["2026-W10", "2026-W11"]], // Sunday, Monday
    // 2020-12-25 is the Friday of W52; W53 starts 12-28; 2021-W01 starts 01-04, W02 01-11.
    ["2020-12-25", "2021-01-12", ["2020-W52", "2020-W53", "2021-W01", "2021-W02"]],
  ])("%s to %s overlaps %j", (from, to, expected) => expect(labels(from, to)).toEqual(expected));

  it("counts the weeks touching a calendar year", () => {
    // 2026-01-01 and 2026-12-31 are Thursdays, in 2026-W01 and 2026-W53.
    expect(weeksOverlapping("2026-01-01", "2026-12-31")).toHaveLength(53);
    // 2025-12-31 is the Wednesday of 2026-W01: 2025's 52 weeks plus that one.
    const weeks2025 = labels("2025-01-01", "2025-12-31");
    expect([weeks2025.length, weeks2025[0], weeks2025.at(-1)]).toEqual([53, "2025-W01", "2026-W01"]);
  });

  it("rejects an inverted range and malformed dates", () => {
    expect(() => weeksOverlapping("2026-03-09", "2026-03-08")).toThrow(/before/);
    expect(() => weeksOverlapping("2026-02-30", "2026-03-08")).toThrow(/Invalid calendar date "2026-02-30"/);
    expect(() => weeksOverlapping("2026-03-01", "2026-3-8")).toThrow(/Invalid calendar date/);
  });
});

describe("addDays / daysBetween", () => {
  it("steps over month, leap-day and year ends on the calendar, with no time zone involved", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-11", -14)).toBe("2026-02-25");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-02-25", "2026-03-11")).toBe(14);
    expect(daysBetween("2026-03-11", "2026-02-25")).toBe(-14);
  });

  it("refuses a date that is not on the calendar", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow();
  });
});
