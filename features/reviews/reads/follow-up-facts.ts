import type { Database } from "@/lib/db/client";
import type { PreviousMeeting } from "../agenda-types";
import { actionItemWithOwnerAndIncident, toAgendaActionItem } from "./backlog-facts";

/**
 * What the previous held meeting before the review of `week` decided and agreed: the latest
 * earlier review whose meeting finished (a meeting prepared, or started and never finished, is
 * not held), its agenda's decisions in order and the action items agreed in it with their status
 * now. Null when no earlier meeting was held. ISO weeks ("2026-W09") sort as text.
 */
export async function previousMeetingFacts(db: Pick<Database, "review">, week: string): Promise<PreviousMeeting | null> {
  const review = await db.review.findFirst({
    where: { isoWeek: { lt: week }, finishedAt: { not: null } },
    orderBy: { isoWeek: "desc" },
    select: {
      isoWeek: true,
      finishedAt: true,
      agendaItems: { where: { decision: { not: "" } }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { title: true, decision: true } },
      actionItems: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: actionItemWithOwnerAndIncident },
    },
  });
  if (!review?.finishedAt) return null;
  return {
    week: review.isoWeek,
    finishedAt: review.finishedAt.toISOString(),
    decisions: review.agendaItems.map((item) => ({ itemTitle: item.title, decision: item.decision.trim() })).filter((d) => d.decision !== ""),
    actionItems: review.actionItems.map(toAgendaActionItem),
  };
}
