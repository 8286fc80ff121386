import { queryAppDatabase } from "./db";
import { expect, test } from "./fixtures/api";
import { asRole, card, sev1In, startMeeting, userId } from "./review-fixtures";

test("in the meeting an action item lands on the incident picked, and the week at a glance agrees a follow-up", async ({ browser, api }) => {
  // A week of 2018 no other test or the demo data touches: two AI-involved Sev1s share the AI change review.
  const week = "2018-W20";
  await api.fileIncident(sev1In(week, `Basket emptied ${Date.now()}`, 120));
  await api.fileIncident(sev1In(week, `Vouchers refused ${Date.now()}`, 340));
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
  expect(stored).toEqual([
    { title, reference: second, review_week: week },
    { title: followUp, reference: null, review_week: week },
  ]);
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
