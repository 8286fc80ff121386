// What the weekly review specs share: Sev1s of a test's own in a given week, the agenda's
// cards, and pages signed in as another role.
import { expect, type Browser, type Page } from "@playwright/test";
import { isoWeekStartDate } from "@/lib/time/iso-week";
import { queryAppDatabase } from "./db";
import { demoEmail, storageStateOf } from "./roles";

/** Wednesday noon (UTC) of a week, plus some minutes, as an instant. */
const midweek = (week: string, plusMinutes = 0) => {
  const [year, number] = week.split("-W").map(Number);
  const monday = isoWeekStartDate({ year: year!, week: number! });
  return new Date(Date.parse(`${monday}T12:00:00Z`) + (2 * 24 * 60 + plusMinutes) * 60_000);
};

/** A resolved, agent-involved Sev1 in `week`, as the API files it. */
export const sev1In = (week: string, title: string, usersAffected: number) => ({
  title,
  summary: "Checkout failed for card payments.",
  severity: "SEV1",
  status: "RESOLVED",
  services: ["checkout-api"],
  startedAt: midweek(week).toISOString(),
  detectedAt: midweek(week, 5).toISOString(),
  mitigatedAt: midweek(week, 95).toISOString(),
  resolvedAt: midweek(week, 240).toISOString(),
  impact: { usersAffected, regions: ["eu-west-1"], capabilities: ["checkout"] },
  blastRadius: "SINGLE_SERVICE",
  rootCause: { category: "CONFIG_CHANGE", description: "A **feature flag** was flipped for everyone at once." },
  change: { reference: "CHG-77", authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "AGENT", tool: "Kiro", description: "The agent rolled out the flag change." },
});

export const agenda = (page: Page) => page.getByRole("list", { name: "Agenda" });
export const card = (page: Page, title: string | RegExp) => agenda(page).getByRole("article", { name: title });
export const userId = async (role: "ENGINEER" | "LEAD") =>
  (await queryAppDatabase<{ id: string }>("SELECT id FROM users WHERE email = $1", [demoEmail(role)]))[0]!.id;

export async function asRole(browser: Browser, role: "VIEWER" | "LEAD") {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { context, page: await context.newPage() };
}

/** Opens the week's review as a LEAD and starts its meeting. */
export async function startMeeting(browser: Browser, week: string) {
  const lead = await asRole(browser, "LEAD");
  await lead.page.emulateMedia({ reducedMotion: "reduce" });
  await lead.page.goto(`/reviews/${week}`);
  lead.page.once("dialog", (dialog) => void dialog.accept());
  await lead.page.getByRole("button", { name: "Start meeting" }).click();
  await expect(lead.page.getByText("Now discussing", { exact: true }).first()).toBeVisible();
  return lead;
}
