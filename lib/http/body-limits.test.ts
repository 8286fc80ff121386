import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";

// The body checks every write shares: JSON only, and no more than the limit, refused before parsing.
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let postIncident: RouteHandler;
let postChange: RouteHandler;
let token = "";

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  token = (await harness.mintToken("ENGINEER")).token;
  postIncident = (await import("@/app/api/v1/incidents/route")).POST as RouteHandler;
  postChange = (await import("@/app/api/v1/changes/route")).POST as RouteHandler;
});
afterAll(() => harness.close());

const context = { params: Promise.resolve({}) };
const send = (handler: RouteHandler, headers: Record<string, string>, body: BodyInit) =>
  handler(
    new Request("http://localhost/api/v1/incidents", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
      duplex: "half",
    } as RequestInit),
    context,
  );

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { status: number; detail: string };
}

describe("request bodies", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/jsonx"])(
    "answers a write sent as %s with 415 and writes nothing",
    async (type) => {
      const body = await problemOf(await send(postIncident, { "content-type": type }, "{}"), 415);
      expect(body.detail).toContain("application/json");
      expect(await harness.db.incident.count()).toBe(0);
    },
  );

  it("answers a write without a content type with 415", async () => {
    const response = await postIncident(
      new Request("http://localhost/api/v1/incidents", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: new Uint8Array([123, 125]) }),
      context,
    );
    await problemOf(response, 415);
  });

  it("takes application/json with a UTF-8 charset and +json types to the validation", async () => {
    expect((await send(postIncident, { "content-type": "application/json; charset=utf-8" }, "{}")).status).toBe(400);
    expect((await send(postIncident, { "content-type": "application/merge-patch+json" }, "{}")).status).toBe(400);
  });

  it("answers a body over 1 MB with 413 before parsing it, announced or streamed", async () => {
    const big = JSON.stringify({ title: "x".repeat(1_048_600) });
    const announced = await problemOf(
      await send(postIncident, { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) }, big),
      413,
    );
    expect(announced.detail).toContain("1048576");
    // Streamed without a length: counted while reading, and cut off at the limit.
    const chunks = [big.slice(0, 600_000), big.slice(600_000)];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(new TextEncoder().encode(next));
        else controller.close();
      },
    });
    await problemOf(await send(postIncident, { "content-type": "application/json" }, stream), 413);
    expect(await harness.db.incident.count()).toBe(0);
  });

  it("lets a change carry its commits up to 8 MB", async () => {
    const body = JSON.stringify({
      reference: "PR-big",
      service: "nope",
      deployedAt: "2026-03-02T10:00:00Z",
      commits: Array.from({ length: 40 }, () => ({ message: "m".repeat(60_000) })),
    });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_048_576);
    // read and validated (the unknown service is the 400), not refused for its size
    expect((await send(postChange, { "content-type": "application/json" }, body)).status).toBe(400);
  });
});
