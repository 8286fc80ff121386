import { instantToWallTime } from "@/lib/time/zoned";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/api";
import { queryAppDatabase } from "./db";
import { demoEmail, storageStateOf } from "./roles";

// An engineer in Berlin: timeline times are typed on Berlin's clocks and must be stored as the right instants.
test.use({ timezoneId: "Europe/Berlin", storageState: storageStateOf("ENGINEER") });

const minutesAgo = (minutes: number) => {
  const at = new Date(Date.now() - minutes * 60_000);
  at.setUTCSeconds(0, 0);
  return at;
};

/** "2026-11-24T10:30" as Berlin's clocks show the instant. */
const berlinWallTime = (instant: Date) => instantToWallTime(instant, "Europe/Berlin");

/** A resolved incident of this test's own, as the API files it. */
const resolvedIncident = (title: string, markdown = "Card payments failed at the last step.") => ({
  title,
  summary: markdown,
  severity: "SEV1",
  status: "RESOLVED",
  services: ["checkout-api"],
  startedAt: minutesAgo(180).toISOString(),
  detectedAt: minutesAgo(170).toISOString(),
  mitigatedAt: minutesAgo(120).toISOString(),
  resolvedAt: minutesAgo(60).toISOString(),
  impact: { usersAffected: 5200, regions: ["eu-west-1"], capabilities: ["checkout"] },
  blastRadius: "SINGLE_SERVICE",
  rootCause: { category: "CODE_CHANGE", description: markdown },
  change: { reference: "PR-981", authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "ASSISTED", tool: "GitHub Copilot", description: markdown },
});

const demoUserId = async (role: "ENGINEER" | "LEAD") =>
  (await queryAppDatabase<{ id: string }>("SELECT id FROM users WHERE email = $1", [demoEmail(role)]))[0]!.id;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function addTimelineEvent(page: Page, at: Date, kind: string, text: string) {
  const form = page.getByRole("form", { name: "Add a timeline event" });
  await form.getByLabel("Time").fill(berlinWallTime(at));
  await form.getByLabel("Kind").selectOption(kind);
  await form.getByLabel("What happened", { exact: true }).fill(text);
  await form.getByRole("button", { name: "Add event" }).click();
  // Line breaks render as <br>, so look for the first line.
  await expect(page.getByRole("list", { name: "Timeline events" }).getByText(text.split("\n")[0]!)).toBeVisible();
}

async function addWhy(page: Page, text: string) {
  const form = page.getByRole("form", { name: "Add the next why" });
  await form.getByLabel("Next why", { exact: true }).fill(text);
  await form.getByRole("button", { name: "Add why" }).click();
  await expect(page.getByRole("list", { name: "Five whys" }).getByText(text.split("\n")[0]!)).toBeVisible();
}

async function addActionItem(page: Page, title: string, ownerId: string, priority: string, type: string) {
  const form = page.getByRole("form", { name: "Add an action item" });
  await form.getByLabel("Action item", { exact: true }).fill(title);
  await form.getByLabel("Owner").selectOption(ownerId);
  await form.getByLabel("Due date").fill(inDays(21));
  await form.getByLabel("Priority").selectOption(priority);
  await form.getByLabel("Type").selectOption(type);
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(page.getByRole("row", { name: new RegExp(title) })).toBeVisible();
}

