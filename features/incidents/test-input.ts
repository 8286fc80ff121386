// The incident the mutation tests file and edit: a SEV1 checkout outage caused by an
// AI-generated change with peer sign-off. Each test adds the status, times and impact it needs.
export const checkoutOutage = () => ({
  title: "Checkout blocked for card payments",
  summary: "Shoppers could not pay.",
  severity: "SEV1",
  services: ["checkout-api", "cart"],
  startedAt: "2026-11-24T08:00:00Z",
  blastRadius: "MULTI_SERVICE",
  rootCause: { category: "CODE_CHANGE", description: "A retry storm." },
  change: { reference: "PR-1", authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "GENERATED", tool: "GitHub Copilot" },
});
