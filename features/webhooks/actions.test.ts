import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { openRouteTestDatabase } from "@/test/route-handlers";

// The page's server actions against a real database, signed in as `signedIn.role`.
const signedIn: { role: Role } = { role: "ADMIN" };
vi.mock("@/lib/auth/current-actor", () => ({
  currentUiActor: async (): Promise<Actor> => ({ userId: null, tokenId: null, label: "admin@example.test", method: "UI", role: signedIn.role }),
  currentSessionUser: async () => null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let actions: {
  add: typeof import("./actions/add-webhook").addWebhookAction;
  pause: typeof import("./actions/set-webhook-paused").setWebhookPausedAction;
  remove: typeof import("./actions/delete-webhook").deleteWebhookAction;
  schedule: typeof import("./actions/save-webhook-schedule").saveWebhookScheduleAction;
};

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  actions = {
    add: (await import("./actions/add-webhook")).addWebhookAction,
    pause: (await import("./actions/set-webhook-paused")).setWebhookPausedAction,
    remove: (await import("./actions/delete-webhook")).deleteWebhookAction,
    schedule: (await import("./actions/save-webhook-schedule")).saveWebhookScheduleAction,
  };
});
afterAll(() => harness.close());

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
};

describe("the webhook page's actions", () => {
  it("adds a webhook and answers its secret once; a bad field is named beside the form's field, what was typed kept", async () => {
    signedIn.role = "ADMIN";
    const refused = await actions.add(undefined, form({ url: "http://169.254.169.254/", events: ["review.digest", "nope"], format: "json" }));
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual(["events", "url"]);
    expect(refused.values?.url).toBe("http://169.254.169.254/");
    expect(refused.events).toEqual(["review.digest", "nope"]);
    const added = await actions.add(undefined, form({ url: "https://hooks.example.com/ops", events: ["review.digest"], format: "slack", secret: "" }));
    expect(added.added?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: added.added!.id } })).format).toBe("slack");
  });

  it("pauses at the page's version, says someone saved first when it is stale, and deletes only once confirmed", async () => {
    signedIn.role = "ADMIN";
    const { id } = await db.webhook.create({ data: { url: "https://hooks.example.com/a", events: ["review.digest"], format: "json", secret: "s".repeat(20) } });
    expect(await actions.pause(undefined, form({ id, version: "1", paused: "true" }))).toEqual({ ok: "Paused." });
    const stale = await actions.pause(undefined, form({ id, version: "1", paused: "false" }));
    expect(stale.error).toMatch(/^Not resumed: .*someone saved first/);
    expect((await actions.remove(undefined, form({ id, version: "2" }))).error).toBe("Not deleted: confirm the deletion first.");
    expect(await db.webhook.count({ where: { id } })).toBe(1);
    expect(await actions.remove(undefined, form({ id, version: "2", confirmed: "true" }))).toEqual({ ok: "Deleted." });
    expect(await db.webhook.count({ where: { id } })).toBe(0);
  });

  it("saves the schedule; a save over someone else's keeps the typed values and says what they saved", async () => {
    signedIn.role = "ADMIN";
    expect(await actions.schedule(undefined, form({ version: "1", digestWeekday: "5", digestHour: "16", reminderHour: "9" }))).toMatchObject({ version: 2 });
    const stale = await actions.schedule(undefined, form({ version: "1", digestWeekday: "1", digestHour: "9", reminderHour: "7" }));
    expect(stale.error).toContain("someone saved first. The schedule is now: weekly digest on Friday at 16:00");
    expect(stale).toMatchObject({ version: 2, kept: { digestWeekday: "1", digestHour: "9", reminderHour: "7" } });
  });

  it("refuses a LEAD", async () => {
    signedIn.role = "LEAD";
    await expect(actions.add(undefined, form({}))).rejects.toThrow(ForbiddenError);
    await expect(actions.schedule(undefined, form({}))).rejects.toThrow(ForbiddenError);
  });
});
