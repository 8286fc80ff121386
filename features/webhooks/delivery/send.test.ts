import { afterEach, describe, expect, it } from "vitest";
import { addressRefusal } from "./address-guard";
import { sendWebhookRequest, type SendOptions } from "./send";
import { startTestReceiver, type ReceiverAnswer, type TestReceiver } from "./test-receiver";

const receivers: TestReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(answer?: (n: number) => ReceiverAnswer, host?: string): Promise<TestReceiver> {
  const started = await startTestReceiver(answer && ((_request, n) => answer(n)), host);
  receivers.push(started);
  return started;
}

const open: SendOptions = { timeoutMs: 2_000, allowPrivateNetworks: true };
const strict: SendOptions = { timeoutMs: 2_000, allowPrivateNetworks: false };
const post = (url: string, body = '{"hello":"world"}') => ({ url, body, headers: { "Content-Type": "application/json", "X-Test": "yes" } });

describe("sending one attempt", () => {
  it("POSTs the body and headers, and a 2xx is done", async () => {
    const target = await receiver(() => ({ status: 204 }));
    const result = await sendWebhookRequest(post(`${target.origin}/hook?a=1`), open);
    expect(result).toMatchObject({ statusCode: 204, error: null, retryable: false, retryAfterMs: null });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(target.received).toHaveLength(1);
    expect(target.received[0]).toMatchObject({ method: "POST", path: "/hook?a=1", body: '{"hello":"world"}' });
    expect(target.received[0]?.headers).toMatchObject({ "content-type": "application/json", "x-test": "yes", "content-length": "17" });
  });

  it("retries 5xx and 429 (with its Retry-After), not other 4xx", async () => {
    const answers: ReceiverAnswer[] = [
      { status: 500 },
      { status: 429, headers: { "Retry-After": "7" } },
      { status: 503, headers: { "Retry-After": new Date(Date.now() + 3 * 3_600_000).toUTCString() } },
      { status: 400 },
      { status: 404 },
      { status: 400, headers: { "Retry-After": "7" } },
    ];
    const target = await receiver((n) => answers[n - 1] ?? { status: 200 });
    const results = [];
    for (let i = 0; i < answers.length; i += 1) results.push(await sendWebhookRequest(post(target.origin), open));
    expect(results.map(({ statusCode, retryable, retryAfterMs, error }) => ({ statusCode, retryable, retryAfterMs, error }))).toEqual([
      { statusCode: 500, retryable: true, retryAfterMs: null, error: null },
      { statusCode: 429, retryable: true, retryAfterMs: 7_000, error: null },
      { statusCode: 503, retryable: true, retryAfterMs: 3_600_000, error: null },
      { statusCode: 400, retryable: false, retryAfterMs: null, error: null },
      { statusCode: 404, retryable: false, retryAfterMs: null, error: null },
      { statusCode: 400, retryable: false, retryAfterMs: null, error: null },
    ]);
  });

  it("gives up on a receiver that does not answer within the timeout, and may try again", async () => {
    const target = await receiver(() => "hang");
    const result = await sendWebhookRequest(post(target.origin), { ...open, timeoutMs: 150 });
    expect(result).toMatchObject({ statusCode: null, error: "Timed out after 0.15 s", retryable: true });
    expect(target.received).toHaveLength(1);
  });

  it("counts reading the answer in the timeout, and reads no more than 64 KB of it", async () => {
    const slow = await receiver(() => ({ status: 200, body: "partial", keepOpen: true }));
    expect(await sendWebhookRequest(post(slow.origin), { ...open, timeoutMs: 150 })).toMatchObject({
      statusCode: null,
      error: "Timed out after 0.15 s",
      retryable: true,
    });
    // Past 64 KB the rest is not waited for: this answer never ends.
    const endless = await receiver(() => ({ status: 200, body: "x".repeat(65 * 1024), keepOpen: true }));
    expect(await sendWebhookRequest(post(endless.origin), { ...open, timeoutMs: 5_000 })).toMatchObject({ statusCode: 200, error: null });
  });

  it("says so when nothing listens or the name does not resolve, and may try again", async () => {
    const gone = await receiver();
    await gone.close();
    expect(await sendWebhookRequest(post(gone.origin), open)).toMatchObject({
      statusCode: null,
      error: `Connection refused by 127.0.0.1:${gone.port}`,
      retryable: true,
    });
    expect(await sendWebhookRequest(post("https://hooks.example.invalid/x"), strict)).toMatchObject({
      error: "Could not resolve hooks.example.invalid",
      retryable: true,
    });
  });

  it("follows redirects by hand, re-POSTing the same body, up to three", async () => {
    const target = await receiver((n) => (n < 3 ? { status: n === 1 ? 302 : 308, headers: { Location: `/hop${n}` } } : { status: 200 }));
    expect(await sendWebhookRequest(post(`${target.origin}/start`), open)).toMatchObject({ statusCode: 200, error: null });
    expect(target.received.map(({ method, path, body }) => ({ method, path, body }))).toEqual(
      ["/start", "/hop1", "/hop2"].map((path) => ({ method: "POST", path, body: '{"hello":"world"}' })),
    );

    const loop = await receiver(() => ({ status: 307, headers: { Location: "/again" } }));
    expect(await sendWebhookRequest(post(loop.origin), open)).toMatchObject({ statusCode: 307, error: "Too many redirects (more than 3)", retryable: false });
    expect(loop.received).toHaveLength(4);
  });
});

