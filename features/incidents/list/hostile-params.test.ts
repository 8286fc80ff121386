import { describe, expect, it } from "vitest";
import { parseChangeListParams } from "@/features/changes/list-params";
import { parseMetricsPeriod } from "@/features/metrics/params";
import { parseIncidentListParams } from "./params";

// Query strings an attacker sends: each is refused by name, never a 500 and never silently read.
const incidentErrors = (query: string) => Object.keys(parseIncidentListParams(new URLSearchParams(query), { strict: true }).errors);
const changeErrors = (query: string) => Object.keys(parseChangeListParams(new URLSearchParams(query), { strict: true }).errors);
const metricsErrors = (query: string) =>
  Object.keys(parseMetricsPeriod(new URLSearchParams(query), { timeZone: "UTC", now: new Date("2026-03-10T00:00:00Z"), requireDates: true }).errors);

describe("hostile list parameters", () => {
  it.each(["from=2026-13-01", "from=2026-01-00", "to=9999-12-31", "from=0000-01-01T00:00:00Z", "from=1969-12-31", "to=2026-02-30T10:00:00Z"])(
    "refuse %s by name",
    (query) => {
      const name = query.split("=")[0]!;
      expect(incidentErrors(query)).toEqual([name]);
      expect(changeErrors(query)).toEqual([name]);
    },
  );

  it("refuse a NUL byte in the search", () => expect(incidentErrors("q=%00")).toEqual(["q"]));

  // What URLSearchParams, and Next.js for a page's searchParams, make of a malformed percent-encoding.
  it("refuse U+FFFD in the search", () => {
    expect(incidentErrors("q=%E0%A4%A")).toEqual(["q"]);
    expect(Object.keys(parseIncidentListParams({ q: "caf\uFFFD" }).errors)).toEqual(["q"]);
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("refuse the inherited name %s as an unknown parameter", (name) => {
    expect(incidentErrors(`${name}=1`)).toEqual([name]);
    expect(changeErrors(`${name}=1`)).toEqual([name]);
    expect(metricsErrors(`from=2026-03-02&to=2026-03-08&${name}=1`)).toEqual([name]);
  });

  it("refuse impossible dates on the metrics API", () => {
    expect(metricsErrors("from=2026-13-01&to=2026-03-08")).toEqual(["from"]);
    expect(metricsErrors("from=2026-03-01&to=9999-12-31")).toEqual(["to"]);
    expect(metricsErrors("from=1969-12-29&to=2026-03-08")).toEqual(["from"]);
  });
});
