import { beforeEach, describe, expect, it } from "vitest";
import { createService, updateService } from "@/features/services/mutations";
import { actorOf } from "@/features/settings/test-fixtures";
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { createTeam, TeamVersionConflictError, updateTeam } from "./mutations";
import { emptyCatalogue, refusal } from "./test-fixtures";

const { db } = useTestDatabase();
const lead = actorOf("lead@example.test", "LEAD");

beforeEach(() => emptyCatalogue(db));

const rows = async () => ({ teams: await db.team.findMany({ orderBy: { slug: "asc" } }), audit: await db.auditEvent.count() });

describe("createTeam", () => {
  it("creates the team at version 1 with its audit row", async () => {
    const team = await createTeam(db, { slug: "payments", name: "Payments" }, lead);
    expect(team).toMatchObject({ slug: "payments", name: "Payments", retiredAt: null, version: 1 });
    expect(await db.auditEvent.findMany()).toMatchObject([{ action: "team.create", entityType: "Team", entityId: team.id }]);
  });

  it.each([
    [{ slug: "Pay Ments", name: "Payments" }, "slug"],
    [{ slug: "payments", name: "P" }, "name"],
    [{ slug: "payments", name: "Payments", colour: "red" }, "colour"],
  ])("refuses %j naming %s, writing nothing", async (input, field) => {
    const error = await refusal(createTeam(db, input, lead));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
    expect(await rows()).toEqual({ teams: [], audit: 0 });
  });

  it("answers a duplicate slug with a conflict naming slug", async () => {
    await createTeam(db, { slug: "payments", name: "Payments" }, lead);
    const before = await rows();
    const error = await refusal(createTeam(db, { slug: "payments", name: "Other" }, lead));
    expect(error).toBeInstanceOf(ConflictError);
    expect(Object.keys((error as ConflictError).fieldErrors ?? {})).toEqual(["slug"]);
    expect(await rows()).toEqual(before);
  });
});

describe("updateTeam", () => {
  it("renames at the current version, and refuses a stale one with the team as it now is", async () => {
    await createTeam(db, { slug: "payments", name: "Payments" }, lead);
    expect(await updateTeam(db, "payments", { version: 1, name: "Payments & Risk" }, lead)).toMatchObject({ name: "Payments & Risk", version: 2 });
    const before = await rows();
    const error = await refusal(updateTeam(db, "payments", { version: 1, name: "Money" }, lead));
    expect(error).toBeInstanceOf(TeamVersionConflictError);
    expect((error as TeamVersionConflictError).current).toMatchObject({ name: "Payments & Risk", version: 2 });
    expect(await rows()).toEqual(before);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "team.update" } });
    expect(audit.changes).toEqual({ version: { from: 1, to: 2 }, name: { from: "Payments", to: "Payments & Risk" } });
  });

  it("refuses an unknown team and a bad name", async () => {
    await expect(updateTeam(db, "nobody", { version: 1, name: "Nobody" }, lead)).rejects.toThrow(NotFoundError);
    await createTeam(db, { slug: "payments", name: "Payments" }, lead);
    const error = await refusal(updateTeam(db, "payments", { version: 1, name: "x".repeat(101) }, lead));
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["name"]);
  });

  it("will not retire a team that owns active services, naming them; retires it once they are retired", async () => {
    await createTeam(db, { slug: "payments", name: "Payments" }, lead);
    await createService(db, { slug: "gateway", name: "Payments Gateway", team: "payments" }, lead);
    await createService(db, { slug: "fraud", name: "Fraud Scoring", team: "payments" }, lead);
    const before = await rows();
    const error = await refusal(updateTeam(db, "payments", { version: 1, retired: true }, lead));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).fieldErrors.retired?.[0]).toBe(
      "Payments still owns active services (Fraud Scoring, Payments Gateway): move them to another team or retire them first",
    );
    expect(await rows()).toEqual(before);

    await updateService(db, "gateway", { version: 1, retired: true }, lead);
    await updateService(db, "fraud", { version: 1, retired: true }, lead);
    const retired = await updateTeam(db, "payments", { version: 1, retired: true }, lead, new Date("2026-06-01T00:00:00Z"));
    expect(retired).toMatchObject({ retiredAt: "2026-06-01T00:00:00.000Z", version: 2 });
    expect(await updateTeam(db, "payments", { version: 2, retired: false }, lead)).toMatchObject({ retiredAt: null, version: 3 });
  });
});