describe("private addresses (WEBHOOK_ALLOW_PRIVATE_NETWORKS unset)", () => {
  it.each([
    ["http://127.0.0.1:{port}/", "Not sent: 127.0.0.1 is a loopback address"],
    ["http://10.0.0.1/", "Not sent: 10.0.0.1 is a private address"],
    ["http://169.254.169.254/latest/meta-data", "Not sent: 169.254.169.254 is a link-local address"],
    ["http://localhost:{port}/", "Not sent: localhost resolves to 127.0.0.1: 127.0.0.1 is a loopback address"],
    ["http://[::1]:{port}/", "Not sent: ::1 is a loopback address"],
    ["http://2130706433:{port}/", "Not sent: 127.0.0.1 is a loopback address"],
    ["http://[::ffff:127.0.0.1]:{port}/", "Not sent: ::ffff:7f00:1 is a loopback address (127.0.0.1)"],
  ])("refuses %s before sending anything", async (url, error) => {
    // Listens on every local IPv4 and IPv6 address, so a request that got through would arrive.
    const local = await receiver(() => ({ status: 200 }), "::");
    const result = await sendWebhookRequest(post(url.replace("{port}", String(local.port))), strict);
    expect(result).toMatchObject({ statusCode: null, error, retryable: false });
    expect(local.received).toHaveLength(0);
  });

  it("checks every redirect the same way", async () => {
    const inside = await receiver(() => ({ status: 200 }), "127.0.0.2");
    const toInside = await receiver(() => ({ status: 302, headers: { Location: `${inside.origin}/internal` } }));
    const toMetadata = await receiver(() => ({ status: 307, headers: { Location: "http://169.254.169.254/latest/meta-data" } }));
    // The first receivers' own address stands in for a public one.
    const onlyFirst = { ...strict, refusal: (address: string) => (address === "127.0.0.1" ? null : addressRefusal(address)) };

    expect(await sendWebhookRequest(post(toInside.origin), onlyFirst)).toMatchObject({
      statusCode: null,
      error: `Redirect to ${inside.origin}/internal not followed: 127.0.0.2 is a loopback address`,
      retryable: false,
    });
    expect(await sendWebhookRequest(post(toMetadata.origin), onlyFirst)).toMatchObject({
      error: "Redirect to http://169.254.169.254/latest/meta-data not followed: 169.254.169.254 is a link-local address",
      retryable: false,
    });
    expect(toInside.received).toHaveLength(1);
    expect(toMetadata.received).toHaveLength(1);
    expect(inside.received).toHaveLength(0);
  });

  it("checks the addresses a name resolves to when connecting, redirects included", async () => {
    const inside = await receiver(() => ({ status: 200 }));
    const toName = await receiver(() => ({ status: 301, headers: { Location: `http://localhost:${inside.port}/` } }), "127.0.0.2");
    const onlySecond = { ...strict, refusal: (address: string) => (address === "127.0.0.2" ? null : addressRefusal(address)) };
    expect(await sendWebhookRequest(post(toName.origin), onlySecond)).toMatchObject({
      error: `Redirect to http://localhost:${inside.port}/ not followed: localhost resolves to 127.0.0.1: 127.0.0.1 is a loopback address`,
      retryable: false,
    });
    expect(inside.received).toHaveLength(0);
  });

  it("reaches a local receiver when private networks are allowed", async () => {
    const local = await receiver(() => ({ status: 200 }), "::");
    for (const url of [`http://127.0.0.1:${local.port}/`, `http://localhost:${local.port}/`, `http://[::1]:${local.port}/`]) {
      expect(await sendWebhookRequest(post(url), open)).toMatchObject({ statusCode: 200, error: null });
    }
    expect(local.received).toHaveLength(3);
  });
});
