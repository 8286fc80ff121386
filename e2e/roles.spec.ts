import { expect, test, type Browser } from "@playwright/test";
import { can } from "@/lib/auth/permissions";
import { queryAppDatabase } from "./db";
import { DEMO_PASSWORDS, ROLE_NAMES, demoEmail, storageStateOf } from "./roles";

test("the anonymous are sent to sign in, and come back where they were going", async ({ page }) => {
  await page.goto("/incidents/new");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fincidents%2Fnew$/);
  await expect(page.getByRole("region", { name: "Demo accounts (demo data only)" })).toContainText("viewer@demo.ops-review.test");
  await page.getByRole("button", { name: "Sign in as engineer" }).click();
  await expect(page).toHaveURL(/\/incidents\/new$/);
  await expect(page.getByRole("heading", { name: "File an incident" })).toBeVisible();
});

for (const role of ROLE_NAMES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("the navigation offers exactly what the role may do, and the server enforces it", async ({ page }) => {
      await page.goto("/incidents");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Incidents", exact: true })).toBeVisible();
      await expect(nav.getByRole("link", { name: "File an incident" })).toHaveCount(can(role, "incident:create") ? 1 : 0);
      await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(can(role, "user:manage") ? 1 : 0);
      await expect(nav.getByRole("link", { name: "API tokens" })).toHaveCount(can(role, "token:manage") ? 1 : 0);

      const newIncident = await page.goto("/incidents/new");
      expect(newIncident?.status()).toBe(can(role, "incident:create") ? 200 : 403);
      const users = await page.goto("/admin/users");
      expect(users?.status()).toBe(can(role, "user:manage") ? 200 : 403);
      if (!can(role, "user:manage")) await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    });
  });
}

async function cookiesOf(browser: Browser, storageState: string) {
  const context = await browser.newContext({ storageState });
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

test("a VIEWER cannot file an incident even by posting the form's server action directly", async ({ browser }) => {
  // Other tests file incidents in parallel: count only this one's.
  const countIncidents = async () =>
    Number((await queryAppDatabase<{ n: string }>("SELECT count(*) AS n FROM incidents WHERE title = 'Posted by a viewer'"))[0]?.n);
  const context = await browser.newContext({ storageState: storageStateOf("ENGINEER") });
  const page = await context.newPage();
  await page.goto("/incidents/new");
  // The engineer's page holds the action; the request that posts it carries a viewer's session.
  await context.clearCookies();
  await context.addCookies(await cookiesOf(browser, storageStateOf("VIEWER")));
  const before = await countIncidents();
  await page.getByLabel("Title").fill("Posted by a viewer");
  await page.getByLabel("Severity").selectOption("SEV2");
  await page.getByRole("checkbox", { name: /Cart/ }).check();
  await page.getByLabel("Impact started").fill("2026-01-05T10:00");
  await page.getByLabel("Users affected").fill("1");
  await page.getByLabel("Blast radius").selectOption("SINGLE_SERVICE");
  const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/incidents/new"));
  await page.getByRole("button", { name: "File incident" }).click();
  expect((await response).status()).toBeGreaterThanOrEqual(400);
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  expect(before).toBe(0);
  expect(await countIncidents()).toBe(0);
  await context.close();
});

test("signing out ends the session on the server: the old cookie no longer works", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(demoEmail("LEAD"));
  await page.getByLabel("Password").fill(DEMO_PASSWORDS.LEAD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  const signedIn = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(signedIn);
  const again = await replay.newPage();
  await again.goto("/incidents");
  await expect(again).toHaveURL(/\/sign-in/);
  await replay.close();
  await context.close();
});

test("repeated failed sign-ins are refused with a clear message", async ({ page }) => {
  // The app under test allows 5 failures per account in the window (SIGNIN_MAX_FAILURES).
  await page.goto("/sign-in");
  const email = `throttled-${Date.now()}@example.test`;
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Wrong e-mail or password/);
  }
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed sign-ins\. Try again in 15 minutes\./);
  const audited = await queryAppDatabase("SELECT 1 FROM audit_events WHERE action = 'auth.sign_in_refused' AND actor_label = $1", [email]);
  expect(audited.length).toBeGreaterThan(0);
});
