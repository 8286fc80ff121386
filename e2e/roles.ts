import type { Role } from "@/lib/auth/permissions";

export const ROLE_NAMES: Role[] = ["VIEWER", "ENGINEER", "LEAD", "ADMIN"];

export const DEMO_PASSWORDS: Record<Role, string> = {
  VIEWER: "viewer-demo-password",
  ENGINEER: "engineer-demo-password",
  LEAD: "lead-demo-password",
  ADMIN: "admin-demo-password",
};

export const demoEmail = (role: Role) => `${role.toLowerCase()}@demo.ops-review.test`;

/** The saved signed-in browser state of a demo role (made by auth.setup.ts). */
export const storageStateOf = (role: Role) => `e2e/.auth/${role.toLowerCase()}.json`;
