import { beforeEach, describe, expect, it } from "vitest";
import { fileIncident, updateIncident } from "@/features/incidents/mutations";
import { wheelFacts } from "@/features/reviews/reads/wheel-facts";
import { actorOf } from "@/features/settings/test-fixtures";
import { emptyCatalogue, refusal } from "@/features/teams/test-fixtures";
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { createService, ServiceVersionConflictError, updateService } from "./mutations";

// Creating, editing and retiring services on a real PostgreSQL: every refusal writes nothing.
const { db } = useTestDatabase();
const lead = actorOf("lead@example.test", "LEAD");

beforeEach(async () => {
  await emptyCatalogue(db);
  await db.team.createMany({
    data: [
      { slug: "storefront", name: "Storefront" },
      { slug: "platform", name: "Platform" },
    ],
  });
});

const rows = async () => ({
  services: await db.service.findMany({ orderBy: { slug: "asc" } }),
  teams: await db.team.findMany({ orderBy: { slug: "asc" } }),
  audit: await db.auditEvent.count(),
});
const cart = { slug: "cart", name: "Cart", team: "storefront", sloTarget: 0.999 };

describe("createService", () => {
  it("creates the service at version 1 with its audit row", async () => {
    const service = await createService(db, cart, lead, { createTeam: false });
    expect(service).toMatchObject({ slug: "cart", name: "Cart", team: { slug: "storefront" }, sloTarget: 0.999, retiredAt: null, version: 1 });
    const audit = await db.auditEvent.findMany();
    expect(audit.map((a) => [a.action, a.entityId, a.actorLabel])).toEqual([["service.create", service.id, "lead@example.test"]]);
  });

  it.each([
    ["slug", { slug: "Cart Service" }, /lower-case/],
    ["slug", { slug: "c" }, /at least 2/],
    ["name", { name: " " }, /at least 2/],
    ["name", { name: "x".repeat(101) }, /at most 100/],
    ["sloTarget", { sloTarget: 0.85 }, /at least 90 %/],
    ["sloTarget", { sloTarget: 1 }, /below 100 %/],
    ["sloTarget", { sloTarget: 0.99995 }, /two decimals/],
    ["team", { team: "No Team" }, /lower-case/],
  ])("refuses a bad %s (%j) naming the field, writing nothing", async (field, change, message) => {
    const before = await rows();
    const error = await refusal(createService(db, { ...cart, ...change }, lead));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
    expect((error as ValidationError).fieldErrors[field]!.join()).toMatch(message);
    expect(await rows()).toEqual(before);
  });

  it("answers a duplicate slug with a conflict naming slug, writing nothing", async () => {
    await createService(db, cart, lead);
    const before = await rows();
    const error = await refusal(createService(db, { ...cart, name: "Another cart" }, lead));
    expect(error).toBeInstanceOf(ConflictError);
    expect(Object.keys((error as ConflictError).fieldErrors ?? {})).toEqual(["slug"]);
    expect(await rows()).toEqual(before);
  });

  it("from the form, refuses a team that does not exist instead of creating it", async () => {
    const before = await rows();
    const error = await refusal(createService(db, { ...cart, team: "ghosts" }, lead, { createTeam: false }));
    expect((error as ValidationError).fieldErrors).toEqual({ team: ['there is no team "ghosts"'] });
    expect(await rows()).toEqual(before);
  });

  it("refuses a retired team", async () => {
    await db.team.update({ where: { slug: "platform" }, data: { retiredAt: new Date() } });
    const error = await refusal(createService(db, { ...cart, team: "platform" }, lead));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).fieldErrors.team?.[0]).toMatch(/Platform is retired/);
    expect(await db.service.count()).toBe(0);
  });
});

