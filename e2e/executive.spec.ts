import { expect, test } from "@playwright/test";
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

test("the executive summary shows each headline figure with its change and trend", async ({ page }) => {
  await page.goto("/executive?range=13");
  await expect(page.getByRole("heading", { level: 1, name: "Executive summary" })).toBeVisible();
  await expect(page.getByText(/compared with the 13 weeks before/)).toBeVisible();
  for (const name of HEADLINES) {
    const tile = page.getByRole("region", { name, exact: true });
    await expect(tile, name).toBeVisible();
    await expect(tile.locator("p").first(), name).toHaveText(/^[\d,.]+( %| min)?$/);
    await expect(tile, name).toContainText("in the previous 13 weeks");
  }
  await expect(page.getByRole("region", { name: "Availability", exact: true }).getByRole("img", { name: "Availability, week by week" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Availability", exact: true })).toContainText(/Target 99\.9 %: (met|missed)/);
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
