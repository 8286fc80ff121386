import "server-only";
import type { Actor } from "./actor";

/**
 * The actor behind a browser request. Sign-in is not built yet, so every visitor acts as an
 * engineer; this is the one place that changes when sessions arrive.
 */
export async function currentUiActor(): Promise<Actor> {
  return { userId: null, tokenId: null, label: "anonymous", method: "UI", role: "ENGINEER" };
}
