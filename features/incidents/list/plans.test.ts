// The incident list's and the filing's queries never read the incidents table whole: each
// filter, sort and cursor, alone and with a text search, has an index to serve it.
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { useTestDatabase } from "@/test/database";
import { planOf, type SqlQuery } from "@/test/explain";
import { servicesBySlugQuery } from "../mutations";
import { COUNT_CAP } from "../reads";
import { pageQuery, SPARSE_MATCHES } from "./keyset";
import { parseIncidentListParams } from "./params";
import { incidentRowQuery, pageRowsQuery } from "./rows";
import { countQuery, filterConditions, matchingIdsQuery } from "./sql";
import { createCatalogue, fileFixtures } from "./test-fixtures";
import type { ListPosition } from "./sort";

const { db, url } = useTestDatabase({ poolMax: 2 });
let position: ListPosition;

beforeAll(async () => {
  await createCatalogue(db);
  await fileFixtures(db);
  const [row] = await db.$queryRaw<{ id: string; started_at: Date }[]>`SELECT id::text AS id, started_at FROM incidents ORDER BY started_at LIMIT 1`;
  position = { id: row!.id, startedAt: row!.started_at, severity: "SEV2" };
  await db.$executeRaw`ANALYZE`;
});

const FILTERS = [
  "",
  "from=2026-03-01",
  "to=2026-03-31",
  "from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z",
  "severity=SEV1",
  "status=INVESTIGATING",
  "service=checkout-api",
  "team=platform",
  "ai=involved",
  "ai=NONE",
  "policyViolation=true",
  "rootCause=CONFIG_CHANGE",
  "postmortem=NONE",
  "postmortem=PUBLISHED",
  "postmortem=NONE&postmortem=DRAFT",
  "team=storefront&severity=SEV1&ai=involved",
  "repeat=true",
];
const SORTS = ["", "sort=startedAt&order=asc", "sort=severity", "sort=severity&order=desc"];
// Every filter alone and with a text search; a whole reference is searched for too.
const VIEWS = [...FILTERS.flatMap((filter) => [filter, [filter, "q=checkout"].filter(Boolean).join("&")]), "q=INC-2026-0001"];

const paramsOf = (query: string) => {
  const { params, errors } = parseIncidentListParams(new URLSearchParams(query), { strict: true });
  expect(errors).toEqual({});
  return params;
};

async function expectNoScanOfIncidents(name: string, query: SqlQuery) {
  const plan = await planOf(url(), query);
  expect(plan.sequentialScans, `${name}: ${query.text}`).not.toContain("incidents");
}

describe("the incident list's plans", () => {
  it.each(VIEWS)("read no incidents whole for ?%s, in every order, from the start and from a cursor", async (view) => {
    for (const sortQuery of SORTS) {
      const params = paramsOf([view, sortQuery].filter(Boolean).join("&"));
      const where = filterConditions(params.filters, "Europe/Berlin");
      await expectNoScanOfIncidents(`probe ${view}`, matchingIdsQuery(where, SPARSE_MATCHES + 1));
      await expectNoScanOfIncidents(`count ${view}`, countQuery(where, COUNT_CAP));
      const pages: [string, ListPosition | null, "forwards" | "backwards"][] = [
        ["first page", null, "forwards"],
        ["after a cursor", position, "forwards"],
        ["before a cursor", position, "backwards"],
      ];
      for (const [name, cursor, reading] of pages) {
        await expectNoScanOfIncidents(`${view} ${sortQuery} ${name}`, pageRowsQuery(pageQuery(where, params.sort, cursor, reading, params.pageSize + 1)));
      }
    }
  });

  it.each(SORTS)("read a sparse view's page by the ids its probe found, for ?%s", async (sortQuery) => {
    const sort = paramsOf(sortQuery).sort;
    const sparse = Prisma.sql`i.id = ANY(${[position.id]}::uuid[])`;
    for (const cursor of [null, position])
      await expectNoScanOfIncidents(`sparse ${sortQuery}`, pageRowsQuery(pageQuery(sparse, sort, cursor, "forwards", 26, true)));
  });
});

describe("the filing's and an incident's plans", () => {
  it("read no table whole", async () => {
    const queries: [string, SqlQuery][] = [
      ["services by slug", servicesBySlugQuery(["checkout-api", "cart"])],
      ["incident by id", incidentRowQuery(Prisma.sql`i.id = ${position.id}::uuid`)],
      ["incident by reference", incidentRowQuery(Prisma.sql`i.reference = ${"INC-2026-0001"}`)],
    ];
    for (const [name, query] of queries) expect((await planOf(url(), query)).sequentialScans, name).toEqual([]);
  });
});
