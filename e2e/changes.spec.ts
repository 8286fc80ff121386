import type { Page } from "@playwright/test";
import { expectToContainEach } from "./expect-texts";
import { expect, test, type Api } from "./fixtures/api";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("ENGINEER") });

// Deploys in a week of 2019 that no other test records in; every view below is bounded to it.
const WEEK = "from=2019-03-04&to=2019-03-10";

/** Opens a filter menu (a disclosure) of the filter bar. */
const openMenu = (page: Page, label: string) => page.locator("summary", { hasText: new RegExp(`^${label}`) }).click();

/** The change references in the table's body, top to bottom. */
async function listedReferences(page: Page, marker: string): Promise<string[]> {
  const rows = await page.getByRole("table").locator("tbody tr").allTextContents();
  return rows.map((text) => text.match(new RegExp(`${marker}-[a-z]+`))?.[0] ?? "?");
}

/** Records changes and files incidents through the API, as the deploy pipeline and on-call do. */
function recorder(api: Api, marker: string) {
  const record = (name: string, data: Record<string, unknown>) => api.recordChange({ reference: `${marker}-${name}`, title: `Change ${name}`, ...data });
  /** A mitigated incident on one service, caused by the change `reference`. */
  const file = async (reference: string, title: string, severity: string, service: string, startedAt: string, mitigatedAt: string) =>
    (
      await api.fileIncident({
        status: "MITIGATED",
        blastRadius: "SINGLE_SERVICE",
        impact: { usersAffected: 40 },
        title,
        severity,
        services: [service],
        startedAt,
        mitigatedAt,
        change: { reference },
      })
    ).reference;
  return { record, file };
}

async function recordWeek(api: Api, marker: string) {
  const { record, file } = recorder(api, marker);
  // Declared none by a mid-level author with peer sign-off, while a trailer names Claude: undeclared AI, without the required sign-off.
  const retry = await record("retry", {
    service: "checkout-api",
    deployedAt: "2019-03-04T09:00:00Z",
    change: { authorLevel: "MID", approval: "PEER" },
    commits: [
      {
        sha: "4f2a9c1d8e7b6a5c",
        message: "Retry payment authorisation\n\nThe gateway times out under load.\n\nCo-authored-by: Claude <noreply@anthropic.com>",
      },
      { sha: "5e3b0d2f9a8c7b6d", message: "Log the retries" },
    ],
  });
  const pricing = await record("pricing", {
    service: "cart",
    deployedAt: "2019-03-05T09:00:00Z",
    change: { authorLevel: "SENIOR", approval: "MANAGER" },
    ai: { involvement: "GENERATED", tool: "Codex" },
  });
  const ranking = await record("ranking", {
    service: "search",
    deployedAt: "2019-03-06T09:00:00Z",
    change: { authorLevel: "JUNIOR", approval: "PEER" },
    ai: { involvement: "ASSISTED", tool: "GitHub Copilot" },
  });
  const resize = await record("resize", { service: "cart", deployedAt: "2019-03-07T09:00:00Z", change: { authorLevel: "PRINCIPAL", approval: "PEER" } });
  const flags = await record("flags", { service: "feature-flags", deployedAt: "2019-03-08T09:00:00Z", change: { authorLevel: "SENIOR", approval: "PEER" } });
  // Impact 42 minutes after the retry change went out, and a second incident from the same change.
  const declined = await file(retry, `Card payments declined ${marker}`, "SEV1", "checkout-api", "2019-03-04T09:42:00Z", "2019-03-04T10:30:00Z");
  const slow = await file(retry, `Slow confirmation ${marker}`, "SEV2", "checkout-api", "2019-03-04T13:00:00Z", "2019-03-04T13:20:00Z");
  const evicted = await file(resize, `Cart sessions lost ${marker}`, "SEV2", "cart", "2019-03-07T11:05:00Z", "2019-03-07T11:45:00Z");
  const unrecorded = await file(`${marker}-never-recorded`, `Search empty ${marker}`, "SEV2", "search", "2019-03-09T08:00:00Z", "2019-03-09T08:30:00Z");
  return { changes: { retry, pricing, ranking, resize, flags }, incidents: { declined, slow, evicted, unrecorded } };
}

