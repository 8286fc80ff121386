// Who the review tests' server actions see as signed in: a LEAD with no user row, unless a test
// says otherwise. Stands in for @/lib/auth/current-actor:
//   vi.mock("@/lib/auth/current-actor", () => import("./test-signed-in"));
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";

export const signedIn: { role: Role; userId: string | null } = { role: "LEAD", userId: null };

export const currentUiActor = async (): Promise<Actor> => ({
  userId: signedIn.userId,
  tokenId: null,
  label: `${signedIn.role.toLowerCase()}@example.test`,
  method: "UI",
  role: signedIn.role,
});

export const currentSessionUser = async () => null;
