import type { AgendaItemDetail, AgendaItemKind } from "../types";
import { MoreRows, OverdueActionItemsTable, PendingPostmortemsTable } from "./follow-up-tables";
import { IncidentDeepDive } from "./incident-deep-dive";
import { AiChangeReview } from "./ai-change-review";
import { Sev2Table } from "./incident-tables";
import { MetricsDetail } from "./metrics-detail";
import { Wheel } from "./wheel";

export const KIND_LABEL: Record<AgendaItemKind, string> = {
  METRICS: "Metrics",
  SEV1_DEEP_DIVE: "Sev1 deep dive",
  AI_CHANGE_REVIEW: "AI change review",
  SEV2_ROUNDUP: "Sev2 roundup",
  OVERDUE_ACTION_ITEMS: "Overdue action items",
  POSTMORTEMS_PENDING: "Postmortems pending",
  WHEEL: "Wheel of services",
  CUSTOM: "Added by a lead",
};

/** The title as the page shows it: while the meeting runs, the wheel keeps its pick for the spin. */
export const shownTitle = (item: { kind: AgendaItemKind; title: string }, status: string) =>
  item.kind === "WHEEL" && status === "IN_PROGRESS" ? "The wheel: which service this week?" : item.title;

/** An item's facts, inline, by kind; a custom item has only its title. */
export function ItemDetail({ detail, judgedOn, meetingOver }: { detail: AgendaItemDetail | null; judgedOn: string; meetingOver: boolean }) {
  if (!detail) {
    return <p className="rounded-md bg-slate-100 px-4 py-3 text-slate-600">Nothing left to discuss here (the incident changed since the agenda was stored)</p>;
  }
  switch (detail.kind) {
    case "METRICS":
      return <MetricsDetail week={detail.week} baseline={detail.baseline} changes={detail.changes} />;
    case "SEV1_DEEP_DIVE":
      return <IncidentDeepDive incident={detail.incident} />;
    case "AI_CHANGE_REVIEW":
      return <AiChangeReview incidents={detail.incidents} />;
    case "SEV2_ROUNDUP":
      return <Sev2Table incidents={detail.incidents} />;
    case "OVERDUE_ACTION_ITEMS":
      return (
        <>
          <OverdueActionItemsTable actionItems={detail.actionItems} judgedOn={judgedOn} />
          <MoreRows more={detail.more} what="overdue action items" href="/action-items" />
        </>
      );
    case "POSTMORTEMS_PENDING":
      return (
        <>
          <PendingPostmortemsTable postmortems={detail.postmortems} judgedOn={judgedOn} />
          <MoreRows more={detail.more} what="pending postmortems" href="/incidents?severity=SEV1&postmortem=DRAFT&postmortem=IN_REVIEW&postmortem=NONE" />
        </>
      );
    case "WHEEL":
      return <Wheel candidates={detail.candidates} picked={detail.service} startLanded={meetingOver} />;
    case "CUSTOM":
      return null;
  }
}
