import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { addWeeks, formatIsoWeek, isoWeekOf, isoWeekStartDate } from "@/lib/time/iso-week";
import { mintToken } from "./cli";
import { queryAppDatabase } from "./db";
import { demoEmail, storageStateOf } from "./roles";

// Weeks no other test touches (the demo data holds meetings 1 to 5 weeks back).
const weekAgo = (weeks: number) => formatIsoWeek(addWeeks(isoWeekOf(new Date(), "UTC"), -weeks));
const PREPARED_WEEK = weekAgo(6);
const FROZEN_WEEK = weekAgo(9);

/** Wednesday noon (UTC) of a week, plus some minutes, as an instant. */
const midweek = (week: string, plusMinutes = 0) => {
  const [year, number] = week.split("-W").map(Number);
  const monday = isoWeekStartDate({ year: year!, week: number! });
  return new Date(Date.parse(`${monday}T12:00:00Z`) + (2 * 24 * 60 + plusMinutes) * 60_000);
};

/** A Sev1 of this test's own in `week`, filed through the API. */
async function fileSev1(request: APIRequestContext, week: string, title: string, usersAffected: number) {
  const token = mintToken(`e2e-review-${Date.now()}`, "ENGINEER");
  const response = await request.post("/api/v1/incidents", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      title,
      summary: "Checkout failed for card payments.",
      severity: "SEV1",
      status: "RESOLVED",
      services: ["checkout-api"],
      startedAt: midweek(week).toISOString(),
      detectedAt: midweek(week, 5).toISOString(),
      mitigatedAt: midweek(week, 95).toISOString(),
      resolvedAt: midweek(week, 240).toISOString(),
      impact: { usersAffected, regions: ["eu-west-1"], capabilities: ["checkout"] },
      blastRadius: "SINGLE_SERVICE",
      rootCause: { category: "CONFIG_CHANGE", description: "A **feature flag** was flipped for everyone at once." },
      change: { reference: "CHG-77", authorLevel: "MID", approval: "PEER" },
      ai: { involvement: "AGENT", tool: "Kiro", description: "The agent rolled out the flag change." },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { token, ...((await response.json()) as { id: string; reference: string; version: number }) };
}

const agenda = (page: Page) => page.getByRole("list", { name: "Agenda" });
const card = (page: Page, title: string | RegExp) => agenda(page).getByRole("article", { name: title });
const storedTitles = (week: string) =>
  queryAppDatabase<{ title: string }>("SELECT a.title FROM agenda_items a JOIN reviews r ON r.id = a.review_id WHERE r.iso_week = $1 ORDER BY a.position", [week]).then((rows) =>
    rows.map((r) => r.title),
  );
const userId = async (role: "ENGINEER" | "LEAD") => (await queryAppDatabase<{ id: string }>("SELECT id FROM users WHERE email = $1", [demoEmail(role)]))[0]!.id;

async function asRole(browser: Browser, role: "VIEWER" | "LEAD") {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { context, page: await context.newPage() };
}

test("a lead prepares and runs the weekly review; a viewer reads the record and prints it", async ({ browser, request }) => {
  const title = `Card payments refused ${Date.now()}`;
  const incident = await fileSev1(request, PREPARED_WEEK, title, 4321);
  const deepDive = `${incident.reference}: ${title}`;
  const { context, page } = await asRole(browser, "LEAD");
  await page.goto(`/reviews/${PREPARED_WEEK}`);
  await expect(page.getByRole("heading", { level: 1, name: `Weekly review ${PREPARED_WEEK}` })).toBeVisible();
  await expect(card(page, new RegExp(incident.reference))).toContainText("4,321");

  // By keyboard: the deep dive moves one place down, and focus stays with it.
  const shownTitles = () => agenda(page).getByRole("heading", { level: 2 }).allTextContents();
  const from = (await shownTitles()).indexOf(deepDive);
  expect(from).toBeGreaterThan(0); // the week at a glance comes first
  await page.getByRole("button", { name: `Move “${deepDive}” down` }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await shownTitles()).indexOf(deepDive)).toBe(from + 1);
  const focusedMove = new RegExp(`^Move “${deepDive}” (up|down)$`);
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", focusedMove);
  await expect(page.getByRole("status").filter({ hasText: "Order saved." })).toBeVisible();
  await expect.poll(async () => (await storedTitles(PREPARED_WEEK)).indexOf(deepDive)).toBe(from + 1);
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", focusedMove);

  // An item of the lead's own, then dragged up one place by its handle.
  const custom = `Holiday capacity plan ${Date.now()}`;
  const addForm = page.getByRole("form", { name: "Add an item" });
  await addForm.getByLabel("Title").fill(custom);
  await addForm.getByLabel("Minutes").fill("7");
  await addForm.getByRole("button", { name: "Add item" }).click();
  await expect(agenda(page).getByRole("article").last()).toHaveAccessibleName(custom);
  // Dropped on the item above it (both on screen: a drag cannot scroll), it takes that item's place.
  const items = agenda(page).getByRole("article");
  const above = items.nth((await items.count()) - 2);
  const before = await storedTitles(PREPARED_WEEK);
  const aboveBox = (await above.boundingBox())!;
  await page.getByRole("img", { name: `Drag handle of “${custom}”` }).dragTo(above, { targetPosition: { x: 60, y: aboveBox.height - 24 } });
  await expect(items.nth((await items.count()) - 2)).toHaveAccessibleName(custom);
  await expect(page.getByRole("status").filter({ hasText: "Order saved." })).toBeVisible();
  await expect.poll(() => storedTitles(PREPARED_WEEK)).toEqual([...before.slice(0, -2), custom, before.at(-2)]);

  // A presenter and a time box for the deep dive.
  const settings = page.getByRole("form", { name: `Presenter and time box of “${deepDive}”` });
  await settings.getByLabel("Presenter").selectOption({ label: "Lena Lead" });
  await settings.getByLabel("Time box (minutes)").fill("12");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(card(page, deepDive)).toContainText("Presenter: Lena Lead · Time box: 12 min");

  await page.getByRole("button", { name: "Mark prepared" }).click();
  await expect(page.getByRole("button", { name: "Mark prepared" })).toHaveCount(0);
  await expect(page.getByRole("main").getByText("Prepared", { exact: true })).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Start meeting" }).click();
  await expect(page.getByText("Now discussing", { exact: true }).first()).toBeVisible();
  await expect(agenda(page).getByRole("article").first().getByRole("timer")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Move/ })).toHaveCount(0); // the agenda is frozen

  // The deep dive: discussed out of order, a decision recorded, an action item agreed on the spot.
  await card(page, deepDive).getByRole("button", { name: "Discuss this item" }).click();
  await expect(card(page, deepDive).getByRole("timer")).toBeVisible();
  const notes = page.getByRole("form", { name: `Notes and decision on “${deepDive}”` });
  await notes.getByLabel("Notes").fill("The flag went to 100 % with no canary.");
  await notes.getByLabel("Decision").fill("Flags roll out in stages from now on.");
  await notes.getByRole("button", { name: "Save notes" }).click();
  await expect(notes.getByRole("status")).toHaveText("Notes and decision saved.");

  const actionTitle = `Staged rollouts for feature flags ${Date.now()}`;
  await card(page, deepDive).getByText("Add action item").click();
  const actionForm = page.getByRole("form", { name: `New action item from “${deepDive}”` });
  await actionForm.getByLabel("Action item").fill(actionTitle);
  await actionForm.getByLabel("Owner").selectOption(await userId("ENGINEER"));
  await actionForm.getByLabel("Due date").fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await actionForm.getByLabel("Priority").selectOption("P1");
  await actionForm.getByLabel("Type").selectOption("PREVENT");
  await actionForm.getByRole("button", { name: "Create action item" }).click();
  await expect(actionForm.getByRole("status")).toContainText(`added to ${incident.reference}`);
  const stored = await queryAppDatabase<{ priority: string; review_week: string }>(
    "SELECT a.priority, r.iso_week AS review_week FROM action_items a JOIN reviews r ON r.id = a.review_id WHERE a.incident_id = $1 AND a.title = $2",
    [incident.id, actionTitle],
  );
  expect(stored).toEqual([{ priority: "P1", review_week: PREPARED_WEEK }]);
  const incidentPage = await context.newPage();
  await incidentPage.goto(`/incidents/${incident.reference}`);
  await expect(incidentPage.getByText(actionTitle).first()).toBeVisible();

  const afterDeepDive = agenda(page).getByRole("article").nth((await storedTitles(PREPARED_WEEK)).indexOf(deepDive) + 1);
  await page.getByRole("button", { name: "Next item" }).click();
  await expect(afterDeepDive.getByRole("timer")).toBeVisible();
  await expect(card(page, deepDive)).toContainText(/Discussed: \d\d:\d\d/);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Finish meeting" }).click();
  await expect(page.getByText("Done", { exact: true }).first()).toBeVisible();
  await context.close();

  // A viewer reads the record: no forms, no editing buttons, the decision as text.
  const viewer = await asRole(browser, "VIEWER");
  await viewer.page.goto(`/reviews/${PREPARED_WEEK}`);
  await expect(card(viewer.page, deepDive)).toContainText("Flags roll out in stages from now on.");
  await expect(card(viewer.page, deepDive).getByRole("cell", { name: actionTitle })).toBeVisible();
  await expect(viewer.page.getByRole("form")).toHaveCount(0);
  await expect(viewer.page.getByRole("textbox")).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: /Save|Move|Remove|Discuss|Start|Finish|Mark prepared|Add/ })).toHaveCount(0);

  await viewer.page.emulateMedia({ media: "print" });
  await expect(viewer.page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(viewer.page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(card(viewer.page, deepDive)).toContainText("Flags roll out in stages from now on.");
  await viewer.page.screenshot({ path: test.info().outputPath("review-print.png"), fullPage: true });
  await viewer.context.close();
});

