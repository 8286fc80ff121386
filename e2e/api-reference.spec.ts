import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./roles";

/** Every URL the page asks for while it loads and is used; the reference must work offline. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

const operation = (page: Page, name: string) => page.getByRole("article", { name, exact: true });

test.describe("signed in", () => {
  test.use({ storageState: storageStateOf("VIEWER") });

  test("the dashboard links to the API reference, which lists every operation from the app's own origin", async ({ page, baseURL }) => {
    const urls = recordRequests(page);
    await page.goto("/dashboard");
    await page.getByRole("main").getByRole("link", { name: "API reference" }).click();
    await expect(page).toHaveURL(/\/api-docs$/);
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();

    const filing = operation(page, "POST /api/v1/incidents");
    await expect(filing).toBeVisible();
    await expect(filing.getByRole("list", { name: "Request body of POST /api/v1/incidents" })).toContainText("impact.usersAffected");
    await expect(filing.getByRole("list", { name: "Request body of POST /api/v1/incidents" })).toContainText("one of SEV1, SEV2");

    const weekly = operation(page, "GET /api/v1/metrics/weekly");
    await expect(weekly.getByRole("list", { name: "Parameters of GET /api/v1/metrics/weekly" })).toContainText("from");
    await weekly.getByText("The weeks").click();
    await expect(weekly.getByRole("list", { name: "Response 200 of GET /api/v1/metrics/weekly" })).toContainText("weeks[].availability");

    await page.getByRole("navigation", { name: "Operations" }).getByRole("link", { name: "PATCH /api/v1/incidents/{id}" }).click();
    await expect(page).toHaveURL(/#patch-api-v1-incidents-id$/);

    const origin = new URL(baseURL ?? "").origin;
    const elsewhere = urls.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin);
    expect(elsewhere).toEqual([]);
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the reference is public, like the document it reads, and fits a phone's width", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/api-docs");
    await expect(operation(page, "GET /api/health")).toContainText("No token needed.");
    await expect(operation(page, "POST /api/v1/changes/check")).toContainText("Needs a bearer token");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
