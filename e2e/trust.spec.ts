import { spawnSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { mintToken } from "./cli";
import { queryAppDatabase } from "./db";
import { apiWith, expect, test } from "./fixtures/api";

// Defences that depend on what the app trusts: the sign-in page's words, the client address,
// the headers on every answer, and a server action refused after the page was loaded.

test.describe("the sign-in page", () => {
  test("shows its own message for a known code, and a generic one for anything else in the link", async ({ page }) => {
    await page.goto("/sign-in?error=AccountDeactivated");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("This account is deactivated.");

    const injected = encodeURIComponent('<img src=x onerror="window.__xss=1">Your account is locked: call +1 555 0100');
    await page.goto(`/sign-in?error=${injected}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Sign-in did not complete; try again.");
    await expect(page.getByRole("main")).not.toContainText("555 0100");
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});

test("a spoofed X-Forwarded-For or peer header does not choose the address sign-in throttling counts", async ({ request }) => {
  const email = `spoof-${Date.now()}@example.test`;
  const spoofs: Record<string, string>[] = [
    { "x-forwarded-for": "198.51.100.7" },
    { "x-forwarded-for": "198.51.100.8, 198.51.100.9" },
    { [PEER_ADDRESS_HEADER]: "198.51.100.10" },
    { "x-real-ip": "198.51.100.11" },
  ];
  for (const headers of spoofs) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answer = await request.post("/api/auth/callback/credentials", { headers, form: { csrfToken, email, password: "not-the-password", json: "true" } });
    expect(answer.status()).toBeLessThan(500);
  }
  const attempts = await queryAppDatabase<{ client_ip: string }>("SELECT client_ip FROM sign_in_attempts WHERE email = $1", [email]);
  expect(attempts.map((a) => a.client_ip)).toEqual(spoofs.map(() => "127.0.0.1"));
});

test("pages and the API send Cross-Origin-Opener-Policy; API answers are never stored", async ({ request }) => {
  const page = await request.get("/sign-in");
  expect(page.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  const api = apiWith(request, mintToken(`headers-${Date.now()}`, "VIEWER"));
  for (const answer of [await api.get("/api/v1/incidents"), await request.get("/api/v1/incidents")]) {
    expect(answer.headers()["cross-origin-opener-policy"]).toBe("same-origin");
    expect(answer.headers()["cache-control"]).toBe("no-store");
  }
});

test.describe("a server action refused after the page was loaded", () => {
  const email = `demoted-${Date.now()}@example.test`;
  const password = "a long enough password";
  let userId = "";

  test.beforeAll(async () => {
    const created = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "scripts/cli.ts", "user", "create", "--email", email, "--role", "ENGINEER", "--password-stdin"],
      {
        env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
        input: `${password}\n`,
        encoding: "utf8",
      },
    );
    expect(created.status, created.stderr).toBe(0);
    userId = (await queryAppDatabase<{ id: string }>("SELECT id FROM users WHERE email = $1", [email]))[0]!.id;
  });

  async function openActionItems(page: Page) {
    await page.goto("/action-items");
    await expect(page.getByRole("heading", { name: "Action items" })).toBeVisible();
    return page.getByRole("button", { name: /Save status of/ }).first();
  }

  test("says the role no longer allows it, or the session has ended, and changes nothing", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/incidents$/);
    const versions = async () => (await queryAppDatabase<{ sum: string }>("SELECT sum(version)::text AS sum FROM action_items"))[0]!.sum;
    const before = await versions();

    const save = await openActionItems(page);
    await queryAppDatabase("UPDATE users SET role = 'VIEWER' WHERE id = $1", [userId]);
    await save.click();
    await expect(page.getByRole("heading", { name: "That change is not allowed for your role" })).toBeVisible();
    await expect(page.getByText(/digest|reference:/)).toHaveCount(0);

    await queryAppDatabase("UPDATE users SET role = 'ENGINEER' WHERE id = $1", [userId]);
    const again = await openActionItems(page);
    await queryAppDatabase("DELETE FROM sessions WHERE user_id = $1", [userId]);
    await again.click();
    await expect(page.getByRole("heading", { name: "Your session has ended" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", "/sign-in?callbackUrl=%2Faction-items");
    expect(await versions()).toBe(before);
  });
});
