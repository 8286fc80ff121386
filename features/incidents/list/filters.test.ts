import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { listIncidentPage, type IncidentPageRequest } from "../reads";
import { parseIncidentListParams } from "./params";
import { createCatalogue, fileFixtures, NOW, type FixtureName } from "./test-fixtures";

const { db } = useTestDatabase();
let filed: Awaited<ReturnType<typeof fileFixtures>>;

beforeAll(async () => {
  await createCatalogue(db);
  filed = await fileFixtures(db);
});

/** The fixtures a request lists, by letter, in the list's order. */
async function listed(request: IncidentPageRequest): Promise<string[]> {
  const letterOf = new Map(Object.entries(filed).map(([letter, f]) => [f.id, letter]));
  const page = await listIncidentPage(db, { pageSize: 50, now: NOW, ...request });
  return page.items.map((item) => letterOf.get(item.id) ?? item.reference);
}
/** The same, from a query string, as the page and the API read it. */
async function listedFor(query: string, timeZone = "UTC"): Promise<string[]> {
  const { params, errors } = parseIncidentListParams(new URLSearchParams(query), { strict: true });
  expect(errors).toEqual({});
  return listed({ ...params, pageSize: 50, timeZone });
}

describe("each filter keeps exactly the incidents it names", () => {
  it("lists everything newest first with no filter", async () => {
    expect(await listed({})).toEqual(["E", "C", "B", "A", "D"]);
  });

  it.each<[string, FixtureName[]]>([
    ["severity=SEV1", ["A", "D"]],
    ["severity=SEV1,SEV2", ["E", "C", "B", "A", "D"]],
    ["status=INVESTIGATING&status=MITIGATED", ["C", "B"]],
    ["service=checkout-api", ["A", "D"]],
    ["service=cart,search", ["E", "C", "B"]],
    ["team=platform", ["C", "D"]],
    ["team=storefront", ["E", "B", "A", "D"]],
    ["ai=NONE", ["E", "B"]],
    ["ai=AGENT", ["C"]],
    ["ai=involved", ["C", "A", "D"]],
    ["policyViolation=true", ["A", "D"]],
    ["policyViolation=false", ["E", "C", "B"]],
    ["rootCause=CONFIG_CHANGE,DEPENDENCY", ["C", "B"]],
    ["postmortem=NONE", ["E", "C"]],
    ["postmortem=DRAFT", ["B"]],
    ["postmortem=IN_REVIEW,PUBLISHED", ["A", "D"]],
    ["postmortem=NONE,DRAFT", ["E", "C", "B"]],
    ["from=2026-03-02&to=2026-03-10", ["C", "B", "A"]],
    ["from=2026-03-05T23:30:00Z", ["E", "C", "B"]],
    ["to=2026-03-05T23:30:00Z", ["B", "A", "D"]],
    ["to=2026-03-05T23:29:59.999Z", ["A", "D"]],
    ["severity=SEV1&team=platform", ["D"]],
    ["severity=SEV2&ai=NONE&postmortem=NONE", ["E"]],
    ["service=unknown-service", []],
  ])("%s", async (query, expected) => {
    expect(await listedFor(query)).toEqual(expected);
  });

  it("reads date-only bounds as whole days in the organisation's time zone", async () => {
    // B starts 23:30 UTC on 5 March, which is 00:30 on 6 March in Berlin.
    expect(await listedFor("from=2026-03-05&to=2026-03-05")).toEqual(["B"]);
    expect(await listedFor("from=2026-03-05&to=2026-03-05", "Europe/Berlin")).toEqual([]);
    expect(await listedFor("from=2026-03-06&to=2026-03-06", "Europe/Berlin")).toEqual(["B"]);
  });

  it("counts every match, not just the page", async () => {
    const page = await listIncidentPage(db, { filters: { severity: ["SEV2"] }, pageSize: 1, withTotal: true, now: NOW });
    expect(page.items).toHaveLength(1);
    expect(page.total).toEqual({ count: 3, more: false });
  });

  it("stops counting past the cap and says there are more", async () => {
    const page = await listIncidentPage(db, { pageSize: 1, withTotal: true, countCap: 3, now: NOW });
    expect(page.total).toEqual({ count: 3, more: true });
    expect((await listIncidentPage(db, { withTotal: true, countCap: 5, now: NOW })).total).toEqual({ count: 5, more: false });
  });

  it("returns each item with its postmortem state and the fields of the API", async () => {
    const [a] = (await listIncidentPage(db, { filters: { q: "retry storm" }, now: NOW })).items;
    expect(a).toMatchObject({
      reference: filed.A.reference,
      postmortemState: "PUBLISHED",
      policyViolation: true,
      impactMinutes: 60,
      services: ["checkout-api"],
    });
  });
});

describe("full-text search over title, summary and root-cause description", () => {
  it.each<[string, FixtureName[]]>([
    ["payment", ["A"]], // stemmed: "payments" in the title
    ["elasticsearch", ["C"]], // only in the summary
    ["rounding mode", ["B"]], // both words, summary and root cause
    ["environment", ["D"]], // only in the root cause
    ['"search cluster"', ["C"]], // a phrase
    ["checkout", ["A", "D"]],
    ["checkout -sign", ["A"]], // "-" excludes
    ["cart or search", ["C", "B"]],
    ["SIGN-IN", ["D"]], // case and hyphens do not matter
    ["nothing-like-this", []],
  ])("q=%s", async (q, expected) => {
    expect(await listed({ filters: { q } })).toEqual(expected);
  });

  it("finds an incident by its reference typed whole", async () => {
    expect(await listed({ filters: { q: filed.C.reference.toLowerCase() } })).toEqual(["C"]);
  });

  it("combines with the other filters", async () => {
    expect(await listed({ filters: { q: "checkout", team: ["platform"] } })).toEqual(["D"]);
  });

  it("follows edits: the search document is recomputed by the database on update", async () => {
    await db.incident.update({ where: { id: filed.E.id }, data: { rootCauseDescription: "A cache stampede after a deploy." } });
    expect(await listed({ filters: { q: "stampede" } })).toEqual(["E"]);
    await db.incident.update({ where: { id: filed.E.id }, data: { rootCauseDescription: "" } });
    expect(await listed({ filters: { q: "stampede" } })).toEqual([]);
  });

  it("uses the GIN index for the search, which holds the other filters' columns too", async () => {
    // Five rows are cheaper to scan than to look up: forbid the scan to see the index is usable.
    const [, plan] = await db.$transaction([
      db.$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
      db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        "EXPLAIN SELECT id FROM incidents i WHERE COALESCE(i.search_vector, ''::tsvector) @@ websearch_to_tsquery('english', 'checkout')",
      ),
    ]);
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("incidents_search_filters_idx");
    // So a search with a filter is decided in the index, without visiting each matching row.
    const [index] = await db.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = 'incidents_search_filters_idx'`;
    expect(index?.indexdef).toMatch(
      /USING gin \(COALESCE\(search_vector, ''::tsvector\), severity, status, ai_involvement, root_cause_category, policy_violation\)/,
    );
  });
});

describe("sorting", () => {
  it.each<[string, FixtureName[]]>([
    ["sort=startedAt&order=asc", ["D", "A", "B", "C", "E"]],
    // Sev1 first; within a severity, newest first.
    ["sort=severity", ["A", "D", "E", "C", "B"]],
    ["sort=severity&order=desc", ["E", "C", "B", "A", "D"]],
  ])("%s", async (query, expected) => {
    expect(await listedFor(query)).toEqual(expected);
  });
});
