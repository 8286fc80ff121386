import { addWeeks, formatIsoWeek, isoWeekOf } from "@/lib/time/iso-week";
import { queryAppDatabase } from "./db";
import { expect, test } from "./fixtures/api";
import { agenda, asRole, card, sev1In, userId } from "./review-fixtures";

// Weeks no other test touches (the demo data holds meetings 1 to 5 weeks back).
const weekAgo = (weeks: number) => formatIsoWeek(addWeeks(isoWeekOf(new Date(), "UTC"), -weeks));
const PREPARED_WEEK = weekAgo(6);
const FROZEN_WEEK = weekAgo(9);

const storedTitles = (week: string) =>
  queryAppDatabase<{ title: string }>("SELECT a.title FROM agenda_items a JOIN reviews r ON r.id = a.review_id WHERE r.iso_week = $1 ORDER BY a.position", [
    week,
  ]).then((rows) => rows.map((r) => r.title));

test("a lead prepares and runs the weekly review; a viewer reads the record and prints it", async ({ browser, api }) => {
  const title = `Card payments refused ${Date.now()}`;
  const incident = await api.fileIncident(sev1In(PREPARED_WEEK, title, 4321));
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

  const afterDeepDive = agenda(page)
    .getByRole("article")
    .nth((await storedTitles(PREPARED_WEEK)).indexOf(deepDive) + 1);
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

test("an incident edited after the meeting started is flagged, and the frozen figures stay", async ({ browser, api }) => {
  const incident = await api.fileIncident(sev1In(FROZEN_WEEK, `Sign-in outage ${Date.now()}`, 2500));
  const { context, page } = await asRole(browser, "LEAD");
  await page.goto(`/reviews/${FROZEN_WEEK}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Start meeting" }).click();
  await expect(page.getByText("Now discussing", { exact: true }).first()).toBeVisible();

  const patched = await api.patch(`/api/v1/incidents/${incident.reference}`, {
    version: incident.version,
    impact: { usersAffected: 98765, regions: ["eu-west-1"], capabilities: ["checkout"] },
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

test("a week that does not exist is not found", async ({ browser }) => {
  const { context, page } = await asRole(browser, "VIEWER");
  const response = await page.goto("/reviews/2026-W99");
  expect(response?.status()).toBe(404);
  await context.close();
});
