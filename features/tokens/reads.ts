import { lowerRole, type Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  /** The role it acts with now: its own, or its creator's if that is lower. */
  actsAs: Role;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Every token, newest first, for the admin page and the command line; never the hash. */
export async function listApiTokens(db: Database): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { email: true, role: true } },
    },
  });
  return rows.map(({ createdBy, ...row }) => ({
    ...row,
    actsAs: createdBy ? lowerRole(row.role, createdBy.role) : row.role,
    createdBy: createdBy?.email ?? null,
  }));
}
