import type { Actor } from "@/lib/auth/actor";
import { mintApiToken, revokeApiToken } from "./mutations";
import { listApiTokens } from "./reads";
import type { Database } from "@/lib/db/client";

/** Prints the new token alone on stdout, so `… | tail -n 1` or `$(…)` captures just the token. */
export async function tokenCreateCommand(db: Database, actor: Actor, options: { name: string; role: string }): Promise<void> {
  const { id, token } = await mintApiToken(db, { name: options.name, role: options.role, createdById: actor.userId, actor });
  console.error(`Minted API token "${options.name.trim()}" with role ${options.role} (id ${id}).`);
  console.error("Store it now: it is shown this once and cannot be shown again.");
  console.log(token);
}

export async function tokenRevokeCommand(db: Database, actor: Actor, options: { id: string }): Promise<void> {
  const revoked = await revokeApiToken(db, options.id, actor);
  console.log(`Revoked API token "${revoked.name}" (id ${revoked.id}) as of ${revoked.revokedAt.toISOString()}.`);
}

const at = (instant: Date | null) => (instant ? instant.toISOString().slice(0, 16).replace("T", " ") : "-");

export async function tokenListCommand(db: Database): Promise<void> {
  const tokens = await listApiTokens(db);
  if (tokens.length === 0) {
    console.log("No API tokens yet.");
    return;
  }
  const rows = [
    ["ID", "NAME", "PREFIX", "ROLE", "CREATED BY", "CREATED (UTC)", "LAST USED (UTC)", "REVOKED (UTC)"],
    ...tokens.map((t) => [
      t.id,
      t.name,
      `${t.prefix}…`,
      t.actsAs === t.role ? t.role : `${t.role} (acts as ${t.actsAs})`,
      t.createdBy ?? "cli",
      at(t.createdAt),
      at(t.lastUsedAt),
      at(t.revokedAt),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    );
}
