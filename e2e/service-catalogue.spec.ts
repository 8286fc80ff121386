import { expect, test } from "@playwright/test";
import { queryAppDatabase } from "./db";
import { storageStateOf } from "./roles";

// Other tests share this database: the services made here have slugs of their own, never
// carry incidents, and end retired.
const unique = () => `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;

const serviceRow = async (slug: string) =>
  (
    await queryAppDatabase<{ slo_target: number; team: string; retired: boolean; version: number }>(
      "SELECT s.slo_target, t.slug AS team, s.retired_at IS NOT NULL AS retired, s.version FROM services s JOIN teams t ON t.id = s.team_id WHERE s.slug = $1",
      [slug],
    )
  )[0];

test.describe("as a LEAD", () => {
  test.use({ storageState: storageStateOf("LEAD") });

  test("creates a service, edits its SLO and team, and retires it", async ({ page }) => {
    const slug = unique();
    const name = `Ledger ${slug.slice(4)}`;
    await page.goto("/services");
    await page.getByRole("link", { name: "New service" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New service" })).toBeVisible();

    // A bad SLO target is refused, naming the field, and the typed values stay.
    await page.getByLabel("Slug").fill(slug);
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Team").selectOption({ label: "Storefront" });
    await page.getByLabel("SLO target (%)").fill("100");
    await page.getByRole("button", { name: "Create service" }).click();
    await expect(page.getByRole("alert").first()).toContainText("SLO target: must be below 100 %");
    await expect(page.getByLabel("Slug")).toHaveValue(slug);
    expect(await serviceRow(slug)).toBeUndefined();

    await page.getByLabel("SLO target (%)").fill("99.5");
    await page.getByRole("button", { name: "Create service" }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${slug}$`));
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    expect(await serviceRow(slug)).toMatchObject({ slo_target: 0.995, team: "storefront", retired: false, version: 1 });

    await page.getByRole("link", { name: "Edit service" }).click();
    await page.getByLabel("SLO target (%)").fill("99.95");
    await page.getByLabel("Team").selectOption({ label: "Platform" });
    await page.getByRole("button", { name: "Save service" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    expect(await serviceRow(slug)).toMatchObject({ slo_target: 0.9995, team: "platform", version: 2 });
    await page.reload();
    await expect(page.getByLabel("SLO target (%)")).toHaveValue("99.95");

    await page.getByRole("button", { name: `Retire ${name}` }).click();
    await expect(page.getByRole("button", { name: `Bring ${name} back into service` })).toBeVisible();
    expect(await serviceRow(slug)).toMatchObject({ retired: true, version: 3 });

    await page.goto("/services");
    await expect(page.getByRole("rowheader", { name: `${name} Retired` })).toBeVisible();
    await page.goto("/incidents/new");
    await expect(page.getByRole("checkbox", { name: /Cart/ }).first()).toBeVisible();
    await expect(page.getByRole("checkbox", { name: new RegExp(name) })).toHaveCount(0);
  });

  test("a save based on an old version is refused and shows both values", async ({ page, context }) => {
    const slug = unique();
    await queryAppDatabase(
      "INSERT INTO services (id, slug, name, team_id, slo_target, updated_at) SELECT gen_random_uuid(), $1, $2, id, 0.999, now() FROM teams WHERE slug = 'storefront'",
      [slug, `Quotes ${slug.slice(4)}`],
    );
    const other = await context.newPage();
    await page.goto(`/services/${slug}/edit`);
    await other.goto(`/services/${slug}/edit`);
    await other.getByLabel("SLO target (%)").fill("99.5");
    await other.getByRole("button", { name: "Save service" }).click();
    await expect(other.getByRole("status")).toHaveText("Saved.");

    await page.getByLabel("SLO target (%)").fill("99.95");
    await page.getByRole("button", { name: "Save service" }).click();
    await expect(page.getByRole("alert").first()).toContainText("nothing was saved");
    const conflict = page.getByRole("region", { name: "Changed by someone else since you opened this page" });
    await expect(conflict.getByRole("row", { name: "SLO target 99.5 % 99.95 %" })).toBeVisible();
    expect(await serviceRow(slug)).toMatchObject({ slo_target: 0.995, version: 2 });
    // The page's retire button is as stale as its form: reload before retiring it.
    await page.reload();
    await page.getByRole("button", { name: /^Retire / }).click();
    await expect(page.getByRole("button", { name: /back into service/ })).toBeVisible();
  });

  test("cannot retire a team that owns active services, and is told which", async ({ page }) => {
    await page.goto("/teams");
    await page.getByRole("link", { name: "Edit team Payments" }).click();
    await page.getByRole("button", { name: "Retire Payments" }).click();
    await expect(page.getByRole("alert").first()).toContainText(/Payments still owns active services \(.*Payments Gateway.*\)/);
    expect((await queryAppDatabase<{ retired: boolean }>("SELECT retired_at IS NOT NULL AS retired FROM teams WHERE slug = 'payments'"))[0]?.retired).toBe(
      false,
    );
  });
});

test.describe("as an ENGINEER", () => {
  test.use({ storageState: storageStateOf("ENGINEER") });

  test("sees no controls to manage services or teams, and the edit pages are forbidden", async ({ page }) => {
    await page.goto("/services");
    await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Teams" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New service" })).toHaveCount(0);
    await page.goto("/services/checkout-api");
    await expect(page.getByRole("heading", { level: 1, name: "Checkout API" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit service" })).toHaveCount(0);
    await page.goto("/teams");
    await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New team" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Edit team/ })).toHaveCount(0);

    for (const path of ["/services/checkout-api/edit", "/services/new", "/teams/new", "/teams/storefront/edit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
  });
});
