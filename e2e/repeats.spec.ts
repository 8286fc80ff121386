import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/api";
import { storageStateOf } from "./roles";

// A LEAD files two incidents that form a repeat, on a service of this test's own (other tests
// file incidents at the same time), and one more that is no repeat.
test.use({ storageState: storageStateOf("LEAD"), apiRole: "LEAD" });

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const tableReferences = (page: Page) => page.getByRole("table").locator("tbody tr td:first-child").allTextContents();

test("the Repeat badge and filter in the list, and a LEAD marks a repeat as not one on the incident page", async ({ page, api }) => {
  const marker = `rq${Date.now().toString(36)}`;
  await api.create("/api/v1/services", { slug: `svc-${marker}`, name: `Service ${marker}`, team: `team-${marker}` });
  const file = async (title: string, days: number, category: string) =>
    (
      await api.fileIncident({
        title: `${title} ${marker}`,
        severity: "SEV2",
        status: "RESOLVED",
        services: [`svc-${marker}`],
        startedAt: daysAgo(days),
        mitigatedAt: daysAgo(days - 0.1),
        resolvedAt: daysAgo(days - 0.2),
        impact: { usersAffected: 10 },
        blastRadius: "SINGLE_SERVICE",
        rootCause: { category },
      })
    ).reference;
  const earlier = await file("Queue backlog", 20, "CAPACITY");
  const later = await file("Queue backlog again", 3, "CAPACITY");
  const unrelated = await file("Bad flag", 1, "CONFIG_CHANGE");

  await page.goto(`/incidents?q=${marker}`);
  await expect.poll(() => tableReferences(page)).toEqual([unrelated, later, earlier]);
  await expect(page.getByRole("row", { name: new RegExp(later) })).toContainText("Repeat");
  await expect(page.getByRole("row", { name: new RegExp(earlier) })).not.toContainText("Repeat");

  await page.getByRole("combobox", { name: "Repeats" }).selectOption("true");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]repeat=true(&|$)/);
  await expect.poll(() => tableReferences(page)).toEqual([later]);

  await page.getByRole("link", { name: later }).click();
  const panel = page.getByRole("region", { name: "Repeats" });
  const repeat = panel.getByRole("listitem", { name: earlier });
  await expect(repeat).toContainText(`Queue backlog ${marker}`);
  await expect(repeat).toContainText(`Shared services: Service ${marker}`);
  await expect(repeat).toContainText("No action items were agreed after it");

  await repeat.getByRole("textbox", { name: `Why ${earlier} is not a repeat (optional)` }).fill("Different queue");
  await repeat.getByRole("button", { name: "Not a repeat" }).click();
  const marked = panel.getByRole("list", { name: "Marked as not repeats" }).getByRole("listitem", { name: earlier });
  await expect(marked).toContainText("“Different queue”");
  await expect(marked).toContainText("lead@demo.ops-review.test");
  await expect(panel).toContainText("No earlier incident is a repeat of this one.");
});
