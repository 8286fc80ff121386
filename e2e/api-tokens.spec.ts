import { mitigatedIncidentBody } from "@/test/incident-body";
import { mintToken, runCli } from "./cli";
import { queryAppDatabase } from "./db";
import { apiWith, expect, test } from "./fixtures/api";
import { storageStateOf } from "./roles";

// The whole life of an API token against the running app: minted and revoked with the
// command line, used over HTTP in between.
test("a token minted with the CLI files and reads an incident, and is refused once revoked", async ({ request }) => {
  const name = `e2e-api-${Date.now()}`;
  const token = mintToken(name, "ENGINEER");
  expect(token).toMatch(/^opr_[A-Za-z0-9_-]{43}$/);
  const api = apiWith(request, token);
  const data = mitigatedIncidentBody({
    title: `Checkout latency from the API ${Date.now()}`,
    severity: "SEV2",
    minutesAgo: { started: 90, detected: 80, mitigated: 30 },
    usersAffected: 340,
    region: "eu-west-1",
    rootCause: { category: "CAPACITY", description: "Connection pool exhausted." },
  });

  const created = await api.post("/api/v1/incidents", data);
  expect(created.status(), await created.text()).toBe(201);
  const incident = (await created.json()) as { id: string; reference: string; impactMinutes: number; version: number };
  expect(incident.reference).toMatch(/^INC-\d{4}-\d{4,}$/);
  expect(incident).toMatchObject({ version: 1, impactMinutes: 60 });
  expect(created.headers().location).toBe(`/api/v1/incidents/${incident.reference}`);

  const read = await api.get(`/api/v1/incidents/${incident.reference}`);
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ id: incident.id, title: data.title, services: ["checkout-api"] });

  const [row] = await queryAppDatabase<{ id: string }>("SELECT id FROM api_tokens WHERE name = $1", [name]);
  runCli(["token", "revoke", "--id", row!.id]);

  const refused = await api.post("/api/v1/incidents", data);
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect(Number((await queryAppDatabase<{ n: string }>("SELECT count(*) AS n FROM incidents WHERE title = $1", [data.title]))[0]?.n)).toBe(1);
});

test.describe("the API tokens page", () => {
  test.use({ storageState: storageStateOf("ADMIN") });

  test("an admin mints a token, sees it once, and revokes it", async ({ page, request }) => {
    const name = `e2e-ui-${Date.now()}`;
    await page.goto("/admin/tokens");
    await page.getByRole("button", { name: "Mint token" }).click();
    await expect(page.getByText("Token name: is required")).toBeVisible();

    await page.getByLabel("Token name").fill(name);
    await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
    await page.getByRole("button", { name: "Mint token" }).click();
    const token = await page.getByLabel("New API token").inputValue();
    expect(token).toMatch(/^opr_[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText("it will not be shown again")).toBeVisible();
    const row = page.getByRole("table", { name: /API tokens/ }).getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(`opr_${token.slice(4, 12)}…`);
    await expect(row).toContainText("VIEWER");

    const api = apiWith(request, token);
    expect((await api.get("/api/v1/incidents/INC-1900-0001")).status()).toBe(404);
    await page.reload();
    await expect(page.getByLabel("New API token")).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);

    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
    await expect(row).toContainText("Revoked");
    expect((await api.get("/api/v1/incidents/INC-1900-0001")).status()).toBe(401);
  });
});
