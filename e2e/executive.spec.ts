import { expect, test } from "@playwright/test";
import { figure, tableOf } from "./chart-table";
import { queryAppDatabase } from "./db";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("VIEWER") });

const HEADLINES = [
  "Availability",
  "Incidents",
  "Sev1 incidents",
  "Customer impact",
  "Users affected",
  "Median time to mitigate",
  "AI-involved share",
  "Policy violations",
];

// A figure as a tile shows it: 99.87 %, 1,234, 45 min, 2 h 10 min, 3 d 4 h; "so far" while the period runs.
const TILE_VALUE = /^[\d,.]+( %| min| h( \d+ min)?| d( \d+ h)?)?( so far)?$/;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

test("the executive summary shows each headline figure with its change and trend", async ({ page }) => {
  await page.goto("/executive?range=13");
  await expect(page.getByRole("heading", { level: 1, name: "Executive summary" })).toBeVisible();
  // The last 13 weeks end with the current one: so far, against the same part of the 13 weeks before.
  await expect(page.getByText(/so far \(\d{4}-W\d{2} still running\) · compared with the 13 weeks before up to the same point/)).toBeVisible();
  for (const name of HEADLINES) {
    const tile = page.getByRole("region", { name, exact: true });
    await expect(tile, name).toBeVisible();
    await expect(tile.locator("p").first(), name).toHaveText(TILE_VALUE);
    await expect(tile.locator("p").first(), name).toContainText("so far");
    await expect(tile, name).toContainText("so far in the previous 13 weeks");
  }
  await expect(page.getByRole("region", { name: "Availability", exact: true }).getByRole("img", { name: "Availability, week by week" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Availability", exact: true })).toContainText(/Target 99\.9 %: (met|missed)/);
  // Follow-through: in words, and a card whose table holds the 13 weeks, each share a percentage or "no items due yet", never a bare 0 % of nothing.
  await expect(page.getByRole("region", { name: "Follow-through" })).toContainText(/ open now/);
  const due = await tableOf(figure(page, "Action items due and done by their due date"));
  expect(due).toHaveLength(13);
  expect(due.at(-1)?.[0]).toMatch(/ so far$/);
  expect(due.map((row) => row.at(-1))).toEqual(
    due.map((row) => (row[2] === "0" ? "no items due yet" : expect.stringMatching(/^(\d+\.\d %|no items due yet)$/))),
  );
});

test("weeks that have ended are compared with the whole weeks before", async ({ page }) => {
  // The 13 weeks up to last Sunday (UTC, the demo's zone).
  const today = new Date();
  const lastSunday = new Date(today.getTime() - (today.getUTCDay() || 7) * 86_400_000);
  const firstMonday = new Date(lastSunday.getTime() - (13 * 7 - 1) * 86_400_000);
  await page.goto(`/executive?from=${isoDate(firstMonday)}&to=${isoDate(lastSunday)}`);
  await expect(page.getByText(/compared with the 13 weeks before/)).toBeVisible();
  for (const name of HEADLINES) {
    const tile = page.getByRole("region", { name, exact: true });
    await expect(tile, name).toContainText(/vs .* in the previous 13 weeks/);
    await expect(tile.locator("p").first(), name).not.toContainText("so far");
  }
});

test("a period that begins with the first recorded incident says there is no earlier data instead of comparing with an empty one", async ({ page }) => {
  // Other tests file incidents years back, so the first one is looked up rather than assumed to be the demo year's.
  const [first] = await queryAppDatabase<{ day: string }>("SELECT to_char(min(started_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM incidents");
  const to = new Date(Date.parse(`${first!.day}T00:00:00Z`) + 27 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/executive?from=${first!.day}&to=${to}`);
  await expect(page.getByText(/no earlier data to compare with: the first recorded incident started on \d+ \w+ \d{4}/)).toBeVisible();
  for (const name of HEADLINES) {
    const tile = page.getByRole("region", { name, exact: true });
    await expect(tile, name).toContainText("No earlier data to compare with");
    await expect(tile, name).not.toContainText(/vs .* in the previous/);
  }
});

test("the executive summary prints without the navigation or the filters", async ({ page }) => {
  await page.goto("/executive");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Period" })).toBeHidden();
  await expect(page.getByRole("form", { name: "Filters" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Availability", exact: true })).toBeVisible();
  // No wider than an A4 page (210 mm less 2 × 12 mm margins ≈ 703 CSS px), and one page long on A4 and on Letter.
  await page.setViewportSize({ width: 703, height: 1000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const format of ["A4", "Letter"] as const) {
    const pdf = (await page.pdf({ format })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), `pages on ${format}`).toHaveLength(1);
  }
});