test("an engineer writes the postmortem with a timeline, five whys and action items; a lead publishes it", async ({ page, api, browser }) => {
  const incident = await api.fileIncident(resolvedIncident(`Checkout card failures ${Date.now()}`));
  await page.goto(`/incidents/${incident.reference}/postmortem`);
  await expect(page.getByRole("heading", { level: 1, name: "Postmortem" })).toBeVisible();

  await page.getByLabel("Impact statement", { exact: true }).fill("**5,200** shoppers could not pay by card for 60 minutes.");
  await page.getByLabel("Contributing factors", { exact: true }).fill("- Retry change without load test\n- No canary stage");
  await page.getByLabel("What went well", { exact: true }).fill("Rollback took 4 minutes.");
  await page.getByLabel("Where we got lucky", { exact: true }).fill("It happened outside the evening peak.");
  await page.getByLabel("Lessons learned", { exact: true }).fill("Load-test retry changes.");
  await page.getByRole("button", { name: "Preview impact statement" }).click();
  await expect(page.getByRole("region", { name: "Impact statement preview" }).locator("strong")).toHaveText("5,200");
  await page.getByRole("button", { name: "Save postmortem" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sections saved." })).toBeVisible();

  // Entered out of order, then put right by moving the earlier one up.
  const deployed = minutesAgo(185);
  const alarmed = minutesAgo(170);
  await addTimelineEvent(page, alarmed, "DETECTION", "Error-rate alarm fired; on-call paged.");
  await addTimelineEvent(page, deployed, "CHANGE", "Deployment of PR-981 began.");
  const events = page.getByRole("list", { name: "Timeline events" }).getByRole("listitem");
  await expect(events).toHaveCount(2);
  await events.filter({ hasText: "Deployment of PR-981" }).getByRole("button", { name: "Move up" }).click();
  await expect(events.first()).toContainText("Deployment of PR-981 began.");
  await expect(events.last()).toContainText("Error-rate alarm fired");

  await addWhy(page, "Why did card payments fail? The gateway client retried without backoff.");
  await addWhy(page, "Why was that not caught? Retry changes are not load-tested.");

  const engineerId = await demoUserId("ENGINEER");
  await addActionItem(page, "Load-test retry changes before release", engineerId, "P1", "PREVENT");
  await addActionItem(page, "Alarm on card decline rate per region", engineerId, "P2", "DETECT");

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/Submitted for review by/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0); // an engineer may not publish

  const stored = await queryAppDatabase<{ state: string; occurred_at: Date[]; whys: string[]; items: string }>(
    `SELECT p.state,
            (SELECT array_agg(occurred_at ORDER BY position) FROM timeline_events WHERE postmortem_id = p.id) AS occurred_at,
            (SELECT array_agg(text ORDER BY position) FROM five_whys WHERE postmortem_id = p.id) AS whys,
            (SELECT count(*) FROM action_items WHERE incident_id = p.incident_id) AS items
       FROM postmortems p WHERE p.incident_id = $1`,
    [incident.id],
  );
  expect(stored[0]?.state).toBe("IN_REVIEW");
  expect(stored[0]?.occurred_at.map((d) => d.toISOString())).toEqual([deployed.toISOString(), alarmed.toISOString()]);
  expect(stored[0]?.whys).toHaveLength(2);
  expect(Number(stored[0]?.items)).toBe(2);

  const lead = await browser.newContext({ storageState: storageStateOf("LEAD"), timezoneId: "Europe/Berlin" });
  const leadPage = await lead.newPage();
  await leadPage.goto(`/incidents/${incident.reference}/postmortem`);
  await expect(leadPage.getByText("This incident has 2 action items.")).toBeVisible();
  await leadPage.getByRole("button", { name: "Publish" }).click();
  await expect(leadPage.getByText(/Published by/)).toBeVisible();
  await expect(leadPage.locator("header").getByText("Published", { exact: true })).toBeVisible();

  await leadPage.goto(`/incidents/${incident.reference}`);
  const panel = leadPage.getByRole("region", { name: "Postmortem" });
  await expect(panel.getByText("Published", { exact: true })).toBeVisible();
  await expect(panel.getByText(/Published by/)).toBeVisible();
  await expect(panel.getByRole("row", { name: /Load-test retry changes/ })).toBeVisible();
  await lead.close();

  const [published] = await queryAppDatabase<{ state: string; published_by_id: string; published_at: Date | null }>(
    "SELECT state, published_by_id, published_at FROM postmortems WHERE incident_id = $1",
    [incident.id],
  );
  expect(published).toMatchObject({ state: "PUBLISHED", published_by_id: await demoUserId("LEAD") });
  expect(published?.published_at).not.toBeNull();
});

// Stored in every markdown field; each would set window.__xss if it ever ran.
const XSS = ['<img src=x onerror="window.__xss=1">', "<script>window.__xss=1</script>", "[click](javascript:window.__xss=1)"];
const PAYLOAD = XSS.join("\n");

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator("img[onerror], [onerror], [onload], a[href^='javascript:' i]")).toHaveCount(0);
}

