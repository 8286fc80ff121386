import { expect, test, type Page } from "@playwright/test";
import { queryAppDatabase } from "./db";
import { storageStateOf } from "./roles";

// Other tests share this database: only the meeting length is changed here, and put back.
// Time zone and policy changes are tested against their own database (features/settings).

const meetingLength = async () =>
  (
    await queryAppDatabase<{ meeting_length_minutes: number; version: number }>(
      "SELECT meeting_length_minutes, version FROM organisation_settings WHERE id = 1",
    )
  )[0];

async function saveMeetingLength(page: Page, minutes: string) {
  await page.getByLabel("Meeting length (minutes)").fill(minutes);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved.");
}

test.describe("as an ADMIN", () => {
  test.use({ storageState: storageStateOf("ADMIN") });

  test("changes the meeting length, sees it kept, and puts it back", async ({ page }) => {
    await page.goto("/admin/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeVisible();
    const field = page.getByLabel("Meeting length (minutes)");
    const original = await field.inputValue();
    const changed = original === "75" ? "80" : "75";
    const before = await meetingLength();
    try {
      await saveMeetingLength(page, changed);
      expect(await meetingLength()).toMatchObject({ meeting_length_minutes: Number(changed), version: (before?.version ?? 1) + 1 });
      await page.reload();
      await expect(field).toHaveValue(changed);
      await expect(page.getByText(/Last changed by admin@demo\.ops-review\.test/)).toBeVisible();
    } finally {
      await page.goto("/admin/settings");
      await saveMeetingLength(page, original);
    }
    expect((await meetingLength())?.meeting_length_minutes).toBe(Number(original));
  });

  test("a save based on an old version is refused, says who changed it, and keeps the user's values", async ({ page, context }) => {
    const other = await context.newPage();
    await page.goto("/admin/settings");
    await other.goto("/admin/settings");
    const original = await page.getByLabel("Meeting length (minutes)").inputValue();
    const theirs = original === "75" ? "80" : "75";
    const mine = original === "90" ? "95" : "90";
    try {
      await saveMeetingLength(other, theirs);
      await page.getByLabel("Meeting length (minutes)").fill(mine);
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("alert").first()).toContainText("Not saved: The settings were changed by admin@demo.ops-review.test");
      const conflict = page.getByRole("region", { name: "Changed by someone else since you opened this page" });
      await expect(conflict).toContainText("Saved by admin@demo.ops-review.test");
      await expect(conflict.getByRole("row", { name: /Meeting length/ })).toHaveText(new RegExp(`Meeting length\\s*${theirs} min\\s*${mine} min`));
      await expect(page.getByLabel("Meeting length (minutes)")).toHaveValue(mine);
      expect((await meetingLength())?.meeting_length_minutes).toBe(Number(theirs));
      // Saving again, having seen theirs, applies the user's values.
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("status")).toContainText("Settings saved.");
      expect((await meetingLength())?.meeting_length_minutes).toBe(Number(mine));
    } finally {
      await page.goto("/admin/settings");
      await saveMeetingLength(page, original);
    }
  });

  test("refuses a meeting length out of range and an unknown time zone, naming the fields, and saves nothing", async ({ page }) => {
    await page.goto("/admin/settings");
    const before = await meetingLength();
    await page.getByLabel("Meeting length (minutes)").fill("600");
    await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("alert").first()).toContainText("Not saved: correct Time zone, Meeting length.");
    await expect(page.getByText("Time zone: must be an IANA time zone name")).toBeVisible();
    await expect(page.getByText("Meeting length (minutes): must be at most 480 minutes")).toBeVisible();
    await expect(page.getByLabel("Time zone")).toHaveValue("Mars/Olympus_Mons");
    expect(await meetingLength()).toEqual(before);
  });
});

test.describe("as a VIEWER", () => {
  test.use({ storageState: storageStateOf("VIEWER") });

  test("gets 403 for the settings page", async ({ page }) => {
    const response = await page.goto("/admin/settings");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByLabel("Meeting length (minutes)")).toHaveCount(0);
  });
});