test("filter the change list by service, AI involvement, sign-off and outcome, page through it, and follow a change to its incident", async ({ page, api }) => {
  const marker = `e2e${Date.now().toString(36)}`;
  const { changes, incidents } = await recordWeek(api, marker);
  expect(incidents.evicted).toMatch(/^INC-/);

  await page.goto(`/changes?${WEEK}`);
  await expect(page.getByRole("heading", { level: 1, name: "Changes" })).toBeVisible();
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.flags, changes.resize, changes.ranking, changes.pricing, changes.retry]);
  const retryRow = page.getByRole("row", { name: new RegExp(changes.retry) });
  await expectToContainEach(retryRow, [
    "Mid-level author",
    "Peer sign-off",
    "Declared: None",
    "Trailers: AI-assisted (Claude)",
    "Undeclared AI",
    "Without required sign-off",
  ]);
  await expect(page.getByRole("row", { name: new RegExp(changes.pricing) })).toContainText("Signed off as required");
  await expect(page.getByRole("row", { name: new RegExp(changes.flags) })).toContainText("—");

  // By service: the form keeps the week and adds the service to the URL.
  await openMenu(page, "Service");
  await page.getByRole("group", { name: "Service" }).getByRole("checkbox", { name: "Cart" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]service=cart(&|$)/);
  await expect(page).toHaveURL(/[?&]from=2019-03-04(&|$)/);
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.resize, changes.pricing]);

  // By AI involvement, declared or detected: the retry change declared none but its trailers say AI-assisted.
  await page.goto(`/changes?${WEEK}`);
  await openMenu(page, "AI involvement");
  await page.getByRole("group", { name: "AI involvement" }).getByRole("checkbox", { name: "AI-assisted" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]ai=ASSISTED(&|$)/);
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.ranking, changes.retry]);

  // Without the required sign-off, then only those that caused an incident.
  await page.goto(`/changes?${WEEK}`);
  await page.getByLabel("Sign-off").selectOption({ label: "Without required sign-off" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]signOff=violating(&|$)/);
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.ranking, changes.retry]);
  await page.getByLabel("Outcome").selectOption({ label: "Caused an incident" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]failed=true(&|$)/);
  await expect(page).toHaveURL(/[?&]signOff=violating(&|$)/);
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.retry]);

  // The URL is the view: a fresh tab on it shows the same rows and the same choices.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect.poll(() => listedReferences(other, marker)).toEqual([changes.retry]);
  await expect(other.getByLabel("Outcome")).toHaveValue("true");
  await other.close();

  await page.goto(`/changes?${WEEK}&failed=false`);
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.flags, changes.ranking, changes.pricing]);

  // A bad parameter is named, and the list shows without it.
  await page.goto(`/changes?${WEEK}&failed=maybe`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("failed");
  await expect.poll(() => listedReferences(page, marker)).toHaveLength(5);

  // Two at a time, forwards to the end and back to the start.
  await page.goto(`/changes?${WEEK}&limit=2`);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.flags, changes.resize]);
  await expect(pages.getByRole("link", { name: /Previous page/ })).toHaveCount(0);
  await pages.getByRole("link", { name: /Next page/ }).click();
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.ranking, changes.pricing]);
  await pages.getByRole("link", { name: /Next page/ }).click();
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.retry]);
  await expect(pages.getByRole("link", { name: /Next page/ })).toHaveCount(0);
  await pages.getByRole("link", { name: /Previous page/ }).click();
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.ranking, changes.pricing]);
  await pages.getByRole("link", { name: /Previous page/ }).click();
  await expect.poll(() => listedReferences(page, marker)).toEqual([changes.flags, changes.resize]);
  await expect(pages.getByRole("link", { name: /Previous page/ })).toHaveCount(0);

  // A row links to the incidents it caused; the incident shows the change that triggered it.
  await page.goto(`/changes?${WEEK}&service=checkout-api`);
  await page
    .getByRole("row", { name: new RegExp(changes.retry) })
    .getByRole("link", { name: incidents.declined })
    .click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${incidents.declined}$`));
  const panel = page.getByRole("region", { name: "Triggering change" });
  await expect(panel).toContainText("Checkout API");
  await expect(panel.getByRole("definition").filter({ hasText: /^42 min$/ })).toBeVisible();
  await expect(panel).toContainText("Mid-level author");
  await expect(panel).toContainText("Peer sign-off");
  await expect(panel.getByText("AI declared").locator("xpath=following-sibling::dd[1]")).toHaveText("None");
  await expect(panel.getByText("AI in the trailers").locator("xpath=following-sibling::dd[1]")).toContainText("AI-assisted (Claude)");
  await expect(panel).toContainText("Undeclared AI");
  await expect(panel).toContainText("Without required sign-off");
  await expect(panel).toContainText("Retry payment authorisation");
  // The full message opens from its subject line; a one-line message has nothing to open.
  await panel.getByText("Retry payment authorisation", { exact: true }).click();
  await expect(panel.getByText(/The gateway times out under load/)).toBeVisible();
  await expect(panel.getByRole("region", { name: "Other incidents from this change" }).getByRole("link", { name: incidents.slow })).toBeVisible();
  await expect(panel.getByRole("region", { name: "Other incidents from this change" }).getByRole("link", { name: incidents.declined })).toHaveCount(0);

  // A reference the pipeline never recorded is shown as it is, with a note and no panel.
  await page.goto(`/incidents/${incidents.unrecorded}`);
  await expect(page.getByText(`${marker}-never-recorded`)).toBeVisible();
  await expect(page.getByText("Not recorded by the deploy pipeline")).toBeVisible();
  await expect(page.getByRole("region", { name: "Triggering change" })).toHaveCount(0);
});

test("on a phone the change list is a column of cards and nothing scrolls sideways", async ({ page, api }) => {
  const marker = `e2e${Date.now().toString(36)}p`;
  const { record } = recorder(api, marker);
  const url = "https://git.example.com/retail/storefront-platform/checkout-experience/pull/48213/commits/4f2a9c1d8e7b6a5c4d3e2f1a0b9c8d7e6f5a4b3c?diff=split";
  const reference = await record("long", {
    reference: url,
    url,
    service: "checkout-api",
    deployedAt: "2019-03-12T09:00:00Z",
    commits: [{ message: "Retry\n\nAssisted-by: Cursor" }],
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/changes?from=2019-03-11&to=2019-03-17");
  const cards = page.getByRole("list", { name: "Changes" });
  await expect(cards).toBeVisible();
  await expect(cards.getByRole("listitem").filter({ hasText: reference })).toContainText("Undeclared AI");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("an incident filed in the form with a recorded change's reference takes its sign-off and AI involvement", async ({ page, api }) => {
  const marker = `e2e${Date.now().toString(36)}f`;
  const { record } = recorder(api, marker);
  const pricing = await record("pricing", {
    service: "cart",
    deployedAt: "2019-03-19T09:00:00Z",
    change: { authorLevel: "SENIOR", approval: "MANAGER" },
    ai: { involvement: "GENERATED", tool: "Codex" },
  });
  await page.goto("/incidents/new");
  await expect(
    page.getByText(
      "If the deploy pipeline recorded this change, its author level, sign-off and AI involvement are filled in from it unless you set them here.",
    ),
  ).toBeVisible();
  await page.getByLabel("Title").fill(`Cart totals wrong ${marker}`);
  await page.getByLabel("Severity").selectOption("SEV2");
  await page.getByRole("checkbox", { name: /Cart/ }).check();
  await page.getByLabel("Impact started").fill("2019-03-19T10:00");
  await page.getByLabel("Users affected").fill("12");
  await page.getByLabel("Blast radius").selectOption("SINGLE_SERVICE");
  await page.getByLabel("Change reference").fill(pricing);
  // Author level, sign-off and involvement are left at their first, empty choice.
  await expect(page.getByLabel("Highest sign-off")).toHaveValue("");
  await expect(page.getByLabel("AI involvement")).toHaveValue("");
  await page.getByRole("button", { name: "File incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Cart totals wrong ${marker}` })).toBeVisible();
  const fact = (name: string) => page.getByText(name, { exact: true }).locator("xpath=following-sibling::dd[1]");
  await expect(fact("Author level")).toHaveText("Senior");
  await expect(fact("Highest sign-off")).toHaveText("Manager");
  await expect(fact("AI involvement")).toHaveText("AI-generated");
  await expect(fact("AI tool")).toHaveText("Codex");
  await expect(page.getByRole("region", { name: "Triggering change" })).toContainText("Manager sign-off");
});
