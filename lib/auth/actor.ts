import type { Role } from "./permissions";

/** Who is acting, and through which door; every audit event records both. */
export type Actor = {
  userId: string | null;
  tokenId: string | null;
  /** As shown in history: a user's e-mail, a token's name, "demo data". */
  label: string;
  method: "UI" | "API" | "CLI" | "SYSTEM";
  role: Role;
};

export const systemActor = (label: string): Actor => ({ userId: null, tokenId: null, label, method: "SYSTEM", role: "ADMIN" });