test("markup stored in every markdown field is shown as text and never runs", async ({ page, api, browser }) => {
  const incident = await api.fileIncident(resolvedIncident(`Markup in every field ${Date.now()}`, PAYLOAD));
  await page.goto(`/incidents/${incident.reference}/postmortem`);
  for (const label of ["Impact statement", "Contributing factors", "What went well", "Where we got lucky", "Lessons learned"]) {
    await page.getByLabel(label, { exact: true }).fill(PAYLOAD);
    await page.getByRole("button", { name: `Preview ${label.toLowerCase()}` }).click();
    const preview = page.getByRole("region", { name: `${label} preview` });
    for (const text of XSS) await expect(preview.getByText(text)).toBeVisible();
  }
  await expectInert(page);
  await page.getByRole("button", { name: "Save postmortem" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sections saved." })).toBeVisible();
  await addTimelineEvent(page, minutesAgo(175), "DETECTION", PAYLOAD);
  await addWhy(page, PAYLOAD);
  await page.reload();
  for (const list of ["Timeline events", "Five whys"]) {
    for (const text of XSS) await expect(page.getByRole("list", { name: list }).getByText(text)).toBeVisible();
  }
  await expectInert(page);

  // The incident page: summary, root cause and AI description, and the postmortem panel below them.
  await page.goto(`/incidents/${incident.reference}`);
  for (const text of XSS) expect(await page.getByText(text).count()).toBeGreaterThanOrEqual(3 + 5 + 2);
  await expectInert(page);

  // The read-only editor page a viewer gets renders the same fields through the same renderer.
  const viewer = await browser.newContext({ storageState: storageStateOf("VIEWER") });
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(`/incidents/${incident.reference}/postmortem`);
  await expect(viewerPage.getByRole("button", { name: "Save postmortem" })).toHaveCount(0);
  for (const text of XSS) expect(await viewerPage.getByText(text).count()).toBeGreaterThanOrEqual(5 + 2);
  await expectInert(viewerPage);
  await viewer.close();
});

test("typed text is never lost by leaving: the app stops at a notice, the browser asks before unloading", async ({ page, api }) => {
  const incident = await api.fileIncident(resolvedIncident(`Unsaved postmortem ${Date.now()}`));
  await page.goto(`/incidents/${incident.reference}/postmortem`);
  const impact = page.getByLabel("Impact statement", { exact: true });
  await impact.fill("Shoppers could not pay for 40 minutes.");
  await page.getByRole("form", { name: "Add the next why" }).getByLabel("Next why", { exact: true }).fill("Why did the retries pile up?");

  // A link inside the app stops at the notice, naming what would be lost; staying keeps it all.
  await page.getByRole("link", { name: incident.reference }).click();
  const notice = page.getByRole("alertdialog", { name: "You have unsaved changes" });
  await expect(notice).toContainText("the write-up and the next why");
  await expect(notice.getByRole("button", { name: "Stay on this page" })).toBeFocused();
  await notice.getByRole("button", { name: "Stay on this page" }).click();
  await expect(notice).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.reference}/postmortem$`));
  await expect(impact).toHaveValue("Shoppers could not pay for 40 minutes.");

  // Closing or reloading the tab: the browser asks first; dismissed, the page and the text stay.
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(impact).toHaveValue("Shoppers could not pay for 40 minutes.");

  // Once everything is saved, leaving asks nothing.
  await page.getByRole("form", { name: "Add the next why" }).getByRole("button", { name: "Add why" }).click();
  await expect(page.getByRole("list", { name: "Five whys" })).toContainText("Why did the retries pile up?");
  await page.getByRole("button", { name: "Save postmortem" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sections saved." })).toBeVisible();
  await page.getByRole("link", { name: incident.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.reference}$`));
  await expect(page.getByRole("region", { name: "Impact statement" })).toContainText("Shoppers could not pay for 40 minutes.");

  // Leaving anyway goes, and drops only what was not saved.
  await page.goto(`/incidents/${incident.reference}/postmortem`);
  await impact.fill("A sentence nobody saved.");
  await page.getByRole("link", { name: incident.reference }).click();
  await notice.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.reference}$`));
  await expect(page.getByRole("region", { name: "Impact statement" })).toContainText("Shoppers could not pay for 40 minutes.");
});

test("a postmortem nobody has written in reads Not started, never Draft", async ({ page, api }) => {
  const title = `Never started postmortem ${Date.now()}`;
  const incident = await api.fileIncident(resolvedIncident(title));
  const postmortemPanel = page.getByRole("region", { name: "Postmortem", exact: true });

  await page.goto(`/incidents/${incident.reference}`);
  await expect(postmortemPanel.getByText("Not started", { exact: true })).toBeVisible();
  await expect(postmortemPanel.getByText("Draft", { exact: true })).toHaveCount(0);
  await page.goto(`/incidents?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("row", { name: new RegExp(incident.reference) })).toContainText("Not started");

  // Saving the empty write-up makes a postmortem row, but still nothing is written.
  await page.goto(`/incidents/${incident.reference}/postmortem`);
  const header = page.locator("article > header");
  await expect(header.getByText("Not started", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Save postmortem" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/ })).toBeVisible();
  expect(await queryAppDatabase("SELECT 1 FROM postmortems WHERE incident_id = $1", [incident.id])).toHaveLength(1);
  await page.reload();
  await expect(header.getByText("Not started", { exact: true })).toBeVisible();
  await page.goto(`/incidents?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("row", { name: new RegExp(incident.reference) })).toContainText("Not started");

  // Once something is written it is a draft.
  await page.goto(`/incidents/${incident.reference}/postmortem`);
  await page.getByLabel("Impact statement", { exact: true }).fill("Some shoppers saw errors.");
  await page.getByRole("button", { name: "Save postmortem" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sections saved." })).toBeVisible();
  await page.goto(`/incidents/${incident.reference}`);
  await expect(postmortemPanel.getByText("Draft", { exact: true })).toBeVisible();
});