describe("updateService", () => {
  it("changes name, team and SLO target at once, bumps the version and audits from → to", async () => {
    const created = await createService(db, cart, lead);
    const updated = await updateService(db, "cart", { version: 1, name: "Basket", team: "platform", sloTarget: 0.9995 }, lead);
    expect(updated).toMatchObject({ name: "Basket", team: { slug: "platform", name: "Platform" }, sloTarget: 0.9995, version: 2 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "service.update" } });
    expect(audit).toMatchObject({
      entityId: created.id,
      changes: {
        version: { from: 1, to: 2 },
        name: { from: "Cart", to: "Basket" },
        team: { from: "storefront", to: "platform" },
        sloTarget: { from: 0.999, to: 0.9995 },
      },
    });
  });

  it("refuses a stale version with the service as it now is, writing nothing", async () => {
    await createService(db, cart, lead);
    await updateService(db, "cart", { version: 1, sloTarget: 0.995 }, actorOf("first@example.test", "LEAD"));
    const before = await rows();
    const error = await refusal(updateService(db, "cart", { version: 1, name: "Basket" }, lead));
    expect(error).toBeInstanceOf(ServiceVersionConflictError);
    expect((error as ServiceVersionConflictError).current).toMatchObject({ version: 2, sloTarget: 0.995, name: "Cart" });
    expect(await rows()).toEqual(before);
  });

  it("lets exactly one of two edits of the same version through", async () => {
    await createService(db, cart, lead);
    const results = await Promise.allSettled([
      updateService(db, "cart", { version: 1, name: "Basket" }, lead),
      updateService(db, "cart", { version: 1, name: "Trolley" }, lead),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toBeInstanceOf(ServiceVersionConflictError);
    expect(await db.auditEvent.count({ where: { action: "service.update" } })).toBe(1);
  });

  it.each([
    [{ version: 1, sloTarget: "99.9" }, "sloTarget"],
    [{ version: 1, name: "" }, "name"],
    [{ version: 1, team: "No Team" }, "team"],
    [{ version: 1, retired: "yes" }, "retired"],
    [{ version: 1, slug: "basket" }, "slug"],
    [{ name: "Basket" }, "version"],
  ])("refuses %j naming %s, writing nothing", async (patch, field) => {
    await createService(db, cart, lead);
    const before = await rows();
    const error = await refusal(updateService(db, "cart", patch, lead));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
    expect(await rows()).toEqual(before);
  });

  it("refuses an unknown service, and an unknown team naming team", async () => {
    await expect(updateService(db, "nothing", { version: 1, name: "Basket" }, lead)).rejects.toThrow(NotFoundError);
    await createService(db, cart, lead);
    const error = await refusal(updateService(db, "cart", { version: 1, team: "ghosts" }, lead));
    expect((error as ValidationError).fieldErrors).toEqual({ team: ['there is no team "ghosts"'] });
  });

  it("retires and brings back a service; an unchanged edit writes nothing", async () => {
    await createService(db, cart, lead);
    const retired = await updateService(db, "cart", { version: 1, retired: true }, lead, new Date("2026-06-01T10:00:00Z"));
    expect(retired).toMatchObject({ retiredAt: "2026-06-01T10:00:00.000Z", version: 2 });
    expect(await updateService(db, "cart", { version: 2, retired: true, name: "Cart" }, lead)).toMatchObject({ version: 2 });
    expect(await updateService(db, "cart", { version: 2, retired: false }, lead)).toMatchObject({ retiredAt: null, version: 3 });
    const audit = await db.auditEvent.findMany({ where: { action: "service.update" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => (a.changes as { retired: unknown }).retired)).toEqual([
      { from: false, to: true },
      { from: true, to: false },
    ]);
  });

  it("keeps an active service out of a retired team", async () => {
    await createService(db, cart, lead);
    await createService(db, { ...cart, slug: "search", team: "platform" }, lead);
    await updateService(db, "search", { version: 1, retired: true }, lead);
    await db.team.update({ where: { slug: "platform" }, data: { retiredAt: new Date() } });
    const moved = await refusal(updateService(db, "cart", { version: 1, team: "platform" }, lead));
    expect((moved as RuleViolationError).fieldErrors.team?.[0]).toMatch(/Platform is retired/);
    const back = await refusal(updateService(db, "search", { version: 2, retired: false }, lead));
    expect(Object.keys((back as RuleViolationError).fieldErrors)).toEqual(["retired"]);
    // Moving it to an active team in the same edit brings it back.
    expect(await updateService(db, "search", { version: 2, retired: false, team: "storefront" }, lead)).toMatchObject({
      retiredAt: null,
      team: { slug: "storefront" },
    });
  });
});

describe("a retired service and new incidents", () => {
  const incident = (services: string[]) => ({
    title: "Checkout returns 502",
    severity: "SEV2",
    status: "MITIGATED",
    services,
    startedAt: "2026-03-03T10:00:00Z",
    mitigatedAt: "2026-03-03T11:00:00Z",
    impact: { usersAffected: 10, regions: [], capabilities: [] },
    blastRadius: "SINGLE_SERVICE",
    rootCause: { category: "UNKNOWN", description: "" },
  });

  it("takes no new incident, while the incidents it had keep it", async () => {
    await createService(db, cart, lead);
    await createService(db, { ...cart, slug: "search", name: "Search" }, lead);
    const engineer = actorOf("engineer@example.test", "ENGINEER");
    const filed = await fileIncident(db, incident(["cart"]), engineer);
    await updateService(db, "cart", { version: 1, retired: true }, lead);

    const incidents = await db.incident.count();
    const error = await refusal(fileIncident(db, incident(["cart"]), engineer));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).fieldErrors.services?.[0]).toMatch(/retired.*cart/);
    expect(await db.incident.count()).toBe(incidents);

    // The old incident keeps its retired service through an edit of its other fields and services.
    const edited = await updateIncident(db, filed.id, { version: 1, services: ["cart", "search"], title: "Checkout and search return 502" }, engineer);
    expect(edited.services).toEqual(expect.arrayContaining(["cart", "search"]));
  });

  it("is no longer a candidate for the review's wheel", async () => {
    await createService(db, cart, lead);
    await createService(db, { ...cart, slug: "search", name: "Search" }, lead);
    expect((await wheelFacts(db, "2026-W10")).candidates.map((c) => c.slug)).toEqual(["cart", "search"]);
    await updateService(db, "cart", { version: 1, retired: true }, lead);
    const wheel = await wheelFacts(db, "2026-W10");
    expect(wheel.candidates.map((c) => c.slug)).toEqual(["search"]);
    expect(wheel.service?.slug).toBe("search");
  });
});
