import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { useTestDatabase } from "@/test/database";
import { toAgendaResponse } from "./reads/agenda-response";
import { loadReviewView } from "./reads/review";
import { reviewToMarkdown } from "./markdown";
import { startReviewMeeting } from "./mutations/meeting";
import { createReviewWeek, fileTestIncident, leadActor, recordTestChange } from "./test-week";

// Week 2026-W12 (16 to 22 March 2026), its meeting on Wednesday 25 March.
const WEEK = "2026-W12";
const STARTED = new Date("2026-03-25T09:00:00Z");
const LATER = new Date("2026-03-26T12:00:00Z");
const MISMATCHED = {
  reference: "CHG-F1",
  deployedAt: "2026-03-17T09:00:00Z",
  commits: [{ message: "Batch the stock updates\n\nCo-authored-by: Claude <noreply@anthropic.com>" }],
};

const { db } = useTestDatabase();
let lead: Actor;
let incidentReference: string;

const view = () => loadReviewView(db, WEEK, LATER);
const detailOf = async (kind: string) => (await view()).items.find((item) => item.kind === kind)?.detail;

beforeAll(async () => {
  await db.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  lead = leadActor((await createReviewWeek(db)).lead.id);
  // Declared NONE by a MID with PEER sign-off; the trailer names Claude: AI-assisted, violating.
  await recordTestChange(db, MISMATCHED.reference, MISMATCHED, LATER);
  await recordTestChange(db, "CHG-F2", { deployedAt: "2026-03-18T09:00:00Z" }, LATER);
  const incident = await fileTestIncident(
    db,
    {
      title: "Stock counts wrong",
      severity: "SEV2",
      startedAt: "2026-03-17T10:00:00Z",
      mitigatedAt: "2026-03-17T11:00:00Z",
      resolvedAt: "2026-03-17T12:00:00Z",
      change: { reference: MISMATCHED.reference },
      ai: {},
    },
    LATER,
  );
  incidentReference = incident.reference;
  await startReviewMeeting(db, { week: WEEK, version: 0 }, lead, STARTED);
});

const frozenFigures = {
  changes: 2,
  failed: 1,
  changeFailureRate: 0.5,
  aiInvolved: { changes: 1, failed: 1, changeFailureRate: 1 },
  other: { changes: 1, failed: 0, changeFailureRate: 0 },
  withoutRequiredSignOff: 1,
  weekRunning: false,
};
const frozenChange = {
  state: "recorded",
  change: {
    reference: "CHG-F1",
    approval: "PEER",
    declared: { involvement: "NONE" },
    detected: { involvement: "ASSISTED", tool: "Claude" },
    mismatch: true,
    policyViolation: true,
  },
};

describe("the change figures and changes of a held meeting", () => {
  it("are frozen at the start: a change recorded or re-sent afterwards leaves them as they were", async () => {
    expect(await detailOf("METRICS")).toMatchObject({ changes: frozenFigures });
    // After the start: another AI-generated change of the week, failed, and the first re-sent with MANAGER sign-off, declared.
    await recordTestChange(db, "CHG-F3", { deployedAt: "2026-03-19T09:00:00Z", ai: { involvement: "GENERATED" } }, LATER);
    await fileTestIncident(
      db,
      {
        title: "Late one",
        severity: "SEV2",
        startedAt: "2026-03-19T10:00:00Z",
        mitigatedAt: "2026-03-19T10:10:00Z",
        resolvedAt: "2026-03-19T10:20:00Z",
        change: { reference: "CHG-F3" },
        ai: {},
      },
      LATER,
    );
    await recordTestChange(
      db,
      MISMATCHED.reference,
      { ...MISMATCHED, change: { authorLevel: "MID", approval: "MANAGER" }, ai: { involvement: "ASSISTED", tool: "Claude" } },
      LATER,
    );

    expect(await detailOf("METRICS")).toMatchObject({ changes: frozenFigures });
    const review = await detailOf("AI_CHANGE_REVIEW");
    expect(review).toMatchObject({ incidents: [{ reference: incidentReference, triggeringChange: frozenChange }] });
  });

  it("are in the Markdown record and on the API's METRICS item", async () => {
    const markdown = reviewToMarkdown(await view(), []);
    expect(markdown).toContain(
      "- Changes: 2 deployed, 1 failed (50.0 %)\n- AI-involved: 1 of 1 failed (100.0 %) · Other: 0 of 1 (0.0 %)\n- Shipped without required sign-off: 1",
    );
    expect(markdown).toContain("  - Change CHG-F1: checkout-api, deployed 2026-03-17 09:00 UTC (60 min before impact began); Mid-level author, peer sign-off");
    expect(markdown).toContain(
      "  - AI involvement declared: none; detected in commit trailers: AI-assisted (Claude). **The commit trailers show AI involvement the author did not declare.**",
    );
    expect(markdown).toContain("  - Policy: Shipped without the required sign-off: it had peer sign-off, the policy requires senior or manager sign-off");
    const metrics = toAgendaResponse(await view()).items.find((item) => item.kind === "METRICS");
    expect(metrics).toMatchObject({ changes: frozenFigures });
  });

  it("show as not recorded at the time in a snapshot taken before they were frozen", async () => {
    const stored = await db.review.findUniqueOrThrow({ where: { isoWeek: WEEK } });
    // The shape snapshots had before: no change figures, no triggering change on the incidents.
    const old = JSON.parse(JSON.stringify(stored.snapshot), (key, value) =>
      (key === "changes" && value?.withoutRequiredSignOff !== undefined) || key === "triggeringChange" ? undefined : value,
    );
    expect(JSON.stringify(old)).not.toContain("CHG-F1");
    await db.review.update({ where: { id: stored.id }, data: { snapshot: old as Prisma.InputJsonValue } });

    expect(await detailOf("METRICS")).toMatchObject({ changes: null, week: { sev2: 1 } });
    expect(await detailOf("AI_CHANGE_REVIEW")).toMatchObject({ incidents: [{ reference: incidentReference, triggeringChange: null }] });
    const markdown = reviewToMarkdown(await view(), []);
    expect(markdown).toContain("- Changes: not recorded at the time of the meeting");
    expect(markdown).toContain("  - Triggering change not recorded at the time of the meeting");
    expect(toAgendaResponse(await view()).items.find((item) => item.kind === "METRICS")).toMatchObject({ changes: null });
  });
});
