import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ROLES } from "@/lib/auth/permissions";
import { formatIsoWeek, isoWeekOf } from "@/lib/time/iso-week";
import { queryAppDatabase } from "./db";
import { storageStateOf } from "./roles";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Demo records the pages with parameters are visited with. */
type Samples = { reference: string; heldWeek: string; slug: string; webhookId: string };

/** Page routes without parameters, visited at their own path. */
const PLAIN_ROUTES = [
  "/",
  "/sign-in",
  "/dashboard",
  "/executive",
  "/incidents",
  "/incidents/new",
  "/incidents/import",
  "/action-items",
  "/action-items/mine",
  "/changes",
  "/reviews",
  "/services",
  "/services/new",
  "/teams",
  "/teams/new",
  "/api-docs",
  "/admin/users",
  "/admin/tokens",
  "/admin/settings",
  "/admin/integrations",
  "/admin/webhooks",
];
/**
 * Every page route and the paths it is visited at. A page added under app/ without an entry
 * here fails the first test below, so no page escapes the width checks.
 */
const VISITS: Record<string, (s: Samples) => string[]> = {
  ...Object.fromEntries(PLAIN_ROUTES.map((route) => [route, () => [route]])),
  "/incidents/[reference]": (s) => [`/incidents/${s.reference}`],
  "/incidents/[reference]/edit": (s) => [`/incidents/${s.reference}/edit`],
  "/incidents/[reference]/postmortem": (s) => [`/incidents/${s.reference}/postmortem`],
  // A held meeting's record, and this week's proposal.
  "/reviews/[week]": (s) => [`/reviews/${s.heldWeek}`, `/reviews/${formatIsoWeek(isoWeekOf(new Date(), "UTC"))}`],
  "/services/[slug]": (s) => [`/services/${s.slug}`],
  "/services/[slug]/edit": (s) => [`/services/${s.slug}/edit`],
  "/teams/[slug]/edit": () => ["/teams/storefront/edit"],
  // A webhook's delivery log when there is one; else the page for a webhook that does not exist.
  "/admin/webhooks/[id]": (s) => [`/admin/webhooks/${s.webhookId}`],
};

/** "app/incidents/[reference]/page.tsx" → "/incidents/[reference]"; route groups "(x)" vanish. */
function pageRoutes(): string[] {
  const app = path.join(process.cwd(), "app");
  return readdirSync(app, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === "page.tsx")
    .map(
      (entry) =>
        `/${path
          .relative(app, entry.parentPath)
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s))
          .join("/")}`,
    )
    .sort();
}

let samples: Samples;

test.beforeAll(async () => {
  // The incident with the most on its page: a postmortem with action items, its change recorded.
  const [incident] = await queryAppDatabase<{ reference: string }>(
    `SELECT i.reference FROM incidents i JOIN postmortems p ON p.incident_id = i.id
     WHERE EXISTS (SELECT 1 FROM action_items a WHERE a.incident_id = i.id)
     ORDER BY EXISTS (SELECT 1 FROM changes c WHERE c.reference = i.change_reference) DESC, i.started_at DESC LIMIT 1`,
  );
  const [review] = await queryAppDatabase<{ iso_week: string }>("SELECT iso_week FROM reviews WHERE status = 'DONE' ORDER BY iso_week DESC LIMIT 1");
  const [service] = await queryAppDatabase<{ slug: string }>("SELECT slug FROM services WHERE slug = 'checkout-api'");
  if (!incident || !review || !service) throw new Error("The demo data lacks an incident with a postmortem, a held review or the checkout-api service.");
  const [webhook] = await queryAppDatabase<{ id: string }>("SELECT id::text AS id FROM webhooks ORDER BY created_at LIMIT 1");
  samples = { reference: incident.reference, heldWeek: review.iso_week, slug: service.slug, webhookId: webhook?.id ?? "00000000-0000-4000-8000-000000000000" };
});

const visitPaths = () => Object.values(VISITS).flatMap((paths) => paths(samples));

