// Hand-made incidents for the metrics tests, written straight to the tables so that each test
// sets exactly the timestamps its arithmetic needs.
import { afterAll, beforeAll, expect } from "vitest";
import type { Database } from "@/lib/db/client";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";
import { parseIsoWeek } from "@/lib/time/iso-week";
import type { MetricsQuery } from "./types";
import type { AiInvolvement, BlastRadius, RootCauseCategory, Severity } from "@/lib/generated/prisma/enums";

/** Teams and services: storefront (cart, checkout), platform (search, auth). */
export async function createMetricsCatalogue(db: Database) {
  const storefront = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  const platform = await db.team.create({ data: { slug: "platform", name: "Platform" } });
  await db.team.create({ data: { slug: "empty-team", name: "Empty team" } });
  await db.service.createMany({
    data: [
      { slug: "cart", name: "Cart", teamId: storefront.id },
      { slug: "checkout", name: "Checkout", teamId: storefront.id },
      { slug: "search", name: "Search", teamId: platform.id },
      { slug: "auth", name: "Auth", teamId: platform.id },
    ],
  });
}

export type TestIncident = {
  services: string[];
  startedAt: string;
  detectedAt?: string;
  mitigatedAt?: string;
  resolvedAt?: string;
  severity?: Severity;
  ai?: AiInvolvement;
  policyViolation?: boolean;
  usersAffected?: number;
  rootCause?: RootCauseCategory;
  blastRadius?: BlastRadius;
  /** The reference of the change that triggered it (links it to a recorded change). */
  changeReference?: string;
};

let counter = 0;

export async function addIncident(db: Database, incident: TestIncident) {
  const number = (counter += 1);
  const services = await db.service.findMany({ where: { slug: { in: incident.services } }, select: { id: true } });
  if (services.length !== incident.services.length) throw new Error(`Unknown service among ${incident.services.join(", ")}`);
  const at = (text?: string) => (text ? new Date(text) : null);
  return db.incident.create({
    data: {
      reference: `INC-TEST-${String(number).padStart(4, "0")}`,
      title: `Metrics test incident ${number}`,
      severity: incident.severity ?? "SEV2",
      status: incident.resolvedAt ? "RESOLVED" : incident.mitigatedAt ? "MITIGATED" : "INVESTIGATING",
      startedAt: new Date(incident.startedAt),
      detectedAt: at(incident.detectedAt),
      mitigatedAt: at(incident.mitigatedAt),
      resolvedAt: at(incident.resolvedAt),
      usersAffected: incident.usersAffected ?? 0,
      aiInvolvement: incident.ai ?? "NONE",
      policyViolation: incident.policyViolation ?? false,
      rootCauseCategory: incident.rootCause ?? "UNKNOWN",
      blastRadius: incident.blastRadius ?? "SINGLE_SERVICE",
      changeReference: incident.changeReference ?? null,
      services: { create: services.map((s) => ({ serviceId: s.id })) },
    },
  });
}

/** `minutes` after an instant, as an ISO string. */
export const plusMinutes = (instant: string, minutes: number) => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** The fields a metrics API answer's problem+json 400 names, sorted; fails unless it is one. */
export async function badRequestFields(answer: Promise<Response>): Promise<string[]> {
  const response = await answer;
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return ((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
}

/** A metrics API names from or to in a 400 for missing, impossible and reversed dates, and for a window past 260 weeks. */
export async function expectBadDatesNamed(get: (query: string) => Promise<Response>) {
  const fields = (query: string) => badRequestFields(get(query));
  expect(await fields("")).toEqual(["from", "to"]);
  expect(await fields("?from=2026-02-30&to=2026-03-01")).toEqual(["from"]);
  expect(await fields("?from=2026-03-10&to=2026-03-01")).toEqual(["to"]);
  expect(await fields("?from=2020-01-01&to=2026-03-01")).toEqual(["from"]); // more than 260 weeks
}

/** A metrics API wants a token: 401 without one or with a bad one; a VIEWER's token is enough. */
export async function expectTokenRequired(get: (query: string, headers?: Record<string, string>) => Promise<Response>) {
  expect((await get("?from=2026-03-01&to=2026-03-08", {})).status).toBe(401);
  expect((await get("?from=2026-03-01&to=2026-03-08", { authorization: "Bearer nonsense" })).status).toBe(401);
  expect((await get("?from=2026-03-01&to=2026-03-08")).status).toBe(200);
}

/**
 * For no filter, service cart and team platform: the body a metrics API answers for 1 to 22
 * March 2026 and the query the charts ask for the same weeks (W09 to W12, UTC), to compare.
 */
export async function forEachScope<Body>(get: (query: string) => Promise<Response>, check: (body: Body, query: MetricsQuery) => Promise<void>) {
  for (const [filter, scope] of [
    ["", {}],
    ["&service=cart", { service: "cart" }],
    ["&team=platform", { team: "platform" }],
  ] as const) {
    const body = (await (await get(`?from=2026-03-01&to=2026-03-22${filter}`)).json()) as Body;
    await check(body, { from: parseIsoWeek("2026-W09"), to: parseIsoWeek("2026-W12"), timeZone: "UTC", scope });
  }
}

/**
 * A metrics API route on a database of its own holding the metrics catalogue and what `seed`
 * adds; `get(query)` calls it as Next.js does, with a VIEWER's token unless told otherwise.
 */
export function useMetricsRoute(path: string, route: () => Promise<{ GET: unknown }>, seed: (db: Database) => Promise<unknown>) {
  let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
  let handler: RouteHandler;
  let token = "";
  beforeAll(async () => {
    harness = await openRouteTestDatabase();
    await createMetricsCatalogue(harness.db);
    await seed(harness.db);
    token = (await harness.mintToken("VIEWER")).token;
    handler = (await route()).GET as RouteHandler;
  });
  afterAll(() => harness.close());
  return {
    db: () => harness.db,
    get: (query: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
      handler(new Request(`http://localhost${path}${query}`, { headers }), { params: Promise.resolve({}) }),
  };
}
