import { describe, expect, it } from "vitest";
import { createActionItem } from "@/features/action-items/mutations";
import { updateIncident } from "@/features/incidents/mutations";
import { findIncident } from "@/features/incidents/reads";
import { savePostmortemSections } from "@/features/postmortems/mutations/sections";
import { publishPostmortem, submitPostmortem } from "@/features/postmortems/mutations/transitions";
import { usePostmortemFixture } from "@/features/postmortems/test-fixtures";
import { emptySections } from "@/lib/domain/postmortem-enums";
import { FAN_OUT_TASK, recordEvent, WEBHOOK_EVENT_TYPES } from "@/lib/jobs/events";

const fx = usePostmortemFixture();
const now = new Date("2026-11-24T12:00:00Z");

const eventsOf = (incidentId: string) =>
  fx.db.webhookEvent
    .findMany({ where: { subject: { equals: { incidentId } } }, orderBy: { occurredAt: "asc" }, select: { type: true } })
    .then((rows) => rows.map((row) => row.type));
const fanOutJobs = () =>
  fx.db.$queryRaw<
    { payload: { eventId: string } }[]
  >`SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${FAN_OUT_TASK}`;

async function withHook<T>(events: string[], work: () => Promise<T>, paused = false): Promise<T> {
  const hook = await fx.db.webhook.create({
    data: { url: "https://hooks.example.com/ops", events, format: "json", secret: "s".repeat(32), pausedAt: paused ? now : null },
  });
  try {
    return await work();
  } finally {
    await fx.db.webhook.delete({ where: { id: hook.id } });
  }
}

describe("events recorded by the changes that cause them", () => {
  it("records nothing, and queues nothing, while no active webhook takes the event", async () => {
    const jobsBefore = (await fanOutJobs()).length;
    const unheard = await fx.fileTestIncident("Filed with no webhook");
    await withHook(["postmortem.published"], () => fx.fileTestIncident("Filed with a webhook for another event"));
    await withHook([...WEBHOOK_EVENT_TYPES], () => fx.fileTestIncident("Filed while the only webhook is paused"), true);
    expect(await eventsOf(unheard)).toEqual([]);
    expect(await fx.db.webhookEvent.count({ where: { type: "incident.sev1_filed" } })).toBe(0);
    expect(await fanOutJobs()).toHaveLength(jobsBefore);
  });

  it("a Sev1 filed, then mitigated: each event once, with its fan-out job queued in the same transaction", async () => {
    await withHook([...WEBHOOK_EVENT_TYPES], async () => {
      const id = await fx.fileTestIncident("Sev1 with a webhook listening");
      expect(await eventsOf(id)).toEqual(["incident.sev1_filed", "incident.mitigated"]);
      const queued = (await fanOutJobs()).map((job) => job.payload.eventId);
      const recorded = await fx.db.webhookEvent.findMany({ where: { subject: { equals: { incidentId: id } } }, select: { id: true } });
      expect(queued).toEqual(expect.arrayContaining(recorded.map((event) => event.id)));
    });
  });

  it("each incident event is sent once: lowering a Sev1 to Sev2 and raising it again records no second sev1_filed", async () => {
    await withHook([...WEBHOOK_EVENT_TYPES], async () => {
      const id = await fx.fileTestIncident("Starts as a Sev1 in the fixture");
      const first = await eventsOf(id);
      const sev2 = await findIncident(fx.db, id, now);
      const lowered = await updateIncident(fx.db, id, { version: sev2!.version, severity: "SEV2" }, fx.actors.ENGINEER, now);
      await updateIncident(fx.db, id, { version: lowered.version, severity: "SEV1" }, fx.actors.ENGINEER, now);
      expect(await eventsOf(id)).toEqual(first);
    });
  });

  it("publishing a postmortem records postmortem.published", async () => {
    await withHook(["postmortem.published"], async () => {
      const incidentId = await fx.fileTestIncident("Postmortem to publish");
      await savePostmortemSections(fx.db, { incidentId, version: 0, sections: { ...emptySections(), impactStatement: "Checkout down." } }, fx.actors.ENGINEER);
      const { version } = await submitPostmortem(fx.db, { incidentId, version: 1 }, fx.actors.ENGINEER, now);
      await createActionItem(
        fx.db,
        { incidentId, title: "Add a canary", ownerId: fx.actors.ENGINEER.userId, dueDate: "2026-12-15", priority: "P1", type: "PREVENT" },
        fx.actors.ENGINEER,
      );
      expect(await eventsOf(incidentId)).toEqual([]);
      await publishPostmortem(fx.db, { incidentId, version }, fx.actors.LEAD, now);
      expect(await eventsOf(incidentId)).toEqual(["postmortem.published"]);
    });
  });

  it("an event with a key is recorded once; the test event reaches a paused webhook", async () => {
    await withHook(["review.digest"], async () => {
      const key = "review.digest:2026-W47";
      expect(await recordEvent(fx.db, { type: "review.digest", subject: { week: "2026-W47" }, dedupeKey: key })).not.toBeNull();
      expect(await recordEvent(fx.db, { type: "review.digest", subject: { week: "2026-W47" }, dedupeKey: key })).toBeNull();
      expect(await fx.db.webhookEvent.count({ where: { dedupeKey: key } })).toBe(1);
    });
    await withHook(
      [],
      async () => {
        const hook = await fx.db.webhook.findFirstOrThrow({ where: { pausedAt: { not: null } } });
        expect(await recordEvent(fx.db, { type: "webhook.test", subject: { webhookId: hook.id }, webhookId: hook.id })).not.toBeNull();
      },
      true,
    );
  });
});
