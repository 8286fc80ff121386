// Order-free and idempotent under load: 1 000 events of 300 PagerDuty incidents, each
// delivered three times, shuffled, twenty deliveries at once against one database.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { receivePagerDutyWebhook } from "./mutations";
import { seedPagerDuty, signed, type TestEvent } from "./test-fixtures";

const { db } = useTestDatabase({ poolMax: 24, seed: (db) => seedPagerDuty(db) });
const now = new Date("2026-12-01T00:00:00Z");
const INCIDENTS = 300;
const AT_ONCE = 20;

type Expected = { severity: "SEV1" | "SEV2"; startedAt: string; detectedAt: string; mitigatedAt: string | null; status: "INVESTIGATING" | "MITIGATED" };

/** Incident i starts at its own minute; the minutes below are after that start. */
function history(i: number): { events: TestEvent[]; expected: Expected } {
  const created = Date.UTC(2026, 10, 1) + i * 3_600_000;
  const at = (minute: number) => new Date(created + minute * 60_000).toISOString();
  const pagerDutyId = `QLOAD${String(i).padStart(4, "0")}`;
  const first = i % 2 === 0 ? "P1" : "P2";
  const updated = i < 100; // a priority change at minute 10
  const second = first === "P1" ? "P2" : "P1";
  const priorityAt = (minute: number) => (updated && minute >= 10 ? second : first);
  const steps: [string, number][] = [
    ["incident.triggered", 0],
    ["incident.acknowledged", 2 + (i % 5)],
  ];
  if (updated) steps.push(["incident.priority_updated", 10]);
  if (i < 250) steps.push(["incident.resolved", 30]);
  if (i < 25) steps.push(["incident.reopened", 40], ["incident.resolved", 50]);
  const events = steps.map(([type, minute], n) => ({
    id: `01LOAD${String(i).padStart(4, "0")}${n}`,
    type,
    pagerDutyId,
    occurredAt: at(minute),
    createdAt: at(0),
    priority: priorityAt(minute),
    service: i % 3 === 0 ? "PCART" : "PCHECKOUT",
  }));
  const mitigated = i < 25 ? 50 : i < 250 ? 30 : null;
  return {
    events,
    expected: {
      severity: priorityAt(60) === "P1" ? "SEV1" : "SEV2",
      startedAt: at(0),
      detectedAt: at(2 + (i % 5)),
      mitigatedAt: mitigated === null ? null : at(mitigated),
      status: mitigated === null ? "INVESTIGATING" : "MITIGATED",
    },
  };
}

/** A fixed-seed shuffle, so a failure can be reproduced. */
function shuffle<T>(items: T[], seed = 20261201): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

describe("1 000 events of 300 PagerDuty incidents, each three times, shuffled, 20 at once", () => {
  it("leaves exactly one incident per PagerDuty incident, with the times and severity its events give", { timeout: 120_000 }, async () => {
    const histories = Array.from({ length: INCIDENTS }, (_, i) => history(i));
    const events = histories.flatMap((h) => h.events);
    expect(events).toHaveLength(1000);
    const deliveries = shuffle([...events, ...events, ...events]).map((event) => {
      const { body, signature } = signed(event);
      return () => receivePagerDutyWebhook(db, body, signature, now);
    });
    const answers = await pool(deliveries, AT_ONCE);

    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.created)).toHaveLength(INCIDENTS);
    expect(answers.filter((a) => a.duplicate)).toHaveLength(2000);
    expect(await db.pagerDutyEvent.count()).toBe(1000);

    const rows = await db.incident.findMany({
      select: {
        sourceId: true,
        severity: true,
        status: true,
        startedAt: true,
        detectedAt: true,
        mitigatedAt: true,
        services: { select: { service: { select: { slug: true } } } },
      },
    });
    expect(rows).toHaveLength(INCIDENTS);
    const actual = Object.fromEntries(
      rows.map((row) => [
        row.sourceId,
        {
          severity: row.severity,
          startedAt: row.startedAt.toISOString(),
          detectedAt: row.detectedAt?.toISOString() ?? null,
          mitigatedAt: row.mitigatedAt?.toISOString() ?? null,
          status: row.status,
        },
      ]),
    );
    const expected = Object.fromEntries(histories.map((h) => [h.events[0]!.pagerDutyId, h.expected]));
    expect(actual).toEqual(expected);
    expect(rows.filter((row) => row.services.length !== 1)).toEqual([]);
  });
});
