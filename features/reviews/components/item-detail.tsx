import { fullListHref } from "../full-list-href";
import type { AgendaItemDetail, AgendaItemKind } from "../agenda-types";
import { MoreRows, OverdueActionItemsTable, PendingPostmortemsTable } from "./follow-up-tables";
import { IncidentDeepDive } from "./incident-deep-dive";
import { AiChangeReview } from "./ai-change-review";
import { Sev2Table } from "./incident-tables";
import { baselineKindOf } from "../so-far";
import { MetricsDetail } from "./metrics-detail";
import { Wheel } from "./wheel";
import { FollowUps } from "./follow-ups";

/** The title as the page shows it: while the meeting runs, the wheel keeps its pick for the spin. */
export const shownTitle = (item: { kind: AgendaItemKind; title: string }, status: string) =>
  item.kind === "WHEEL" && status === "IN_PROGRESS" ? "The wheel: which service this week?" : item.title;

/** How the wheel shows: at rest on its pick or ready to spin, and whether this reader may spin it. */
export type WheelState = { landed: boolean; spunAt: string | null; maySpin: boolean };

/** An item's facts, inline, by kind; a custom item has only its title. */
export function ItemDetail({ detail, week, judgedOn, wheel }: { detail: AgendaItemDetail | null; week: string; judgedOn: string; wheel: WheelState }) {
  if (!detail) {
    return <p className="rounded-md bg-slate-100 px-4 py-3 text-slate-600">Nothing left to discuss here (the incident changed since the agenda was stored)</p>;
  }
  const more = (what: string, order: string) =>
    "more" in detail ? <MoreRows more={detail.more} what={what} order={order} href={fullListHref(detail.kind, week, judgedOn) ?? "/incidents"} /> : null;
  switch (detail.kind) {
    case "METRICS":
      return (
        <>
          <MetricsDetail
            week={detail.week}
            baseline={detail.baseline}
            changes={detail.changes}
            soFar={detail.soFar ?? null}
            baselineKind={baselineKindOf(detail)}
          />
          {detail.moreSev1 ? (
            <MoreRows
              more={detail.moreSev1}
              what="Sev1s without a deep dive"
              order="the deep dives above take the most impact first"
              href={fullListHref("SEV1_DEEP_DIVE", week, judgedOn) ?? "/incidents"}
            />
          ) : null}
        </>
      );
    case "FOLLOW_UPS":
      return <FollowUps meeting={detail.previousMeeting} judgedOn={judgedOn} />;
    case "SEV1_DEEP_DIVE":
      return <IncidentDeepDive incident={detail.incident} />;
    case "AI_CHANGE_REVIEW":
      return (
        <>
          <AiChangeReview incidents={detail.incidents} />
          {more("AI-involved incidents", "policy violations, then the most impact, shown first")}
        </>
      );
    case "SEV2_ROUNDUP":
      return (
        <>
          <Sev2Table incidents={detail.incidents} />
          {more("Sev2s", "the most impact shown first")}
        </>
      );
    case "OVERDUE_ACTION_ITEMS":
      return (
        <>
          <OverdueActionItemsTable actionItems={detail.actionItems} judgedOn={judgedOn} />
          {more("overdue action items", "the most overdue shown first")}
        </>
      );
    case "POSTMORTEMS_PENDING":
      return (
        <>
          <PendingPostmortemsTable postmortems={detail.postmortems} judgedOn={judgedOn} />
          {more("pending postmortems", "the oldest shown first")}
        </>
      );
    case "WHEEL":
      return (
        <Wheel candidates={detail.candidates} picked={detail.service} startLanded={wheel.landed} spunAt={wheel.spunAt} spinFor={wheel.maySpin ? week : null} />
      );
    case "CUSTOM":
      return null;
  }
}
