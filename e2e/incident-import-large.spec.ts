import { expect, test } from "./fixtures/api";

// The import streams a file of any size: a body past the 10 MB Next.js buffers for its proxy
// reaches the route whole (a dry run, so nothing is written).
test.use({ apiRole: "ENGINEER" });

test("a CSV past 10 MB reaches the import whole through the running app", async ({ request, api }) => {
  const rows = 30_000;
  const filler = "Checkout latency rose while the pool was exhausted. ".repeat(8);
  const lines = ["title,severity,status,services,started_at,summary"];
  for (let row = 0; row < rows; row++) lines.push(`Large file row ${row},SEV2,INVESTIGATING,checkout-api,2020-01-01T00:00:00Z,${filler}`);
  const body = `${lines.join("\r\n")}\r\n`;
  expect(body.length).toBeGreaterThan(11 * 1024 * 1024);
  const response = await request.post("/api/v1/incidents/import?dryRun=true", {
    headers: { authorization: `Bearer ${api.token}`, "content-type": "text/csv" },
    data: body,
  });
  expect(response.status(), (await response.text()).slice(0, 500)).toBe(200);
  expect(await response.json()).toMatchObject({ rows, errors: [] });
});
