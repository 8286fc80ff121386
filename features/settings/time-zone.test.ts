import { describe, expect, it } from "vitest";
import { queryWeeklyMetrics } from "@/features/metrics/weekly";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { insertMitigatedSev1 } from "@/features/incidents/test-input";
import { useTestDatabase } from "@/test/database";
import { updateOrganisationSettings } from "./mutations";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { readEditableSettings } from "./reads";
import { actorOf, DEFAULT_SETTINGS_INPUT } from "./test-fixtures";

const { db } = useTestDatabase();

/** The weekly figures as the trends pages read them: in the zone the settings hold at the time. */
async function weeklyAsThePagesSeeThem() {
  const { timeZone } = await getOrganisationSettings(db);
  const weeks = await queryWeeklyMetrics(db, {
    from: parseIsoWeek("2026-W10"),
    to: parseIsoWeek("2026-W11"),
    timeZone,
    scope: {},
    now: new Date("2026-04-01T00:00:00Z"),
  });
  return weeks.map((w) => ({ week: w.week, sev1: w.sev1, impactMinutes: w.impactMinutes }));
}

describe("changing the organisation's time zone", () => {
  it("moves every figure into the weeks of the new zone", async () => {
    // Sunday 8 March 2026, 20:00 to 22:00 UTC: still week 10 in UTC, already Monday (week 11) in Tokyo.
    await insertMitigatedSev1(db, {
      title: "Sunday evening outage",
      startedAt: "2026-03-08T20:00:00Z",
      detectedAt: new Date("2026-03-08T20:05:00Z"),
      mitigatedAt: "2026-03-08T22:00:00Z",
      blastRadius: "SITE_WIDE",
    });
    expect(await weeklyAsThePagesSeeThem()).toEqual([
      { week: "2026-W10", sev1: 1, impactMinutes: 120 },
      { week: "2026-W11", sev1: 0, impactMinutes: 0 },
    ]);

    const { version } = await readEditableSettings(db);
    const settings = { ...DEFAULT_SETTINGS_INPUT, timeZone: "Asia/Tokyo", version };
    await updateOrganisationSettings(db, settings, actorOf("admin@example.test"));

    expect(await weeklyAsThePagesSeeThem()).toEqual([
      { week: "2026-W10", sev1: 0, impactMinutes: 0 },
      { week: "2026-W11", sev1: 1, impactMinutes: 120 },
    ]);
  });
});
