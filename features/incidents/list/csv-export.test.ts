import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openRouteTestDatabase } from "@/test/route-handlers";
import { openIncidentCsvExport } from "./csv-export";
import { EMPTY_FILTERS } from "./params";
import { DEFAULT_SORT } from "./sort";
import { parseCsv } from "./test-csv";
import { createCatalogue, fileFixtures, NOW } from "./test-fixtures";

// GET /incidents/export under load: a limit on running exports, taken before the first byte,
// across instances; each export whole, from one snapshot.
const LIMIT = 3;
// No browser session here: the export authenticates the bearer token.
vi.mock("@/lib/auth/current-actor", () => ({ currentUiActor: async () => null, currentSessionUser: async () => null }));
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let exportCsv: (request: Request) => Promise<Response>;
let token = "";
let incidents = 0;

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  vi.stubEnv("EXPORT_MAX_CONCURRENT", String(LIMIT));
  await createCatalogue(harness.db);
  await fileFixtures(harness.db);
  incidents = await harness.db.incident.count();
  token = (await harness.mintToken("VIEWER")).token;
  exportCsv = (await import("@/app/incidents/export/route")).GET;
});
afterAll(() => harness.close());

const download = () => exportCsv(new Request("http://localhost/incidents/export", { headers: { authorization: `Bearer ${token}` } }));

/** Waits until only `remaining` exports hold a slot: a slot is freed when its transaction has ended, just after the last byte. */
async function untilSlotsFreeBut(remaining: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const [held] = await harness.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
    if (held?.n === remaining) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the export slots were not freed");
}
const untilSlotsFree = () => untilSlotsFreeBut(0);

describe("concurrent CSV exports", () => {
  it("runs at most EXPORT_MAX_CONCURRENT at once, refuses the rest with 429 and Retry-After before the first byte, and completes every one it starts", async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, download));
    const started = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 429);
    expect(started).toHaveLength(LIMIT);
    expect(refused).toHaveLength(20 - LIMIT);
    for (const response of refused) {
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ status: 429, detail: expect.stringContaining(`At most ${LIMIT}`) });
    }
    // Each started export is whole: the header, every incident, and the final CRLF.
    for (const response of started) {
      const [header, ...rows] = parseCsv(await response.text());
      expect(header?.[0]).toBe("reference");
      expect(rows).toHaveLength(incidents);
    }
    await untilSlotsFree();
    const after = await download();
    expect(after.status).toBe(200);
    await after.text();
  });

  it("frees a slot when a download is abandoned", async () => {
    await untilSlotsFree();
    const running = await Promise.all(Array.from({ length: LIMIT }, download));
    expect(running.map((r) => r.status)).toEqual(Array.from({ length: LIMIT }, () => 200));
    expect((await download()).status).toBe(429);
    await running[0]!.body!.cancel();
    await untilSlotsFreeBut(LIMIT - 1);
    const next = await download();
    expect(next.status).toBe(200);
    for (const response of [next, ...running.slice(1)]) expect(parseCsv(await response.text())).toHaveLength(incidents + 1);
  });

  it("counts the exports of every instance: another client on the same database is refused while the slots are taken", async () => {
    await untilSlotsFree();
    const running = await Promise.all(Array.from({ length: LIMIT }, download));
    // harness.db is a client of its own, as another app instance would have.
    expect(await openIncidentCsvExport(harness.db, { filters: EMPTY_FILTERS, sort: DEFAULT_SORT }, { timeZone: "UTC", maxConcurrent: LIMIT })).toBeNull();
    await Promise.all(running.map((r) => r.text()));
  });
});

describe("one export", () => {
  it("reads every page from the snapshot it started with, whatever is written meanwhile", async () => {
    await untilSlotsFree();
    const stream = await openIncidentCsvExport(
      harness.db,
      { filters: EMPTY_FILTERS, sort: DEFAULT_SORT },
      { timeZone: "UTC", maxConcurrent: LIMIT, now: NOW, pageSize: 2 },
    );
    expect(stream).not.toBeNull();
    const reader = stream!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (let chunk = 0; chunk < 2; chunk++) text += decoder.decode((await reader.read()).value); // the header and the first page
    const before = await harness.db.incident.findMany({ select: { reference: true, title: true } });
    await harness.db.incident.updateMany({ data: { title: "Renamed while exporting" } });
    for (let next = await reader.read(); !next.done; next = await reader.read()) text += decoder.decode(next.value);
    const [header, ...rows] = parseCsv(text);
    const title = header!.indexOf("title");
    expect(rows.map((r) => [r[0], r[title]]).sort()).toEqual(before.map((i) => [i.reference, i.title]).sort());
  });
});
