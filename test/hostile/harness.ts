import { createMetricsCatalogue } from "@/features/metrics/test-fixtures";
import { openRouteTestDatabase } from "@/test/route-handlers";

/** A route-test database with the metrics catalogue, the organisation's settings and a LEAD's API token. */
export async function openHostileHarness() {
  const harness = await openRouteTestDatabase();
  await createMetricsCatalogue(harness.db);
  await harness.db.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  const { token } = await harness.mintToken("LEAD");
  return { ...harness, token };
}

/** A valid incident for POST /api/v1/incidents on that catalogue. */
export const VALID_INCIDENT = {
  title: "Checkout returns 502",
  summary: "Card payments failed.",
  severity: "SEV1",
  status: "MITIGATED",
  services: ["checkout"],
  startedAt: "2026-03-03T10:00:00Z",
  detectedAt: "2026-03-03T10:05:00Z",
  mitigatedAt: "2026-03-03T11:00:00Z",
  impact: { usersAffected: 120, failedTransactions: 30, regions: ["us-east-1"], capabilities: ["checkout"] },
  blastRadius: "SINGLE_SERVICE",
  rootCause: { category: "CODE_CHANGE", description: "A retry storm." },
  change: { reference: "PR-1", authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "ASSISTED", tool: "Copilot", description: "Wrote the retry loop." },
};

/** A valid change for POST /api/v1/changes on that catalogue; its commit names Claude in a trailer. */
export const VALID_CHANGE = {
  reference: "PR-812",
  service: "cart",
  deployedAt: "2026-03-03T09:00:00Z",
  title: "Retry card authorisation",
  url: "https://git.example.com/shop/pull/812",
  change: { authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "NONE", tool: "Copilot" },
  commits: [{ sha: "4f2a9c1", message: "Retry\n\nCo-authored-by: Claude <noreply@anthropic.com>" }],
};
