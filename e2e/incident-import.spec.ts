import { expect, test, type Page } from "@playwright/test";
import { queryAppDatabase } from "./db";
import { storageStateOf } from "./roles";

// An export from another tool: its own headers, which the page guesses, and one it cannot place.
const HEADER = "Incident Number,Title,Urgency,Priority,Service Name,Status,Created On,Resolved On,Escalation Policy";

/** References of a year long gone, unique to this run, so that a run never meets an earlier one's incidents. */
function runReferences(): [string, string] {
  const base = Number(String(Date.now()).slice(-7)) * 10;
  return [`INC-2016-${base}`, `INC-2016-${base + 1}`];
}

const csvOf = (rows: string[]) => Buffer.from([HEADER, ...rows].join("\r\n") + "\r\n");

async function upload(page: Page, name: string, rows: string[]) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: csvOf(rows) });
}

const countByReference = async (references: string[]) =>
  Number((await queryAppDatabase<{ n: string }>("SELECT count(*) AS n FROM incidents WHERE reference = ANY($1)", [references]))[0]?.n);

test.describe("as an ENGINEER", () => {
  test.use({ storageState: storageStateOf("ENGINEER") });

  test("maps another tool's columns, sees a bad row by line and column, fixes the file and imports it, backdated", async ({ page }) => {
    const [first, second] = runReferences();
    const title = `Card payments declined, imported ${Date.now()}`;
    // The second row's start is not a time until the file is fixed.
    const rows = (secondStarted: string) => [
      `${first},"${title}",high,SEV1,Checkout API,RESOLVED,2016-03-14T09:30:00Z,2016-03-14T11:00:00Z,"Payments, on call"`,
      `${second},Search slow for some shoppers ${Date.now()},low,SEV2,Checkout API,RESOLVED,${secondStarted},2016-03-15T08:45:00Z,Storefront`,
    ];

    await page.goto("/incidents");
    await page.getByRole("link", { name: "Import CSV" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import incidents from CSV" })).toBeVisible();
    await upload(page, "pagerduty-export.csv", rows("yesterday morning"));

    // The guessed mapping, in the fields' words; the column no field knows is ignored.
    const columns = page.getByRole("region", { name: "Columns of the file" });
    const fieldOf = (header: string) => columns.getByLabel(header, { exact: true }).locator("option:checked");
    await expect(fieldOf("Incident Number")).toHaveText("Reference");
    await expect(fieldOf("Title")).toHaveText("Title (required)");
    await expect(fieldOf("Urgency")).toHaveText("Severity (required)");
    await expect(fieldOf("Priority")).toHaveText("Ignore");
    await expect(fieldOf("Service Name")).toHaveText("Affected services (required)");
    await expect(fieldOf("Created On")).toHaveText("Impact started (required)");
    await expect(fieldOf("Resolved On")).toHaveText("Resolved");
    await expect(fieldOf("Escalation Policy")).toHaveText("Ignore");
    await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();

    // The severity is in Priority here, not in Urgency: choosing it for both is pointed out.
    await columns.getByLabel("Priority", { exact: true }).selectOption({ label: "Severity (required)" });
    await expect(page.getByText("Severity is chosen for more than one column: Urgency, Priority.")).toBeVisible();
    await columns.getByLabel("Urgency", { exact: true }).selectOption({ label: "Ignore" });
    await expect(page.getByText(/chosen for more than one column/)).toHaveCount(0);

    await page.getByRole("button", { name: "Check file" }).click();
    const check = page.getByRole("region", { name: "Check of the file" });
    await expect(check.getByRole("definition").nth(0)).toHaveText("2");
    const problems = check.getByRole("region", { name: "Problems in the file" });
    await expect(problems.getByRole("row")).toHaveCount(2);
    await expect(problems.getByRole("cell")).toHaveText(["3", "Created On", /.+/]);
    await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();
    expect(await countByReference([first, second])).toBe(0);

    // A corrected file sets the check aside; its own check is clean.
    await upload(page, "pagerduty-export-fixed.csv", rows("2016-03-15T08:00:00Z"));
    await expect(check).toBeHidden();
    await expect(fieldOf("Urgency")).toHaveText("Severity (required)");
    await columns.getByLabel("Priority", { exact: true }).selectOption({ label: "Severity (required)" });
    await columns.getByLabel("Urgency", { exact: true }).selectOption({ label: "Ignore" });
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(check).toContainText("No problems");
    await expect(check.getByRole("definition").nth(1)).toHaveText("2");
    const importButton = page.getByRole("button", { name: "Import 2 incidents" });
    await expect(importButton).toBeEnabled();

    // Changing the mapping sets the clean check aside too, until the file is checked again.
    await columns.getByLabel("Created On", { exact: true }).selectOption({ label: "Ignore" });
    await expect(check).toBeHidden();
    await expect(page.getByText("No column fills the required field Impact started.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();
    await columns.getByLabel("Created On", { exact: true }).selectOption({ label: "Impact started (required)" });
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(check).toContainText("No problems");

    // While the import runs, the file and its columns are locked: its outcome cannot be set aside.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/v1/incidents/import?dryRun=false*", async (route) => {
      await held;
      await route.continue();
    });
    await importButton.click();
    await expect(page.getByRole("button", { name: "Importing…" })).toBeDisabled();
    await expect(page.getByLabel("CSV file")).toBeDisabled();
    await expect(columns.getByLabel("Created On", { exact: true })).toBeDisabled();
    release();
    await expect(page.getByRole("status").filter({ hasText: "Imported 2 incidents" })).toBeVisible();
    expect(await countByReference([first, second])).toBe(2);
    await expect(page.getByRole("link", { name: "Open the incident list" })).toHaveAttribute("href", "/incidents");

    // The same file again: both rows are already here, so there is nothing to import.
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(check).toContainText("nothing to import");
    await expect(check.getByRole("definition")).toHaveText(["2", "0", "2", "0"]);
    await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();

    await page.goto(`/incidents?q=${first}`);
    const row = page.getByRole("row", { name: new RegExp(first) });
    await expect(row).toContainText(title);
    await expect(row.locator("time").first()).toHaveAttribute("datetime", "2016-03-14T09:30:00.000Z");
  });
});

test.describe("a signed-out session", () => {
  test.use({ storageState: storageStateOf("ENGINEER") });

  test("the check says so beside the buttons, and nothing is read", async ({ page, context }) => {
    await page.goto("/incidents/import");
    await upload(page, "late.csv", [`INC-2016-0001,Too late to check,high,,Checkout API,,2016-01-01T00:00:00Z,,`]);
    await context.clearCookies();
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "You are signed out: sign in again" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Check of the file" })).toHaveCount(0);
  });
});

test.describe("as a VIEWER", () => {
  test.use({ storageState: storageStateOf("VIEWER") });

  test("the import page is out of reach and the list offers no import", async ({ page }) => {
    await page.goto("/incidents");
    await expect(page.getByRole("link", { name: "Download CSV" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
    const response = await page.goto("/incidents/import");
    expect(response?.status()).toBe(403);
    await expect(page.getByLabel("CSV file")).toHaveCount(0);
  });
});