test("an incident edited after the meeting started is flagged, and the frozen figures stay", async ({ browser, request }) => {
  const incident = await fileSev1(request, FROZEN_WEEK, `Sign-in outage ${Date.now()}`, 2500);
  const { context, page } = await asRole(browser, "LEAD");
  await page.goto(`/reviews/${FROZEN_WEEK}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Start meeting" }).click();
  await expect(page.getByText("Now discussing", { exact: true }).first()).toBeVisible();

  const patched = await request.patch(`/api/v1/incidents/${incident.reference}`, {
    headers: { Authorization: `Bearer ${incident.token}` },
    data: { version: incident.version, impact: { usersAffected: 98765, regions: ["eu-west-1"], capabilities: ["checkout"] } },
  });
  expect(patched.status(), await patched.text()).toBe(200);

  await page.reload();
  const flag = page.getByRole("region", { name: /Changed since the meeting/ });
  await expect(flag).toContainText(incident.reference);
  await expect(flag).toContainText(`version ${incident.version} at the meeting → ${incident.version + 1} now`);
  const deepDive = card(page, new RegExp(incident.reference));
  await expect(deepDive).toContainText("2,500");
  await expect(deepDive).not.toContainText("98,765");
  await context.close();
});

test("the week at a glance shows the change failure rate, and the AI change review declared vs detected involvement", async ({ browser, request }) => {
  // A week of 2018 no other test or the demo data touches: 5 to 11 March.
  const week = "2018-W10";
  const token = mintToken(`e2e-review-changes-${Date.now()}`, "ENGINEER");
  const headers = { Authorization: `Bearer ${token}` };
  const post = async (path: string, data: object) => {
    const response = await request.post(path, { headers, data });
    expect(response.status(), await response.text()).toBe(201);
  };
  // Declared NONE by a MID with PEER sign-off, while a trailer names Claude: AI-assisted, without the required sign-off.
  await post("/api/v1/changes", {
    reference: "E2E-2018-PR-1", service: "checkout-api", deployedAt: "2018-03-05T09:00:00Z", title: "Batch the stock updates", url: "https://git.example.com/shop/pull/1901",
    change: { authorLevel: "MID", approval: "PEER" }, ai: { involvement: "NONE" },
    commits: [{ sha: "18a0b1c", message: "Batch the stock updates\n\nCo-authored-by: Claude <noreply@anthropic.com>" }],
  });
  for (const [n, day] of [[2, "06"], [3, "07"]]) {
    await post("/api/v1/changes", { reference: `E2E-2018-PR-${n}`, service: "checkout-api", deployedAt: `2018-03-${day}T09:00:00Z`, change: { authorLevel: "SENIOR", approval: "PEER" }, ai: { involvement: "NONE" } });
  }
  await post("/api/v1/incidents", {
    title: "Stock counts wrong after a deploy", severity: "SEV2", status: "RESOLVED", services: ["checkout-api"],
    startedAt: "2018-03-05T10:00:00Z", mitigatedAt: "2018-03-05T10:45:00Z", resolvedAt: "2018-03-05T12:00:00Z",
    impact: { usersAffected: 120 }, blastRadius: "SINGLE_SERVICE", rootCause: { category: "CODE_CHANGE" }, change: { reference: "E2E-2018-PR-1" },
  });

  const { context, page } = await asRole(browser, "VIEWER");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/reviews/${week}`);
  // 3 deployed, PR-1 failed: 1 of 3 (33.3 %); AI-involved 1 of 1; other 0 of 2.
  const changes = card(page, "The week at a glance").getByRole("region", { name: "Changes deployed" });
  await expect(changes).toContainText("Changes: 3 deployed, 1 failed (33.3 %)");
  await expect(changes).toContainText("AI-involved: 1 of 1 failed (100.0 %) · Other: 0 of 2 (0.0 %)");
  await expect(changes).toContainText("Shipped without required sign-off: 1");

  const review = card(page, /^AI-involved changes/);
  await expect(review.getByRole("link", { name: "E2E-2018-PR-1" })).toHaveAttribute("href", "https://git.example.com/shop/pull/1901");
  await expect(review).toContainText("Declared: none · Detected in commit trailers: AI-assisted (Claude)");
  await expect(review.getByRole("note")).toHaveText(/The commit trailers show AI involvement the author did not declare/);
  await expect(review).toContainText("Shipped without the required sign-off: it had peer sign-off, the policy requires senior or manager sign-off");
  await expect(review).toContainText("60 min before impact began");
  await page.screenshot({ path: test.info().outputPath("review-changes-1440.png"), fullPage: true });

  // On a phone nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(review).toContainText("Declared: none");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath("review-changes-390.png"), fullPage: true });
  await context.close();
});

