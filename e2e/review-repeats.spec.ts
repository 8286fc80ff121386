import { queryAppDatabase } from "./db";
import { expect, test } from "./fixtures/api";
import { agenda, asRole, card, sev1In, userId } from "./review-fixtures";

test("a Sev1 deep dive shows its repeats with the action items done before it, after the last meeting's follow-ups", async ({ browser, api }) => {
  // Weeks of 2017 no other test or the demo data touches: the meeting on 2017-W30 was held and
  // decided something; 2017-W31 has a Sev1 repeating a capacity incident of 2017-W28.
  const week = "2017-W31";
  const capacity = { rootCause: { category: "CAPACITY", description: "The pool ran out of connections." } };
  const earlier = await api.fileIncident({ ...sev1In("2017-W28", `Checkout pool exhausted ${Date.now()}`, 80), severity: "SEV2", ...capacity });
  const repeat = await api.fileIncident({ ...sev1In(week, `Checkout pool exhausted again ${Date.now()}`, 900), ...capacity });
  const lead = await userId("LEAD");
  // Three action items after the first: one done before the repeat started (Wednesday noon of 2017-W31), one after, one open.
  for (const [title, status, completedAt] of [
    ["Raise the pool size", "DONE", "2017-07-20T00:00:00Z"],
    ["Alert on pool saturation", "DONE", "2017-08-10T00:00:00Z"],
    ["Load-test checkout", "OPEN", null],
  ])
    await queryAppDatabase(
      `INSERT INTO action_items (id, incident_id, title, owner_id, due_date, type, status, completed_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, '2017-09-01', 'PREVENT', $4, $5, now())`,
      [earlier.id, title, lead, status, completedAt],
    );
  const [held] = await queryAppDatabase<{ id: string }>(
    `INSERT INTO reviews (id, iso_week, meeting_date, status, started_at, finished_at, updated_at)
     VALUES (gen_random_uuid(), '2017-W30', '2017-08-02', 'DONE', '2017-08-02T09:00:00Z', '2017-08-02T10:00:00Z', now()) RETURNING id`,
  );
  const [metricsItem] = await queryAppDatabase<{ id: string }>(
    `INSERT INTO agenda_items (id, review_id, kind, title, position, minutes, decision, proposal_key, updated_at)
     VALUES (gen_random_uuid(), $1, 'METRICS', 'The week at a glance', 0, 5, 'Cap checkout connections per pod', 'METRICS', now()) RETURNING id`,
    [held!.id],
  );
  await queryAppDatabase(
    `INSERT INTO action_items (id, review_id, agenda_item_id, title, owner_id, due_date, type, status, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'Publish the capacity plan', $3, '2017-08-07', 'PROCESS', 'OPEN', now())`,
    [held!.id, metricsItem!.id, lead],
  );

  const { context, page } = await asRole(browser, "VIEWER");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/reviews/${week}`);
  // Right after the week at a glance: the decision, and the action item with its status now, overdue at the meeting.
  const followUps = card(page, "Follow-ups from the 2017-W30 review: 1 decision, 0 of 1 action item done");
  await expect(agenda(page).getByRole("article").nth(1)).toHaveAccessibleName(/^Follow-ups from the 2017-W30 review/);
  await expect(followUps.getByRole("region", { name: "Decisions recorded" })).toContainText("Cap checkout connections per pod");
  await expect(followUps.getByRole("row", { name: /Publish the capacity plan/ })).toContainText(/Open\s*Overdue/);

  const repeats = card(page, new RegExp(`^${repeat.reference}:`)).getByRole("region", { name: `Repeats of ${repeat.reference}` });
  await expect(repeats.getByRole("link", { name: earlier.reference })).toHaveAttribute("href", `/incidents/${earlier.reference}`);
  await expect(repeats).toContainText("Checkout pool exhausted");
  await expect(repeats).toContainText("1 of 3 action items done before this incident started");
  await page.screenshot({ path: test.info().outputPath("review-repeats-1440.png"), fullPage: true });

  // On a phone nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(repeats).toContainText("1 of 3 action items done");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath("review-repeats-390.png"), fullPage: true });
  await context.close();
});
