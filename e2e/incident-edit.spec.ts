import { instantToWallTime } from "@/lib/time/zoned";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/api";
import { queryAppDatabase } from "./db";
import { demoEmail, storageStateOf } from "./roles";

// An on-call engineer in Berlin edits incidents in place; edits are checked, audited and never
// overwrite each other silently.
test.use({ timezoneId: "Europe/Berlin", storageState: storageStateOf("ENGINEER") });

/** "2026-11-24T10:30" as Berlin's clocks show the instant. */
const berlinWallTime = (instant: Date) => instantToWallTime(instant, "Europe/Berlin");

/** Whole minutes before one instant taken per test, so the durations between them are exact. */
function clock() {
  const now = new Date();
  now.setUTCSeconds(0, 0);
  return (minutes: number) => new Date(now.getTime() - minutes * 60_000);
}

/** An incident still under investigation, as the API files it. */
const investigatingIncident = (title: string, minutesAgo = clock()) => ({
  title,
  severity: "SEV2",
  status: "INVESTIGATING",
  services: ["checkout-api"],
  startedAt: minutesAgo(90).toISOString(),
  detectedAt: minutesAgo(80).toISOString(),
  impact: { usersAffected: 340, regions: ["eu-west-1"], capabilities: ["checkout"] },
  blastRadius: "SINGLE_SERVICE",
  rootCause: { category: "CAPACITY", description: "Connection pool exhausted." },
});

const storedIncident = async (reference: string) =>
  (
    await queryAppDatabase<{
      id: string;
      title: string;
      status: string;
      version: number;
      users_affected: number;
      mitigated_at: Date | null;
      resolved_at: Date | null;
    }>("SELECT id, title, status, version, users_affected, mitigated_at, resolved_at FROM incidents WHERE reference = $1", [reference])
  )[0]!;

const saveChanges = async (page: Page, reference: string) => {
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${reference}$`));
};

test("an engineer mitigates, then resolves, an incident through the edit form and sees each step in its history", async ({ page, api }) => {
  const minutesAgo = clock();
  const { reference } = await api.fileIncident(investigatingIncident(`Checkout latency for edit ${Date.now()}`, minutesAgo));
  const mitigated = minutesAgo(30);
  const resolved = minutesAgo(10);

  await page.goto(`/incidents/${reference}`);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${reference}/edit$`));
  await page.getByLabel("Status").selectOption("MITIGATED");
  await page.getByLabel("Mitigated", { exact: true }).fill(berlinWallTime(mitigated));
  await saveChanges(page, reference);
  await expect(page.getByRole("group", { name: "Customer impact" })).toContainText("60 min");

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  // The rule between fields speaks on the edit form as on filing, and nothing is saved.
  await page.getByLabel("Status").selectOption("RESOLVED");
  await page.getByRole("button", { name: "Save changes" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is 1 problem with this incident" }) });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Nothing was saved");
  await summary.getByRole("link", { name: "Resolved: is required when the status is Resolved" }).click();
  await expect(page.getByLabel("Resolved", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Status")).toHaveValue("RESOLVED");
  expect((await storedIncident(reference)).version).toBe(2);
  await page.getByLabel("Resolved", { exact: true }).fill(berlinWallTime(resolved));
  await saveChanges(page, reference);

  const stored = await storedIncident(reference);
  expect(stored).toMatchObject({ status: "RESOLVED", version: 3 });
  expect(stored.mitigated_at?.toISOString()).toBe(mitigated.toISOString());
  expect(stored.resolved_at?.toISOString()).toBe(resolved.toISOString());

  const history = page.getByRole("region", { name: "History" });
  const entries = history.getByRole("listitem");
  await expect(entries).toHaveCount(3);
  const email = demoEmail("ENGINEER");
  await expect(entries.nth(0)).toContainText(`by ${email} in the app`);
  await expect(entries.nth(0).getByRole("row", { name: /^Status\s+Mitigated\s+Resolved$/ })).toBeVisible();
  await expect(entries.nth(0).getByRole("row", { name: /^Resolved\s+empty\s+/ })).toBeVisible();
  await expect(entries.nth(1).getByRole("row", { name: /^Status\s+Investigating\s+Mitigated$/ })).toBeVisible();
  await expect(entries.nth(2)).toContainText("Filed the incident");
  await expect(entries.nth(2)).toContainText("through the API");
});

test("a second editor of the same version gets the conflict, sees the other change, re-applies, and both changes are kept", async ({ context, api }) => {
  const title = `Search timeouts for conflict ${Date.now()}`;
  const { reference } = await api.fileIncident(investigatingIncident(title));
  const first = await context.newPage();
  const second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto(`/incidents/${reference}/edit`);
    await expect(page.getByLabel("Title")).toHaveValue(title);
  }

  await first.getByLabel("Title").fill(`${title} (renamed)`);
  await saveChanges(first, reference);

  await second.getByLabel("Users affected").fill("4321");
  await second.getByRole("button", { name: "Save changes" }).click();
  const conflict = second.getByRole("region", { name: "Changed by someone else since you opened it" });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("row", { name: /^Title/ })).toContainText(`${title} (renamed)`);
  await expect(conflict.getByRole("row", { name: /^Title/ })).toContainText(demoEmail("ENGINEER"));
  await expect(conflict.getByRole("row", { name: /^Title/ })).toContainText("not changed by you");
  // Nothing of the second editor's was saved, and their value is still in the form.
  await expect(second.getByLabel("Users affected")).toHaveValue("4321");
  expect(await storedIncident(reference)).toMatchObject({ version: 2, users_affected: 340, title: `${title} (renamed)` });

  await conflict.getByRole("button", { name: "Re-apply my changes on version 2" }).click();
  await expect(second.getByRole("status")).toContainText("laid over version 2");
  await expect(second.getByLabel("Title")).toHaveValue(`${title} (renamed)`);
  await expect(second.getByLabel("Users affected")).toHaveValue("4321");
  await saveChanges(second, reference);

  expect(await storedIncident(reference)).toMatchObject({ version: 3, users_affected: 4321, title: `${title} (renamed)` });
  const { id } = await storedIncident(reference);
  const audit = await queryAppDatabase<{ changes: Record<string, unknown> }>(
    "SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'incident.update' ORDER BY id",
    [id],
  );
  expect(audit.map((row) => Object.keys(row.changes).sort())).toEqual([
    ["title", "version"],
    ["impact.usersAffected", "version"],
  ]);
});
