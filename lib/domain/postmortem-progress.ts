import { Prisma } from "@/lib/generated/prisma/client";
import { POSTMORTEM_SECTIONS, type PostmortemProgress, type PostmortemSections, type PostmortemState } from "@/lib/domain/postmortem-enums";

/** What a reader needs of a postmortem to tell whether anyone has written in it. */
type Written = {
  id: string | null;
  state: PostmortemState;
  sections: PostmortemSections;
  timeline: readonly unknown[];
  fiveWhys: readonly unknown[];
  noActionNeededReason: string | null;
};

/** Where a postmortem stands for its readers: a draft nobody has written anything in is not started. */
export function postmortemProgressOf(postmortem: Written): PostmortemProgress {
  if (!postmortem.id) return "NOT_STARTED";
  if (postmortem.state !== "DRAFT") return postmortem.state;
  const written =
    POSTMORTEM_SECTIONS.some((section) => postmortem.sections[section].trim() !== "") ||
    postmortem.timeline.length > 0 ||
    postmortem.fiveWhys.length > 0 ||
    Boolean(postmortem.noActionNeededReason?.trim());
  return written ? "DRAFT" : "NOT_STARTED";
}

/**
 * The same in SQL, for the lists: the state of postmortem `alias`, or NULL (not started) for a
 * draft with nothing written. `alias` is a table alias the query chose, never user input.
 */
export const startedPostmortemStateSql = (alias: string) =>
  Prisma.raw(`CASE WHEN ${alias}.state <> 'DRAFT'
    OR btrim(${alias}.impact_statement || ${alias}.contributing_factors || ${alias}.what_went_well || ${alias}.where_we_got_lucky
      || ${alias}.lessons_learned || coalesce(${alias}.no_action_needed_reason, '')) <> ''
    OR EXISTS (SELECT 1 FROM timeline_events te WHERE te.postmortem_id = ${alias}.id)
    OR EXISTS (SELECT 1 FROM five_whys fw WHERE fw.postmortem_id = ${alias}.id)
    THEN ${alias}.state::text END`);
