import { expect, request, test } from "@playwright/test";
import { storageStateOf } from "./roles";

test.use({ storageState: storageStateOf("LEAD") });

const MISSING: { path: string; heading: string; text: string; back: { name: string; href: string } }[] = [
  {
    path: "/incidents/INC-2026-9999",
    heading: "No incident INC-2026-9999",
    text: "References look like INC-2026-0042",
    back: { name: "All incidents", href: "/incidents" },
  },
  {
    path: "/incidents/INC-2026-9999/edit",
    heading: "No incident INC-2026-9999",
    text: "There is no incident INC-2026-9999",
    back: { name: "All incidents", href: "/incidents" },
  },
  {
    path: "/incidents/INC-2026-9999/postmortem",
    heading: "No postmortem for INC-2026-9999",
    text: "so there is no postmortem either",
    back: { name: "All incidents", href: "/incidents" },
  },
  {
    path: "/reviews/2026-W99",
    heading: "No review for week 2026-W99",
    text: "Weeks are written like 2026-W07",
    back: { name: "All reviews", href: "/reviews" },
  },
  { path: "/services/no-such-service", heading: "No service no-such-service", text: "There is no service", back: { name: "All services", href: "/services" } },
  { path: "/no/such/page", heading: "Page not found", text: "There is no page at this address", back: { name: "Dashboard", href: "/dashboard" } },
];

for (const missing of MISSING) {
  test(`${missing.path} is a 404 that names what is missing`, async ({ page }) => {
    const response = await page.goto(missing.path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: missing.heading })).toBeVisible();
    await expect(page.getByText(missing.text)).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: missing.back.name })).toHaveAttribute("href", missing.back.href);
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
