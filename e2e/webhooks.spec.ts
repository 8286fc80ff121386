import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./roles";

// A receiver on this machine: the app must run with WEBHOOK_ALLOW_PRIVATE_NETWORKS=1 (a loopback
// address is refused otherwise) and with its background worker, which sends the deliveries.
type Received = { headers: Record<string, string | string[] | undefined>; body: string };
const received: Received[] = [];
let receiver: Server;
let receiverUrl = "";

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ops-review-e2e`;
});
test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const rowOf = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("link", { name: receiverUrl.replace("http://", "") }) });

test.describe("as an ADMIN", () => {
  test.use({ storageState: storageStateOf("ADMIN") });

  test("adds a webhook from Settings, sees its secret once, tests it, pauses, resumes and deletes it", async ({ page }) => {
    await page.goto("/admin/settings");
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    // A field error, beside its field; what was typed is kept.
    await page.getByLabel("Receiver URL").fill("ftp://example.com/ops");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Receiver URL: The URL must start with https:// or http://.")).toBeVisible();
    await expect(page.getByLabel("Receiver URL")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Receiver URL")).toHaveValue("ftp://example.com/ops");

    await page.getByLabel("Receiver URL").fill(receiverUrl);
    await page.getByLabel("Format").selectOption({ label: "JSON (signed)" });
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secretBox = page.getByLabel("Signing secret", { exact: true });
    await expect(secretBox).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
    const secret = await secretBox.inputValue();
    await expect(page.getByText("Copy it now: it will not be shown again.")).toBeVisible();

    // Shown once: after a reload the page no longer holds it.
    await page.reload();
    await expect(rowOf(page)).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await expect(rowOf(page)).toContainText("Sev1 filed, Review prepared, Weekly digest");
    await expect(rowOf(page)).toContainText("JSON (signed)");
    await expect(rowOf(page)).toContainText("Active");
    await expect(rowOf(page)).toContainText("None yet");

    // Paused by the ADMIN, with the reason in words; resuming makes it active again.
    await rowOf(page)
      .getByRole("button", { name: /^Pause / })
      .click();
    await expect(rowOf(page)).toContainText("Paused");
    await expect(rowOf(page)).toContainText("Paused by admin@demo.ops-review.test");
    await rowOf(page)
      .getByRole("button", { name: /^Resume / })
      .click();
    await expect(rowOf(page)).toContainText("Active");
    await expect(rowOf(page)).not.toContainText("Paused");

    // The test event is sent by the background worker: the log shows it delivered, signed with the secret.
    await rowOf(page)
      .getByRole("button", { name: /^Send a test to / })
      .click();
    await expect(rowOf(page).getByText("Test queued: its delivery shows in the log.")).toBeVisible();
    await rowOf(page).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 2, name: "Deliveries" })).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("list", { name: "Deliveries, newest first" }).getByText("Delivered", { exact: true })).toBeVisible();
    }).toPass();
    const log = page.getByRole("list", { name: "Deliveries, newest first" }).getByRole("listitem").first();
    await expect(log).toContainText("Test");
    await expect(log).toContainText(/Attempt 1, .+: HTTP 200, \d+ ms/);
    const delivery = received.at(-1)!;
    const timestamp = String(delivery.headers["x-ops-review-timestamp"]);
    const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${delivery.body}`).digest("hex")}`;
    expect(delivery.headers["x-ops-review-signature"]).toBe(expected);

    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(rowOf(page)).toContainText("Delivered");

    page.once("dialog", (dialog) => dialog.accept());
    await rowOf(page)
      .getByRole("button", { name: /^Delete / })
      .click();
    await expect(rowOf(page)).toHaveCount(0);
  });

  test("sets the schedule in the organisation's time zone; a save over someone else's is refused and says so", async ({ page, browser }) => {
    await page.goto("/admin/webhooks");
    await expect(page.getByText(/Times are in the organisation's time zone, .+\./)).toBeVisible();
    const other = await browser.newPage({ storageState: storageStateOf("ADMIN") });
    await other.goto("/admin/webhooks");
    await page.getByLabel("Digest weekday").selectOption({ label: "Friday" });
    await page.getByLabel("Digest hour").selectOption({ label: "16:00" });
    await page.getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByText("Schedule saved.")).toBeVisible();
    await other.getByLabel("Reminder hour").selectOption({ label: "07:00" });
    await other.getByRole("button", { name: "Save schedule" }).click();
    const refusal = other.getByRole("alert").filter({ hasText: "someone saved first" });
    await expect(refusal).toContainText("The schedule is now: weekly digest on Friday at 16:00");
    await expect(other.getByLabel("Reminder hour")).toHaveValue("7");
    await other.close();
  });
});

test.describe("as a LEAD", () => {
  test.use({ storageState: storageStateOf("LEAD") });

  test("gets 403 for the webhooks page", async ({ page }) => {
    const response = await page.goto("/admin/webhooks");
    expect(response?.status()).toBe(403);
  });
});
