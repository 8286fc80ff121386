import { expect, test } from "@playwright/test";
import { formatIsoWeek, isoWeekOf } from "@/lib/time/iso-week";
import { queryAppDatabase } from "./db";
import { storageStateOf } from "./roles";

// The review of the week still running (the demo's zone is UTC). Nothing here starts it.
const CURRENT_WEEK = formatIsoWeek(isoWeekOf(new Date(), "UTC"));

test.use({ storageState: storageStateOf("LEAD") });

test("the review of the running week shows its figures so far against the same part of the four weeks before", async ({ page }) => {
  await page.goto(`/reviews/${CURRENT_WEEK}`);
  const metrics = page.getByRole("article", { name: "The week at a glance" });
  await expect(metrics.getByRole("note").filter({ hasText: "Week still running:" })).toContainText(
    /figures so far \(Monday 00:00 to \w{3} \d+ \w{3}, \d{2}:\d{2} UTC\)\. Compared with the four weeks before up to the same time\./,
  );
  await expect(metrics).toContainText("4-week mean to the same time");
});

test("starting the meeting of a week not yet ended asks first, and cancelling leaves it not started", async ({ page }) => {
  await page.goto(`/reviews/${CURRENT_WEEK}`);
  const asked = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    }),
  );
  await page.getByRole("button", { name: "Start meeting" }).click();
  expect(await asked).toBe(`Week ${CURRENT_WEEK} has not ended: starting now freezes the agenda with partial figures. Start anyway?`);
  await expect(page.getByRole("button", { name: "Start meeting" })).toBeEnabled();
  await expect(page.getByText("Now discussing", { exact: true })).toHaveCount(0);
  const stored = await queryAppDatabase<{ status: string }>("SELECT status FROM reviews WHERE iso_week = $1", [CURRENT_WEEK]);
  expect(stored.filter((row) => row.status === "IN_PROGRESS" || row.status === "DONE")).toEqual([]);
});
