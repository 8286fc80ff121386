import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/api";
import { insertChanges, type ChangeBatch } from "./change-fixtures";
import { figure, tableOf } from "./chart-table";
import { expectToContainEach } from "./expect-texts";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("VIEWER"), apiRole: "VIEWER" });

// Changes of March and June 2021 on Checkout API (team Storefront): weeks no demo data and no
// other test writes to. March (2021-W09 to W12, W12 empty): 12 of 80 AI-involved changes
// failed and 5 of 160 others. June (W23, W24): 3 of 10 AI-involved and 1 of 30 others.
const MARCH = "from=2021-03-01&to=2021-03-28";
const JUNE = "from=2021-06-07&to=2021-06-20";
const QUESTION = "Are AI-involved changes failing more often?";

type Tally = ChangeBatch["other"];

/** A month of changes on Checkout API: how many AI-involved and other changes, and how many of each failed. */
const insertMonth = (month: string, firstDeploy: string, aiInvolved: Tally, other: Tally, firstIncident: number) =>
  insertChanges({ prefix: `e2e-risk-${month}-`, service: "checkout-api", firstDeploy, aiInvolved, other, firstIncident });

test.beforeAll(async () => {
  await insertMonth("march", "2021-03-01T09:00:00Z", { changes: 80, failed: 12 }, { changes: 160, failed: 5 }, 9001);
  await insertMonth("june", "2021-06-07T09:00:00Z", { changes: 10, failed: 3 }, { changes: 30, failed: 1 }, 9101);
});

type Count = { changes: number; failed: number; changeFailureRate: number | null };
type ApiWeek = {
  week: string;
  start: string;
  changes: number;
  byAi: Record<"NONE" | "ASSISTED" | "GENERATED" | "AGENT", Count>;
  bySignOff: { compliant: Count; violating: Count };
  recovery: { median: number | null; p90: number | null };
};

/** The executive summary's answer to QUESTION for a period. */
async function executiveAnswer(page: Page, period: string) {
  await page.goto(`/executive?${period}`);
  return page.getByRole("region", { name: QUESTION });
}

const rate = (failed: number, changes: number) => (changes === 0 ? "no changes" : `${((failed / changes) * 100).toFixed(1)} %`);
const minutes = (value: number | null) => (value === null ? "—" : `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })} min`);

test("the dashboard's Change risk section shows the numbers of GET /api/v1/metrics/changes for the same filter", async ({ page, api }) => {
  const filter = `${MARCH}&team=storefront`;
  const response = await api.get(`/api/v1/metrics/changes?${filter}`);
  expect(response.status()).toBe(200);
  const { weeks, total } = (await response.json()) as { weeks: ApiWeek[]; total: { changes: number; failed: number } };
  expect(weeks.map((w) => w.week)).toEqual(["2021-W09", "2021-W10", "2021-W11", "2021-W12"]);
  expect(total).toMatchObject({ changes: 240, failed: 17 });

  await page.goto(`/dashboard?${filter}`);
  const section = page.getByRole("region", { name: "Change risk" });
  await expect(section.getByRole("heading", { name: "Change risk" })).toBeVisible();
  for (const name of [
    "Change failure rate by AI involvement",
    "Change failure rate by sign-off",
    "Changes shipped without the required sign-off",
    "Recovery time of failed changes",
  ]) {
    const chart = figure(page, name);
    await expect(chart.locator(".recharts-line-curve, .recharts-bar-rectangle").first(), `${name} draws its points`).toBeAttached();
    await expect(chart.locator("figcaption"), name).toContainText("a change belongs to the week it was deployed");
    await expect(chart.getByRole("button", { name: "Download CSV" })).toBeEnabled();
  }

  const aiInvolved = (w: ApiWeek) =>
    [w.byAi.ASSISTED, w.byAi.GENERATED, w.byAi.AGENT].reduce((sum, g) => ({ failed: sum.failed + g.failed, changes: sum.changes + g.changes }), {
      failed: 0,
      changes: 0,
    });
  expect(await tableOf(figure(page, "Change failure rate by AI involvement"))).toEqual(
    weeks.map((w) => [w.week, w.start, rate(w.byAi.NONE.failed, w.byAi.NONE.changes), rate(aiInvolved(w).failed, aiInvolved(w).changes)]),
  );
  const signOff = await tableOf(figure(page, "Change failure rate by sign-off"));
  expect(signOff).toEqual(
    weeks.map((w) => [
      w.week,
      w.start,
      rate(w.bySignOff.compliant.failed, w.bySignOff.compliant.changes),
      rate(w.bySignOff.violating.failed, w.bySignOff.violating.changes),
    ]),
  );
  expect(signOff.at(-1)).toEqual(["2021-W12", "2021-03-22", "no changes", "no changes"]);
  expect(await tableOf(figure(page, "Changes shipped without the required sign-off"))).toEqual(
    weeks.map((w) => [w.week, w.start, String(w.bySignOff.violating.changes), rate(w.bySignOff.violating.changes, w.changes)]),
  );
  expect(await tableOf(figure(page, "Recovery time of failed changes"))).toEqual(
    weeks.map((w) => [w.week, w.start, minutes(w.recovery.median), minutes(w.recovery.p90)]),
  );
  await expect(section).not.toContainText(/ASSISTED|GENERATED|AGENT|NONE/);
});

test("the executive summary says AI-involved changes failed more often when the difference is clear", async ({ page }) => {
  const block = await executiveAnswer(page, MARCH);
  // 12/80 = 15 % against 5/160 = 3.125 %: 4.8 times; Wilson 8.8–24.4 % and 1.3–7.1 % do not overlap
  await expectToContainEach(block, [
    "AI-involved changes failed 4.8× as often: 12 of 80 vs 5 of 160",
    "12 of 80 failed",
    "95 % interval 8.8–24.4 %",
    "5 of 160 failed",
    "95 % interval 1.3–7.1 %",
  ]);
  // From incidents alone: 12 and 5 hour-long incidents apart from one another, one Sev1 in each group.
  const row = (name: string) => block.getByRole("row", { name: new RegExp(`^${name}`) });
  await expect(row("Impact minutes")).toHaveText(/12 h\s*5 h/);
  await expect(row("Sev1 share")).toHaveText(/8\.3 %\s*20\.0 %/);
  await expect(row("Median time to mitigate")).toHaveText(/60 min\s*60 min/);
});

test("the executive summary says too few changes to tell when a group is small, and fits a phone and a desktop", async ({ page }) => {
  const block = await executiveAnswer(page, JUNE);
  await expectToContainEach(block, [
    "Too few changes to tell",
    "Only 10 AI-involved changes in the period: a verdict needs at least 20 of each.",
    ...["3 of 10 failed", "95 % interval 10.8–60.3 %", "1 of 30 failed", "95 % interval 0.6–16.7 %"],
  ]);
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(block).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
  }
});