test("a week that does not exist is not found", async ({ browser }) => {
  const { context, page } = await asRole(browser, "VIEWER");
  const response = await page.goto("/reviews/2026-W99");
  expect(response?.status()).toBe(404);
  await context.close();
});

/** Opens the week's review as a LEAD and starts its meeting. */
async function startMeeting(browser: Browser, week: string) {
  const lead = await asRole(browser, "LEAD");
  await lead.page.emulateMedia({ reducedMotion: "reduce" });
  await lead.page.goto(`/reviews/${week}`);
  lead.page.once("dialog", (dialog) => void dialog.accept());
  await lead.page.getByRole("button", { name: "Start meeting" }).click();
  await expect(lead.page.getByText("Now discussing", { exact: true }).first()).toBeVisible();
  return lead;
}

test("in the meeting an action item lands on the incident picked, and the week at a glance agrees a follow-up", async ({ browser, request }) => {
  // A week of 2018 no other test or the demo data touches: two AI-involved Sev1s share the AI change review.
  const week = "2018-W20";
  await fileSev1(request, week, `Basket emptied ${Date.now()}`, 120);
  await fileSev1(request, week, `Vouchers refused ${Date.now()}`, 340);
  const { context, page } = await startMeeting(browser, week);

  // The item about two incidents preselects neither: the person must pick one.
  const aiReview = card(page, /^AI-involved changes: 2 incidents/);
  await aiReview.getByText("Add action item").click();
  const aiForm = aiReview.getByRole("form", { name: /^New action item from/ });
  const incident = aiForm.getByLabel("Incident");
  await expect(incident).toHaveValue("");
  await expect(incident.locator("option")).toHaveCount(3);
  await expect(incident.locator("option").first()).toHaveText("Choose an incident…");
  const second = await incident.locator("option").nth(2).getAttribute("value");
  expect(second).toMatch(/^INC-/);
  const title = `Canary for agent-run flag changes ${Date.now()}`;
  await aiForm.getByLabel("Action item").fill(title);
  await aiForm.getByLabel("Owner").selectOption(await userId("ENGINEER"));
  await aiForm.getByLabel("Due date").fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await aiForm.getByRole("button", { name: "Create action item" }).click();
  expect(await incident.evaluate((select) => (select as HTMLSelectElement).validity.valueMissing)).toBe(true);
  await incident.selectOption(second!);
  await aiForm.getByRole("button", { name: "Create action item" }).click();
  await expect(aiForm.getByRole("status")).toContainText(`added to ${second}`);
  const incidentPage = await context.newPage();
  await incidentPage.goto(`/incidents/${second}`);
  await expect(incidentPage.getByText(title).first()).toBeVisible();
  await incidentPage.close();

  // The week at a glance is about no incident: its action item is a follow-up of the review.
  const metrics = card(page, "The week at a glance");
  await metrics.getByText("Add action item").click();
  const metricsForm = metrics.getByRole("form", { name: /^New action item from/ });
  await expect(metricsForm.getByLabel("Incident")).toHaveCount(0);
  await expect(metricsForm).toContainText(`No incident: a follow-up agreed in review ${week}.`);
  const followUp = `Report availability per region ${Date.now()}`;
  await metricsForm.getByLabel("Action item").fill(followUp);
  await metricsForm.getByLabel("Owner").selectOption(await userId("LEAD"));
  await metricsForm.getByLabel("Due date").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await metricsForm.getByRole("button", { name: "Create action item" }).click();
  await expect(metricsForm.getByRole("status")).toContainText(`recorded as a follow-up of review ${week}`);
  await expect(metrics.getByRole("row", { name: new RegExp(followUp) })).toContainText("Review follow-up");
  const stored = await queryAppDatabase<{ title: string; reference: string | null; review_week: string }>(
    `SELECT a.title, i.reference, r.iso_week AS review_week FROM action_items a LEFT JOIN incidents i ON i.id = a.incident_id
     JOIN reviews r ON r.id = a.review_id WHERE a.title IN ($1, $2) ORDER BY a.created_at`,
    [title, followUp],
  );
  expect(stored).toEqual([{ title, reference: second, review_week: week }, { title: followUp, reference: null, review_week: week }]);
  await context.close();
});

