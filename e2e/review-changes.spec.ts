import { expect, test } from "./fixtures/api";
import { asRole, card } from "./review-fixtures";

test("the week at a glance shows the change failure rate, and the AI change review declared vs detected involvement", async ({ browser, api }) => {
  // A week of 2018 no other test or the demo data touches: 5 to 11 March.
  const week = "2018-W10";
  const checkoutChange = (n: number, day: string, authorLevel: string, more = {}) => ({
    reference: `E2E-2018-PR-${n}`,
    service: "checkout-api",
    deployedAt: `2018-03-${day}T09:00:00Z`,
    change: { authorLevel, approval: "PEER" },
    ai: { involvement: "NONE" },
    ...more,
  });
  for (const change of [
    // Declared NONE by a MID with PEER sign-off, while a trailer names Claude: AI-assisted, without the required sign-off.
    checkoutChange(1, "05", "MID", {
      title: "Batch the stock updates",
      url: "https://git.example.com/shop/pull/1901",
      commits: [{ sha: "18a0b1c", message: "Batch the stock updates\n\nCo-authored-by: Claude <noreply@anthropic.com>" }],
    }),
    checkoutChange(2, "06", "SENIOR"),
    checkoutChange(3, "07", "SENIOR"),
  ])
    await api.recordChange(change);
  await api.fileIncident({
    title: "Stock counts wrong after a deploy",
    severity: "SEV2",
    status: "RESOLVED",
    services: ["checkout-api"],
    startedAt: "2018-03-05T10:00:00Z",
    mitigatedAt: "2018-03-05T10:45:00Z",
    resolvedAt: "2018-03-05T12:00:00Z",
    impact: { usersAffected: 120 },
    blastRadius: "SINGLE_SERVICE",
    rootCause: { category: "CODE_CHANGE" },
    change: { reference: "E2E-2018-PR-1" },
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
