import { instantToWallTime } from "@/lib/time/zoned";
import { expect, test } from "@playwright/test";
import { similarIncidentsQuery } from "@/features/incidents/similar/sql";
import { queryAppDatabase } from "./db";
import { storageStateOf } from "./roles";

// An on-call engineer in Berlin: the form's wall-clock times must be stored as the right instants.
test.use({ timezoneId: "Europe/Berlin", storageState: storageStateOf("ENGINEER") });

/** "2026-11-24T10:30" as Berlin's clocks show the instant. */
const berlinWallTime = (instant: Date) => instantToWallTime(instant, "Europe/Berlin");

const minutesAgo = (minutes: number) => {
  const at = new Date(Date.now() - minutes * 60_000);
  at.setUTCSeconds(0, 0);
  return at;
};

// Other tests file incidents in parallel: count only the titles this test types.
const countIncidents = async (titles: string[]) =>
  Number((await queryAppDatabase<{ n: string }>("SELECT count(*) AS n FROM incidents WHERE title = ANY($1)", [titles]))[0]?.n);

test("an engineer files an incident through the form and finds it in the list and on its page", async ({ page }) => {
  const title = `Checkout fails for card payments ${Date.now()}`;
  const started = minutesAgo(50);
  const detected = minutesAgo(45);
  const mitigated = minutesAgo(5);

  await page.goto("/incidents/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Severity").selectOption("SEV1");
  await page.getByLabel("Status").selectOption("MITIGATED");
  await page.getByRole("checkbox", { name: /Checkout API/ }).check();
  await page.getByRole("checkbox", { name: /Payments Gateway/ }).check();
  await page.getByLabel("Summary").fill("Card payments were declined at the final step of checkout.");
  await page.getByLabel("Impact started").fill(berlinWallTime(started));
  await page.getByLabel("Detected").fill(berlinWallTime(detected));
  await page.getByLabel("Mitigated").fill(berlinWallTime(mitigated));
  await page.getByLabel("Users affected").fill("22150");
  await page.getByLabel("Failed transactions").fill("4810");
  await page.getByLabel("Regions").fill("us-east-1, eu-west-1");
  await page.getByLabel("Capabilities").fill("checkout, payments");
  await page.getByLabel("Blast radius").selectOption("MULTI_SERVICE");
  await page.getByLabel("Root-cause category").selectOption("CODE_CHANGE");
  await page.getByLabel("Root-cause description").fill("A retry change doubled load on the card processor.");
  await page.getByLabel("Change reference").fill("PR-4711");
  await page.getByLabel("Author level").selectOption("MID");
  await page.getByLabel("Highest sign-off").selectOption("PEER");
  await page.getByLabel("AI involvement").selectOption("ASSISTED");
  await page.getByLabel("AI tool", { exact: true }).fill("Amazon Q Developer");
  await page.getByRole("button", { name: "File incident" }).click();

  await expect(page).toHaveURL(/\/incidents\/INC-\d{4}-\d{4,}$/);
  const reference = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // Derived figures: 45 min of impact, detected after 5 min, and an AI-assisted change by a
  // mid-level engineer with only peer sign-off breaks the approval policy.
  await expect(page.getByRole("group", { name: "Customer impact" })).toContainText("45 min");
  await expect(page.getByRole("group", { name: "Time to detect" })).toContainText("5 min");
  await expect(page.getByRole("group", { name: "Time to mitigate" })).toContainText("45 min");
  await expect(page.getByRole("note")).toContainText("Mid-level engineer had Peer sign-off; policy requires Senior or Manager");
  await expect(page.getByText("22,150")).toBeVisible();
  // Similar incidents: the earlier incident that reads most like this one heads the panel.
  const similar = page.getByRole("region", { name: "Similar incidents" });
  await expect(similar).not.toContainText("Looking for similar incidents");
  const { text, values } = similarIncidentsQuery((await queryAppDatabase<{ id: string }>("SELECT id FROM incidents WHERE title = $1", [title]))[0]!.id);
  const closest = (await queryAppDatabase<{ reference: string }>(text, values))[0];
  await expect(closest ? similar.getByRole("row").nth(1) : similar).toContainText(closest?.reference ?? "No earlier incident shares its telling words.");

  const [stored] = await queryAppDatabase<{ started_at: Date; mitigated_at: Date; policy_violation: boolean; version: number }>(
    "SELECT started_at, mitigated_at, policy_violation, version FROM incidents WHERE reference = $1",
    [reference],
  );
  expect(stored?.started_at.toISOString()).toBe(started.toISOString());
  expect(stored?.mitigated_at.toISOString()).toBe(mitigated.toISOString());
  expect(stored?.policy_violation).toBe(true);
  const audit = await queryAppDatabase(
    "SELECT 1 FROM audit_events WHERE action = 'incident.create' AND entity_id = (SELECT id::text FROM incidents WHERE reference = $1)",
    [reference],
  );
  expect(audit).toHaveLength(1);

  await page.getByRole("link", { name: "Incidents", exact: true }).click();
  const row = page.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(title);
  await row.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a bad submission shows every problem at once, in the form's words, from a focused summary, and files nothing", async ({ page }) => {
  const typedTitles = ["No", "Search results empty for some shoppers"];
  expect(await countIncidents(typedTitles)).toBe(0);
  await page.goto("/incidents/new");
  await page.getByLabel("Title").fill("No");
  await page.getByLabel("Status").selectOption("MITIGATED");
  await page.getByLabel("Impact started").fill(berlinWallTime(minutesAgo(30)));
  await page.getByLabel("Mitigated", { exact: true }).fill(berlinWallTime(minutesAgo(40)));
  await page.getByLabel("Users affected").fill("-3");
  await page.getByRole("button", { name: "File incident" }).click();

  // Shape errors and the rule between fields, all in one answer, at the top, holding the focus.
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There are 6 problems with this incident" }) });
  await expect(summary).toBeFocused();
  const problems = summary.getByRole("link");
  await expect(problems).toHaveText([
    "Title: must be at least 3 characters",
    "Severity: choose Sev1 or Sev2",
    "Affected services: pick at least one affected service",
    "Mitigated: cannot be before the impact started",
    "Users affected: cannot be negative",
    "Blast radius: choose Single service, Multi-service, Regional or Site-wide",
  ]);
  await expect(summary).not.toContainText(/SINGLE_SERVICE|MULTI_SERVICE|SEV1 or SEV2/);

  // Each line takes the focus to its field, which says what is wrong with it.
  await problems.filter({ hasText: "Blast radius" }).click();
  const blastRadius = page.getByLabel("Blast radius");
  await expect(blastRadius).toBeFocused();
  await expect(blastRadius).toHaveAttribute("aria-invalid", "true");
  await expect(blastRadius).toHaveAccessibleDescription("Blast radius: choose Single service, Multi-service, Regional or Site-wide");
  await problems.filter({ hasText: "Mitigated" }).click();
  const mitigated = page.getByLabel("Mitigated", { exact: true });
  await expect(mitigated).toBeFocused();
  await expect(mitigated).toHaveAccessibleDescription(/Mitigated: cannot be before the impact started/);
  await problems.filter({ hasText: "Affected services" }).click();
  await expect(page.getByRole("checkbox").first()).toBeFocused();
  await expect(page.getByRole("checkbox").first()).toHaveAttribute("aria-invalid", "true");
  // What was typed is still there to correct.
  await expect(page.getByLabel("Title")).toHaveValue("No");
  await expect(page.getByLabel("Users affected")).toHaveValue("-3");

  await page.getByLabel("Title").fill("Search results empty for some shoppers");
  await page.getByLabel("Severity").selectOption("SEV2");
  await page
    .getByRole("checkbox", { name: /Search/ })
    .first()
    .check();
  await page.getByLabel("Users affected").fill("120");
  await page.getByLabel("Blast radius").selectOption("SINGLE_SERVICE");
  await page.getByRole("button", { name: "File incident" }).click();
  const left = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is 1 problem with this incident" }) });
  await expect(left).toBeFocused();
  await expect(left.getByRole("link")).toHaveText(["Mitigated: cannot be before the impact started"]);

  expect(await countIncidents(typedTitles)).toBe(0);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