test("only a lead spins the wheel, and only while the meeting runs; a viewer sees where it landed", async ({ browser }) => {
  const week = "2018-W22";
  const { context, page } = await startMeeting(browser, week);
  // A viewer following along cannot spin the wheel; the lead's spin shows there where it landed.
  const viewer = await asRole(browser, "VIEWER");
  await viewer.page.goto(`/reviews/${week}`);
  const viewerWheel = card(viewer.page, /^The wheel/);
  await expect(viewerWheel).toContainText("The wheel is spun in the meeting");
  await expect(viewerWheel.getByRole("button", { name: /Spin/ })).toHaveCount(0);
  const wheel = card(page, /^The wheel/);
  await wheel.getByRole("button", { name: "Spin the wheel" }).click();
  await expect(wheel.getByRole("button", { name: "Spin again" })).toBeVisible();
  await expect(wheel).toContainText("This week:");
  await viewer.page.reload();
  await expect(viewerWheel).toContainText("This week:");
  await expect(viewerWheel.getByRole("button", { name: /Spin/ })).toHaveCount(0);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Finish meeting" }).click();
  await expect(page.getByText("Done", { exact: true }).first()).toBeVisible();
  await expect(wheel).toContainText("This week:");
  await expect(wheel.getByRole("button", { name: /Spin/ })).toHaveCount(0);
  await viewer.context.close();
  await context.close();
});
