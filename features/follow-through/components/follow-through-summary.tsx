import { followThroughSentences } from "../summary-words";
import type { FollowThrough } from "../reads";

/** The period's follow-through in words, above its cards. */
export async function FollowThroughSummary({ figures }: { figures: Promise<FollowThrough> }) {
  return <p className="text-sm text-slate-700">{followThroughSentences(await figures).join(" ")}</p>;
}
