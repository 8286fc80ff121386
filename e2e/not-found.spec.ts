import { expect, request, test } from "@playwright/test";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("LEAD") });

type Back = { name: string; href: string };
const ALL_INCIDENTS: Back = { name: "All incidents", href: "/incidents" };

/** Path, the heading and a text the page shows, and the link back. */
const MISSING: [path: string, heading: string, text: string, back: Back][] = [
  ["/incidents/INC-2026-9999", "No incident INC-2026-9999", "References look like INC-2026-0042", ALL_INCIDENTS],
  ["/incidents/INC-2026-9999/edit", "No incident INC-2026-9999", "There is no incident INC-2026-9999", ALL_INCIDENTS],
  ["/incidents/INC-2026-9999/postmortem", "No postmortem for INC-2026-9999", "so there is no postmortem either", ALL_INCIDENTS],
  ["/reviews/2026-W99", "No review for week 2026-W99", "Weeks are written like 2026-W07", { name: "All reviews", href: "/reviews" }],
  ["/services/no-such-service", "No service no-such-service", "There is no service", { name: "All services", href: "/services" }],
  ["/no/such/page", "Page not found", "There is no page at this address", { name: "Dashboard", href: "/dashboard" }],
];

for (const [path, heading, text, back] of MISSING) {
  test(`${path} is a 404 that names what is missing`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(text)).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: back.name })).toHaveAttribute("href", back.href);
  });
}

test("a missing incident tells the anonymous nothing: they are sent to sign in", async () => {
  const anonymous = await request.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: { cookies: [], origins: [] } });
  const response = await anonymous.get("/incidents/INC-2026-9999", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/sign-in?callbackUrl=");
  await anonymous.dispose();
});

test("a reference typed with markup is shown as text", async ({ page }) => {
  const response = await page.goto(`/incidents/${encodeURIComponent("<b>INC</b>")}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No incident <b>INC</b>" })).toBeVisible();
});
