// The fixed catalogue the demo data is drawn from: teams, services, regions, tools and people
// of a mid-sized online store. Fixed rather than random so that demos and screenshots agree.
import type { Role } from "../../lib/generated/prisma/enums";

export type DemoTeam = { slug: string; name: string };
export type DemoService = {
  slug: string;
  name: string;
  teamSlug: string;
  sloTarget: number;
  /** Customer-facing functions that break when this service does. */
  capabilities: readonly string[];
  /** How often it is involved in incidents, relative to the others. */
  incidentWeight: number;
};
export type DemoUser = { email: string; name: string; role: Role };

export const TEAMS: readonly DemoTeam[] = [
  { slug: "storefront", name: "Storefront" },
  { slug: "payments", name: "Payments" },
  { slug: "fulfilment", name: "Fulfilment" },
  { slug: "identity", name: "Identity" },
  { slug: "platform", name: "Platform" },
];

export const SERVICES: readonly DemoService[] = [
  { slug: "checkout-api", name: "Checkout API", teamSlug: "storefront", sloTarget: 0.9995, capabilities: ["checkout"], incidentWeight: 9 },
  { slug: "cart", name: "Cart", teamSlug: "storefront", sloTarget: 0.999, capabilities: ["checkout", "basket"], incidentWeight: 6 },
  { slug: "pricing", name: "Pricing", teamSlug: "storefront", sloTarget: 0.999, capabilities: ["pricing", "checkout"], incidentWeight: 7 },
  { slug: "search", name: "Search", teamSlug: "storefront", sloTarget: 0.995, capabilities: ["search", "browse"], incidentWeight: 7 },
  { slug: "payments-gateway", name: "Payments Gateway", teamSlug: "payments", sloTarget: 0.9995, capabilities: ["payments", "checkout"], incidentWeight: 6 },
  { slug: "fraud-scoring", name: "Fraud Scoring", teamSlug: "payments", sloTarget: 0.999, capabilities: ["payments"], incidentWeight: 4 },
  {
    slug: "order-router",
    name: "Order Router",
    teamSlug: "fulfilment",
    sloTarget: 0.999,
    capabilities: ["order-tracking", "delivery-promise"],
    incidentWeight: 5,
  },
  { slug: "inventory", name: "Inventory", teamSlug: "fulfilment", sloTarget: 0.999, capabilities: ["availability", "delivery-promise"], incidentWeight: 5 },
  {
    slug: "shipping-quotes",
    name: "Shipping Quotes",
    teamSlug: "fulfilment",
    sloTarget: 0.995,
    capabilities: ["delivery-promise", "checkout"],
    incidentWeight: 4,
  },
  { slug: "sign-in", name: "Sign-in", teamSlug: "identity", sloTarget: 0.9995, capabilities: ["sign-in"], incidentWeight: 5 },
  { slug: "account-profile", name: "Account Profile", teamSlug: "identity", sloTarget: 0.999, capabilities: ["account"], incidentWeight: 3 },
  { slug: "edge-cdn", name: "Edge CDN", teamSlug: "platform", sloTarget: 0.9995, capabilities: ["browse", "search", "checkout"], incidentWeight: 4 },
  {
    slug: "k8s-platform",
    name: "Kubernetes Platform",
    teamSlug: "platform",
    sloTarget: 0.999,
    capabilities: ["checkout", "search", "account"],
    incidentWeight: 5,
  },
  { slug: "feature-flags", name: "Feature Flags", teamSlug: "platform", sloTarget: 0.999, capabilities: ["checkout", "pricing"], incidentWeight: 3 },
  { slug: "notifications", name: "Notifications", teamSlug: "platform", sloTarget: 0.995, capabilities: ["order-tracking", "account"], incidentWeight: 3 },
];

/** Weighted: most traffic, and so most incidents, is in the first region. */
export const REGIONS: readonly (readonly [string, number])[] = [
  ["us-east-1", 40],
  ["us-west-2", 20],
  ["eu-west-1", 22],
  ["ap-southeast-2", 10],
  ["cn-north-1", 8],
];

export const AI_TOOLS = ["Kiro", "Amazon Q Developer", "GitHub Copilot", "Cursor"] as const;
/** Tools that can run an operation themselves (AGENT involvement). */
export const AI_AGENT_TOOLS = ["Kiro", "Amazon Q Developer", "Cursor"] as const;

/** One sign-in account per role, shown on the sign-in page, then the people who own action items. */
export const USERS: readonly DemoUser[] = [
  { email: "viewer@demo.ops-review.test", name: "Vera Viewer", role: "VIEWER" },
  { email: "engineer@demo.ops-review.test", name: "Eddie Engineer", role: "ENGINEER" },
  { email: "lead@demo.ops-review.test", name: "Lena Lead", role: "LEAD" },
  { email: "admin@demo.ops-review.test", name: "Adam Admin", role: "ADMIN" },
  { email: "priya.raman@demo.ops-review.test", name: "Priya Raman", role: "ENGINEER" },
  { email: "marcus.oyelaran@demo.ops-review.test", name: "Marcus Oyelaran", role: "ENGINEER" },
  { email: "sofia.lindqvist@demo.ops-review.test", name: "Sofia Lindqvist", role: "ENGINEER" },
  { email: "kenji.watanabe@demo.ops-review.test", name: "Kenji Watanabe", role: "ENGINEER" },
  { email: "amara.nwosu@demo.ops-review.test", name: "Amara Nwosu", role: "ENGINEER" },
  { email: "diego.fernandez@demo.ops-review.test", name: "Diego Fernández", role: "ENGINEER" },
  { email: "hannah.becker@demo.ops-review.test", name: "Hannah Becker", role: "ENGINEER" },
  { email: "wei.zhang@demo.ops-review.test", name: "Wei Zhang", role: "LEAD" },
  { email: "olivia.carter@demo.ops-review.test", name: "Olivia Carter", role: "LEAD" },
  { email: "rahul.mehta@demo.ops-review.test", name: "Rahul Mehta", role: "LEAD" },
];

export const ENGINEER_EMAILS = USERS.filter((u) => u.role === "ENGINEER").map((u) => u.email);
export const LEAD_EMAILS = USERS.filter((u) => u.role === "LEAD").map((u) => u.email);
/** Action items are owned by the people who fix things: engineers and leads. */
export const OWNER_EMAILS = [...ENGINEER_EMAILS, ...LEAD_EMAILS];

/** The demo sign-in accounts and their passwords, listed on the sign-in page in demo mode only. */
export const DEMO_SIGN_IN_ACCOUNTS = [
  { email: "viewer@demo.ops-review.test", role: "VIEWER", password: "viewer-demo-password" },
  { email: "engineer@demo.ops-review.test", role: "ENGINEER", password: "engineer-demo-password" },
  { email: "lead@demo.ops-review.test", role: "LEAD", password: "lead-demo-password" },
  { email: "admin@demo.ops-review.test", role: "ADMIN", password: "admin-demo-password" },
] as const;
