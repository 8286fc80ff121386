// The role model of the specification: one table of who may do what, used by pages,
// server actions, route handlers and the command line alike.

export const ROLES = ["VIEWER", "ENGINEER", "LEAD", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** Each action and the lowest role allowed to take it; every higher role may too. */
const LOWEST_ROLE = {
  "incident:read": "VIEWER",
  "incident:create": "ENGINEER",
  "incident:update": "ENGINEER",
  "change:record": "ENGINEER",
  "postmortem:edit": "ENGINEER",
  "actionItem:edit": "ENGINEER",
  "postmortem:publish": "LEAD",
  "incident:markNotRepeat": "LEAD",
  "review:manage": "LEAD",
  "service:manage": "LEAD",
  "user:manage": "ADMIN",
  "token:manage": "ADMIN",
  "settings:manage": "ADMIN",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof LOWEST_ROLE;

export function can(role: Role, permission: Permission): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(LOWEST_ROLE[permission]);
}

/** The lower of two roles: what a token may do when its creator's role is below its own. */
export const lowerRole = (a: Role, b: Role): Role => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b);