/** The paths among `paths` whose document is wider than the window, with both widths. */
async function pagesScrollingSideways(page: Page, paths: string[]): Promise<string[]> {
  // Twenty-odd pages in one test: give it the time of three.
  test.slow();
  const wide: string[] = [];
  for (const target of paths) {
    const response = await page.goto(target, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) wide.push(`${target} (answered ${response?.status()}) is ${scrollWidth} px wide in a ${innerWidth} px window`);
  }
  return wide;
}

test("every page of the app is in the visit list", () => {
  expect(Object.keys(VISITS).sort(), "add the new page to VISITS in e2e/phone-width.spec.ts").toEqual(pageRoutes());
});

test("signed out, the sign-in page and the pages that send there do not scroll sideways on a phone", async ({ page, baseURL }) => {
  await page.setViewportSize(PHONE);
  // Where a signed-out visitor of each page lands (the page itself, or the sign-in page it
  // sends them to), each place rendered once.
  const landings = new Set<string>();
  for (const target of visitPaths()) {
    const response = await page.request.get(target, { maxRedirects: 0 });
    const location = response.headers()["location"];
    landings.add(location ? new URL(location, baseURL).pathname : target);
  }
  expect(landings.has("/sign-in")).toBe(true);
  expect(await pagesScrollingSideways(page, [...landings])).toEqual([]);
});

for (const role of ROLES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    // Pages the role may not open answer 403: that page must fit as well.
    test("no page scrolls sideways on a 390 px phone", async ({ page }) => {
      await page.setViewportSize(PHONE);
      expect(await pagesScrollingSideways(page, visitPaths())).toEqual([]);
    });
  });
}

// The administrator sees every page and the fullest header: one desktop pass covers the rest.
test.describe("as ADMIN on a desktop", () => {
  test.use({ storageState: storageStateOf("ADMIN") });

  test("no page scrolls sideways at 1440 px", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    expect(await pagesScrollingSideways(page, visitPaths())).toEqual([]);
  });
});

test.describe("the header", () => {
  test.use({ storageState: storageStateOf("ADMIN") });

  test("on a phone the links sit behind a Menu button that opens by keyboard and closes on navigation", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/incidents");
    const nav = page.getByRole("navigation", { name: "Main" });
    const menu = nav.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Reviews" })).toBeHidden();
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeHidden();

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const name of ["Dashboard", "Incidents", "Reviews", "Users", "Settings", "File an incident"])
      await expect(nav.getByRole("link", { name, exact: true })).toBeInViewport();
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeInViewport();
    await expect(nav.getByLabel("Signed in as")).toContainText("admin@demo.ops-review.test");

    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();

    await menu.click();
    await nav.getByRole("link", { name: "Reviews" }).click();
    await expect(page).toHaveURL(/\/reviews$/);
    await expect(page.getByRole("heading", { level: 1, name: "Weekly reviews" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Reviews" })).toBeHidden();
  });

  test("at 1440 px the administrator's header is one line, with every link and Sign out in view", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto("/incidents");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("button", { name: "Menu" })).toBeHidden();
    const items = nav.locator("a, button, [aria-label='Signed in as']").filter({ visible: true });
    expect(await items.count()).toBeGreaterThanOrEqual(15);
    const middles = await items.evaluateAll((elements) =>
      elements.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)),
    );
    expect(Math.max(...middles) - Math.min(...middles), `vertical centres ${middles.join(", ")}`).toBeLessThanOrEqual(4);
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeInViewport();
  });

  test("the first key press offers a skip link to the main content, and every control shows a focus ring", async ({ page }) => {
    await page.goto("/incidents/new");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await expect(skip).toHaveAttribute("href", "#main");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.querySelector("main#main")?.contains(document.activeElement))).toBe(true);

    const main = page.getByRole("main");
    const controls = ["input[type=text]", "input[type=checkbox]", "select", "textarea", "button"].map((kind) => main.locator(kind).first());
    controls.push(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Incidents", exact: true }));
    for (const control of controls) {
      await control.focus();
      const outline = await control.evaluate((e) => ({
        style: getComputedStyle(e).outlineStyle,
        width: parseFloat(getComputedStyle(e).outlineWidth),
        of: e.outerHTML.slice(0, 80),
      }));
      expect(outline.style, outline.of).not.toBe("none");
      expect(outline.width, outline.of).toBeGreaterThanOrEqual(2);
    }
  });
});
