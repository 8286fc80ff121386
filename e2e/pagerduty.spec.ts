import { createHmac, randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures/api";
import { storageStateOf } from "./roles";

// The PagerDuty settings are the organisation's own: only this file changes them.
const secret = `pd-e2e-${randomUUID()}`;
const unique = randomUUID().slice(0, 6).toUpperCase();
const pagerDutyServiceId = `PE2E${unique}`;
const pagerDutyIncidentId = `Q${unique}`;
const incidentUrl = `https://acme.pagerduty.com/incidents/${pagerDutyIncidentId}`;
const title = `PagerDuty: checkout latency ${unique}`;

/** A PagerDuty V3 webhook body for this file's incident. */
function pagerDutyEvent(type: string, occurredAt: string, priority: string) {
  return {
    event: {
      id: randomUUID(),
      event_type: type,
      resource_type: "incident",
      occurred_at: occurredAt,
      agent: null,
      client: null,
      data: {
        id: pagerDutyIncidentId,
        type: "incident",
        self: `https://api.pagerduty.com/incidents/${pagerDutyIncidentId}`,
        html_url: incidentUrl,
        number: 42,
        status: type === "incident.acknowledged" ? "acknowledged" : "triggered",
        incident_key: unique,
        created_at: "2026-12-01T09:00:00Z",
        title,
        service: { id: pagerDutyServiceId, type: "service_reference", summary: "Checkout", self: "", html_url: "" },
        priority: { id: `PRI${priority}`, type: "priority_reference", summary: priority, self: "", html_url: "" },
        urgency: "high",
      },
    },
  };
}

/** Posts an event as PagerDuty does: the raw body signed with HMAC-SHA256 under the secret. */
async function deliver(request: APIRequestContext, body: unknown) {
  const raw = JSON.stringify(body);
  const signature = `v1=${createHmac("sha256", secret).update(raw).digest("hex")}`;
  const response = await request.post("/api/v1/integrations/pagerduty/webhook", {
    data: raw,
    headers: { "content-type": "application/json", "x-pagerduty-signature": signature },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
}

const save = (page: Page) => page.getByRole("button", { name: "Save PagerDuty settings" }).click();

test.describe("as an ADMIN", () => {
  test.use({ storageState: storageStateOf("ADMIN"), apiRole: "VIEWER" });

  test("maps a PagerDuty service on the page; a signed event then files an incident that links back to PagerDuty", async ({ page, request, api }) => {
    await page.goto("/admin/settings");
    await page.getByRole("link", { name: "Integrations (PagerDuty)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
    await expect(page.getByLabel("Webhook address")).toHaveValue(/^https?:\/\/[^/]+\/api\/v1\/integrations\/pagerduty\/webhook$/);

    await page.getByLabel("Signing secrets").fill(secret);
    await page.getByRole("button", { name: "Add a PagerDuty service" }).click();
    await page
      .getByLabel(/^PagerDuty service id, row/)
      .last()
      .fill(pagerDutyServiceId);
    // No service chosen: the error names the row's PagerDuty service, next to it.
    await save(page);
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: `PagerDuty service ${pagerDutyServiceId}:` })
        .first(),
    ).toBeVisible();
    await expect(page.getByLabel(/^PagerDuty service id, row/).last()).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Signing secrets")).toHaveValue(secret);

    await page
      .getByLabel(/^Service, row/)
      .last()
      .selectOption({ label: "Checkout API" });
    await save(page);
    await expect(page.getByRole("status")).toContainText("PagerDuty settings saved.");
    await expect(page.getByText(/1 signing secret is set/)).toBeVisible();
    await expect(page.getByLabel("Signing secrets")).toHaveValue("");
    await page.reload();
    await expect(page.getByLabel(/^PagerDuty service id, row/).last()).toHaveValue(pagerDutyServiceId);
    await expect(
      page
        .getByLabel(/^Service, row/)
        .last()
        .locator("option:checked"),
    ).toHaveText("Checkout API");
    await expect(page.getByLabel("PagerDuty priority, row 1")).toHaveValue("P1");
    await expect(page.getByLabel("Severity, row 1").locator("option:checked")).toHaveText("Sev1");

    await deliver(request, pagerDutyEvent("incident.triggered", "2026-12-01T09:00:05Z", "P1"));
    await deliver(request, pagerDutyEvent("incident.acknowledged", "2026-12-01T09:04:00Z", "P1"));
    // A second acknowledgement changes nothing, nor does an unmapped priority (kept, and shown as ignored); P2 is Sev2.
    await deliver(request, pagerDutyEvent("incident.acknowledged", "2026-12-01T09:05:00Z", "P1"));
    await deliver(request, pagerDutyEvent("incident.priority_updated", "2026-12-01T09:06:00Z", "P5"));
    await deliver(request, pagerDutyEvent("incident.priority_updated", "2026-12-01T09:07:00Z", "P2"));

    const listed = await api.get(`/api/v1/incidents?source=pagerduty:${pagerDutyIncidentId}`);
    expect(listed.status(), await listed.text()).toBe(200);
    const { items } = (await listed.json()) as { items: { reference: string }[] };
    expect(items).toHaveLength(1);

    await page.goto(`/incidents/${items[0]!.reference}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const link = page.getByRole("link", { name: new RegExp(`incident ${pagerDutyIncidentId} in PagerDuty`) });
    await expect(link).toHaveAttribute("href", incidentUrl);
    await expect(link).toHaveAttribute("rel", /noopener/);
    const events = page.getByRole("region", { name: "PagerDuty events" });
    await expect(events.getByRole("row")).toHaveCount(6);
    await expect(events.getByRole("row", { name: /Triggered/ })).toContainText("Applied");
    await expect(events.getByRole("row", { name: /Acknowledged/ }).last()).toContainText("Applied");
    await expect(events.getByRole("row", { name: /Acknowledged/ }).first()).toContainText("Ignored");
    await expect(events.getByRole("row", { name: /Priority changed/ }).first()).toContainText("Applied");
    await expect(events.getByRole("row", { name: /Priority changed/ }).last()).toContainText("P5 is not mapped to a severity");
    await expect(page.getByText("Sev2").first()).toBeVisible();
    await expect(events).not.toContainText("incident.");
  });
});

test.describe("as a VIEWER", () => {
  test.use({ storageState: storageStateOf("VIEWER") });

  test("cannot reach the integrations page, nor see its link", async ({ page }) => {
    const response = await page.goto("/admin/integrations");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByLabel("Signing secrets")).toHaveCount(0);
  });
});
