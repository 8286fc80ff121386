// The fan-out job: one delivery and one queued send per webhook that takes the event, never twice.
import { beforeAll, describe, expect, it } from "vitest";
import { createReviewWeek, NOW } from "@/features/reviews/test-week";
import { recordEvent, type RecordedEvent } from "@/lib/jobs/events";
import { useTestDatabase } from "@/test/database";
import { fanOutEvent } from "./fan-out";
import { DEFAULT_WEBHOOK_POLICY, DELIVER_TASK, type WebhookRuntime } from "./runtime";

const BASE = "https://ops.example.test";
const { db } = useTestDatabase();
const runtime: WebhookRuntime = { db, baseUrl: BASE, ...DEFAULT_WEBHOOK_POLICY, allowPrivateNetworks: false, now: () => NOW };

let week: Awaited<ReturnType<typeof createReviewWeek>>;
const hooks: Record<string, string> = {};

async function hook(name: string, events: string[], format: "json" | "slack", paused = false) {
  const row = await db.webhook.create({
    data: {
      url: `https://hooks.example.test/${name}`,
      events,
      format,
      secret: "s3cret",
      pausedAt: paused ? NOW : null,
      pausedReason: paused ? "Paused by an admin" : null,
    },
  });
  hooks[name] = row.id;
}

async function record(event: RecordedEvent): Promise<string> {
  const id = await recordEvent(db, event);
  if (!id) throw new Error("no webhook takes the event");
  return id;
}

const deliveriesOf = (eventId: string) => db.webhookDelivery.findMany({ where: { eventId }, orderBy: { webhookId: "asc" } });

/** The deliver jobs queued, by delivery id. */
async function deliverJobs(): Promise<Map<string, unknown>> {
  // The queue's public view leaves the payload out; its own table holds it.
  const rows = await db.$queryRaw<{ payload: { deliveryId: string; attempt: number } }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${DELIVER_TASK}`;
  return new Map(rows.map((row) => [row.payload.deliveryId, row.payload]));
}

beforeAll(async () => {
  week = await createReviewWeek(db);
  await hook("slack", ["incident.sev1_filed", "review.digest"], "slack");
  await hook("json", ["incident.sev1_filed"], "json");
  await hook("paused", ["incident.sev1_filed"], "json", true);
  await hook("elsewhere", ["review.prepared"], "json");
});

describe("fanning out an event", () => {
  it("gives each unpaused webhook that takes it one delivery in its format, with one deliver job each; a second run adds nothing", async () => {
    const eventId = await record({ type: "incident.sev1_filed", subject: { incidentId: week.longSev1.id }, occurredAt: NOW });
    await fanOutEvent(runtime, { eventId });
    const deliveries = await deliveriesOf(eventId);
    expect(new Set(deliveries.map((d) => d.webhookId))).toEqual(new Set([hooks.slack, hooks.json]));
    for (const delivery of deliveries) expect(delivery).toMatchObject({ status: "PENDING", eventType: "incident.sev1_filed", attempts: 0 });

    const json = JSON.parse(deliveries.find((d) => d.webhookId === hooks.json)!.body);
    expect(json).toMatchObject({
      id: eventId,
      type: "incident.sev1_filed",
      occurredAt: NOW.toISOString(),
      data: { incident: { reference: week.longSev1.reference } },
    });
    const slack = JSON.parse(deliveries.find((d) => d.webhookId === hooks.slack)!.body);
    expect(slack.blocks[0]).toMatchObject({ type: "header", text: { text: `Sev1 filed: ${week.longSev1.reference} Checkout down` } });

    const jobs = await deliverJobs();
    for (const delivery of deliveries) expect(jobs.get(delivery.id)).toEqual({ deliveryId: delivery.id, attempt: 1 });

    await fanOutEvent(runtime, { eventId });
    expect(await db.webhookDelivery.count({ where: { eventId } })).toBe(2);
    expect((await deliverJobs()).size).toBe(jobs.size);
  });

  it("sends the test event only to its own webhook, even a paused one", async () => {
    const eventId = await record({ type: "webhook.test", subject: { webhookId: hooks.paused! }, webhookId: hooks.paused });
    await fanOutEvent(runtime, { eventId });
    const deliveries = await deliveriesOf(eventId);
    expect(deliveries.map((d) => d.webhookId)).toEqual([hooks.paused]);
    expect(JSON.parse(deliveries[0]!.body).data).toEqual({ message: "This is a test from Ops Review", url: BASE });
    expect((await deliverJobs()).get(deliveries[0]!.id)).toEqual({ deliveryId: deliveries[0]!.id, attempt: 1 });
  });

  it("sends nothing when what the event is about is gone, or when no webhook takes it any more", async () => {
    const before = await db.webhookDelivery.count();
    const gone = await record({ type: "incident.sev1_filed", subject: { incidentId: "00000000-0000-4000-8000-000000000000" } });
    await fanOutEvent(runtime, { eventId: gone });
    const prepared = await record({ type: "review.prepared", subject: { reviewId: "00000000-0000-4000-8000-000000000000", week: "2026-W10" } });
    await fanOutEvent(runtime, { eventId: prepared });
    // The only webhook taking the digest is paused between the event and its fan-out.
    const digest = await record({ type: "review.digest", subject: { week: "2026-W10" } });
    await db.webhook.update({ where: { id: hooks.slack }, data: { pausedAt: NOW } });
    await fanOutEvent(runtime, { eventId: digest });
    await fanOutEvent(runtime, { eventId: "00000000-0000-4000-8000-000000000000" });
    expect(await db.webhookDelivery.count()).toBe(before);
  });
});
