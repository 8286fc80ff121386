import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { parseCsv } from "@/features/incidents/list/test-csv";
import { expect, test } from "./fixtures/api";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("ENGINEER") });

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** Opens a filter menu (a disclosure) of the filter bar, or the column picker. */
const openMenu = (page: Page, label: string) => page.locator("summary", { hasText: new RegExp(`^${label}`) }).click();

/** The references in the table's body, top to bottom. */
const tableReferences = (page: Page) => page.getByRole("table").locator("tbody tr td:first-child").allTextContents();

test("filter the incident list in the UI, share it by URL, and download exactly its rows as CSV", async ({ page, api }) => {
  // Other tests file incidents at the same time: everything here is found by a word only this test uses.
  const marker = `zq${Date.now().toString(36)}`;
  const file = async (data: Record<string, unknown>) =>
    (await api.fileIncident({ blastRadius: "SINGLE_SERVICE", impact: { usersAffected: 10 }, status: "INVESTIGATING", ...data })).reference;
  // A title a spreadsheet would run as a formula, with a quote and a comma in it.
  const hostileTitle = `=Checkout "declined", ${marker}`;
  const aiSev1 = await file({
    title: hostileTitle,
    severity: "SEV1",
    services: ["checkout-api"],
    startedAt: hoursAgo(3),
    change: { authorLevel: "MID", approval: "PEER" },
    ai: { involvement: "GENERATED" },
  });
  await file({ title: `Cart slow ${marker}`, severity: "SEV2", services: ["cart"], startedAt: hoursAgo(2) });
  const plainSev1 = await file({ title: `Cart down ${marker}`, severity: "SEV1", services: ["cart"], startedAt: hoursAgo(1) });

  await page.goto("/incidents");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill(marker);
  await openMenu(page, "Severity");
  await page.getByRole("group", { name: "Severity" }).getByRole("checkbox", { name: "Sev1" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(new RegExp(`[?&]q=${marker}(&|$)`));
  await expect(page).toHaveURL(/[?&]severity=SEV1(&|$)/);
  await expect.poll(() => tableReferences(page)).toEqual([plainSev1, aiSev1]);

  // Narrow further: AI-generated changes only.
  await openMenu(page, "AI involvement");
  await page.getByRole("group", { name: "AI involvement" }).getByRole("checkbox", { name: "AI-generated" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]ai=GENERATED(&|$)/);
  await expect.poll(() => tableReferences(page)).toEqual([aiSev1]);
  await expect(page.getByRole("row", { name: new RegExp(aiSev1) })).toContainText("Policy violation");

  // The URL is the view: back to the two Sev1s, then a reload and a fresh tab show the same rows.
  await page.goBack();
  await expect.poll(() => tableReferences(page)).toEqual([plainSev1, aiSev1]);
  const link = page.url();
  await page.reload();
  await expect.poll(() => tableReferences(page)).toEqual([plainSev1, aiSev1]);
  const other = await page.context().newPage();
  await other.goto(link);
  await expect.poll(() => tableReferences(other)).toEqual([plainSev1, aiSev1]);
  await expect(other.getByRole("searchbox", { name: "Search" })).toHaveValue(marker);
  await other.close();

  // The CSV holds exactly the rows of the view, in its order, with the hostile title inert.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^incidents-\d{12}\.csv$/);
  const [header, ...rows] = parseCsv(await readFile(await download.path(), "utf8"));
  expect(rows.map((row) => row[0])).toEqual(await tableReferences(page));
  const title = header!.indexOf("title");
  expect(rows.find((row) => row[0] === aiSev1)?.[title]).toBe(`'${hostileTitle}`);
});

test("the column choice is remembered across visits", async ({ page }) => {
  // Each test has a browser context of its own, so this choice does not leak into others.
  await page.goto("/incidents");
  const teamsHeader = page.getByRole("columnheader", { name: "Teams", exact: true });
  await expect(teamsHeader).toHaveCount(0);
  await openMenu(page, "Columns");
  await page.getByRole("checkbox", { name: "Teams", exact: true }).check();
  await expect(teamsHeader).toBeVisible();
  await page.reload();
  await expect(teamsHeader).toBeVisible();
  await page.goto("/incidents?severity=SEV2");
  await expect(teamsHeader).toBeVisible();
});
