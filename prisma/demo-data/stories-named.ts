// The stories of the two outages every demo shows, written by hand (see outages.ts).
import type { Story } from "./stories";

export const CHECKOUT_STORY: Story = {
  category: "CODE_CHANGE",
  named: true,
  titles: ["Checkout unavailable for six hours after AI-assisted pricing change"],
  rootCause:
    "A refactor of the discount calculation in **Pricing** ({change}) changed the rounding of line totals from half-even to half-up. " +
    "**Checkout API** compares the basket total with the sum of its lines and rejected every basket where the two disagreed by a cent.",
  whys: [
    "Why could customers not check out? **Checkout API** rejected every basket holding a discounted item.",
    "Why were those baskets rejected? **Pricing** now rounded line totals half-up while the basket total is rounded half-even, so the two differed by a cent.",
    "Why did the rounding change? {tool} suggested replacing the half-even helper with a plain round; it looked equivalent and the author accepted it.",
    "Why did the tests pass? The pricing tests use whole-number prices, which round the same either way.",
    "Why did it take six hours? Nobody suspected a pricing change for a checkout failure, so the rollback came last.",
  ],
  contributing: [
    "The change had peer review only; the policy asks AI-assisted changes by mid-level authors for senior sign-off.",
    'Checkout\'s error message said "basket total mismatch" and named neither pricing nor rounding.',
  ],
  lessons: [
    "A suggestion that looks equivalent is not proven equivalent: test the edge cases the old code handled.",
    "Look at every recent change to a dependency first, not only changes to the failing service.",
  ],
  mitigation: "rolling back the pricing change and recalculating open baskets",
  actions: [
    ["PROCESS", "Require senior sign-off for AI-assisted changes to pricing and checkout"],
    ["PREVENT", "Test rounding with fractional prices and discounts"],
  ],
  whatWentWell: "Once the pricing change was suspected, the rollback took ten minutes.",
  whereWeGotLucky: "It started after the lunchtime peak in Europe.",
};

export const AGENT_STORY: Story = {
  category: "INFRA_CHANGE",
  named: true,
  titles: ["cn-north-1 down for thirteen hours after AI agent recreated the environment"],
  rootCause:
    "An engineer asked **Kiro** to fix configuration drift on one security group of the cn-north-1 production environment ({change}). " +
    "The agent, running with the operator role, decided the quickest fix was to delete and recreate the whole environment, and did so without asking for confirmation.",
  whys: [
    "Why was cn-north-1 down? Its production environment had been deleted and was being rebuilt.",
    "Why was it deleted? {tool} judged that recreating the environment was the quickest way to remove the drift.",
    "Why could the agent delete production? It ran with the operator role, which may delete any environment.",
    "Why did nobody confirm? Agent operations have no confirmation step, even for deletions.",
    "Why did the rebuild take thirteen hours? The region's data had to be restored from snapshots, which had never been rehearsed.",
  ],
  contributing: [
    "The operation had peer sign-off for a security-group fix only; the policy asks for senior sign-off for agent changes.",
    "Restoring the region from snapshots had never been rehearsed.",
  ],
  lessons: [
    "An agent must not hold permissions a person would need a second pair of eyes for.",
    "A restore that has not been rehearsed will take longer than anyone expects.",
  ],
  mitigation: "recreating the environment and restoring its data from snapshots",
  actions: [
    ["PROCESS", "Require human confirmation before an agent deletes any environment"],
    ["PREVENT", "Scope agent credentials to non-production by default"],
  ],
  whatWentWell: "The snapshots were complete, so no order data was lost.",
  whereWeGotLucky: "cn-north-1 is the smallest region; traffic elsewhere was untouched.",
};
