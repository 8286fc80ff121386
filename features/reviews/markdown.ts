import { actionItemLabel } from "@/lib/domain/action-item-enums";
import { AI_INVOLVEMENT_LABELS, label, SEVERITY_LABELS } from "@/lib/domain/incident-enums";
import { postmortemProgressLabel } from "@/lib/domain/postmortem-enums";
import { formatAvailability, formatCount, formatMinutes } from "@/lib/figure-text";
import {
  authorText,
  changeFigureLines,
  deployToImpactText,
  incidentVerdictText,
  involvementText,
  MISMATCH_TEXT,
  NOT_NAMED_TEXT,
  NOT_RECORDED_AT_THE_TIME_TEXT,
  NOT_RECORDED_TEXT,
  signOffText,
} from "./change-words";
import { markdownLinkTarget, markdownText } from "./markdown-text";
import type { MeetingActionItem } from "./reads/review";
import { baselineKindOf } from "./so-far";
import { isOverdue } from "@/features/action-items/overdue";
import { doneBeforeText, NO_REPEATS_TEXT } from "./repeat-words";
import type { AgendaActionItem, AgendaIncident, AgendaItemDetail, PreviousMeeting } from "./agenda-types";
import type { AgendaItemView, ChangedIncident, ReviewView } from "./view";

const STATUS_LABEL = { NOT_PREPARED: "not prepared", PREPARED: "prepared", IN_PROGRESS: "in progress", DONE: "done" } as const;

// Every piece of user text goes through one of these two, never into the Markdown as typed.
const oneLine = (text: string) => markdownText(text.replace(/\s+/g, " ").trim());
const block = (text: string) => markdownText(text.trim());

function incidentLine(incident: AgendaIncident): string {
  const ai =
    incident.aiInvolvement === "NONE" ? "" : `, ${AI_INVOLVEMENT_LABELS[incident.aiInvolvement]}${incident.aiTool ? ` (${oneLine(incident.aiTool)})` : ""}`;
  const violation = incident.policyViolation ? ", **policy violation**" : "";
  return `- ${oneLine(incident.reference)} ${oneLine(incident.title)}: ${SEVERITY_LABELS[incident.severity]}, ${formatMinutes(incident.impactMinutes)} of impact, ${formatCount(incident.usersAffected)} users${ai}${violation}`;
}

const instantText = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** The incident's triggering change, as sub-items under its line. */
function triggeringChangeLines(incident: AgendaIncident): string[] {
  const trigger = incident.triggeringChange;
  const verdict = `  - Policy: ${incidentVerdictText(incident)}`;
  if (trigger?.state !== "recorded") {
    const what = !trigger
      ? NOT_RECORDED_AT_THE_TIME_TEXT
      : trigger.state === "not-named"
        ? NOT_NAMED_TEXT
        : `Change ${oneLine(trigger.reference)}: ${NOT_RECORDED_TEXT.toLowerCase()}`;
    return [`  - ${what}`, verdict];
  }
  const c = trigger.change;
  const target = c.url ? markdownLinkTarget(c.url) : null;
  const reference = target ? `[${oneLine(c.reference)}](${target})` : oneLine(c.reference);
  return [
    `  - Change ${reference}${c.title ? ` ${oneLine(c.title)}` : ""}: ${oneLine(c.service.name)}, deployed ${instantText(c.deployedAt)} (${deployToImpactText(c.deployedAt, incident.startedAt)}); ${authorText(c.authorLevel)}, ${signOffText(c.approval)}`,
    `  - AI involvement declared: ${involvementText(c.declared.involvement, c.declared.tool && oneLine(c.declared.tool))}; detected in commit trailers: ${involvementText(c.detected.involvement, c.detected.tool && oneLine(c.detected.tool))}${c.mismatch ? `. **${MISMATCH_TEXT}.**` : ""}`,
    verdict,
  ];
}

/** The incident's repeats, as items `indent` deep; nothing when they were not recorded. */
function repeatLines(incident: AgendaIncident, indent: string): string[] {
  if (incident.repeats === null) return [];
  if (incident.repeats.length === 0) return [`${indent}- ${NO_REPEATS_TEXT}`];
  return incident.repeats.map(
    (r) => `${indent}- Repeat of ${oneLine(r.reference)} ${oneLine(r.title)}, started ${instantText(r.startedAt)}: ${doneBeforeText(r).toLowerCase()}`,
  );
}

/** The previous held meeting's decisions and action items, each with its status now. */
function followUpLines(meeting: PreviousMeeting, judgedOn: string): string[] {
  return [
    `From the ${meeting.week} review (meeting finished ${instantText(meeting.finishedAt)}).`,
    "",
    ...meeting.decisions.map((d) => `- Decision on ${oneLine(d.itemTitle)}: ${oneLine(d.decision)}`),
    ...meeting.actionItems.map(
      (a) =>
        `- ${oneLine(a.title)} (${origin(a)}), owner ${oneLine(a.owner)}, due ${a.dueDate}, now ${actionItemLabel(a.status)}${isOverdue(a, judgedOn) ? ", **overdue**" : ""}`,
    ),
  ];
}

/** A bounded list's rows left out, counted (the app's list links to them). */
const moreLine = (more: number) => (more > 0 ? [`- …and ${more.toLocaleString("en-US")} more`] : []);

function detailLines(detail: AgendaItemDetail | null, judgedOn: string): string[] {
  if (!detail) return ["_Nothing left to discuss here._"];
  switch (detail.kind) {
    case "METRICS": {
      const { week, baseline } = detail;
      const kind = baselineKindOf(detail);
      const header = {
        "whole-weeks": "| | this week | mean of the 4 weeks before |",
        "same-elapsed": "| | this week so far | mean of the 4 weeks before, to the same time |",
        none: "| | this week so far | mean of the 4 whole weeks before (not comparable) |",
      }[kind];
      return [
        header,
        "|---|---:|---:|",
        `| Sev1 | ${week.sev1} | ${baseline.sev1.toFixed(1)} |`,
        `| Sev2 | ${week.sev2} | ${baseline.sev2.toFixed(1)} |`,
        `| Impact minutes | ${week.impactMinutes} | ${baseline.impactMinutes.toFixed(0)} |`,
        `| Availability | ${formatAvailability(week.availability)} | ${formatAvailability(baseline.availability)} |`,
        "",
        ...changeFigureLines(detail.changes).map((line) => `- ${line}`),
      ];
    }
    case "SEV1_DEEP_DIVE": {
      const i = detail.incident;
      return [
        incidentLine(i),
        `- Blast radius: ${label(i.blastRadius)}; services: ${i.services.map(oneLine).join(", ") || "none"}`,
        `- Root cause: ${label(i.rootCauseCategory)}${i.rootCauseDescription ? `: ${oneLine(i.rootCauseDescription)}` : ""}`,
        ...(i.policyViolationReason ? [`- Policy: ${oneLine(i.policyViolationReason)}`] : []),
        `- Postmortem: ${postmortemProgressLabel(i.postmortemState)}`,
        ...repeatLines(i, ""),
      ];
    }
    case "FOLLOW_UPS":
      return followUpLines(detail.previousMeeting, judgedOn);
    case "AI_CHANGE_REVIEW":
      return [
        ...detail.incidents.flatMap((incident) => [incidentLine(incident), ...triggeringChangeLines(incident), ...repeatLines(incident, "  ")]),
        ...moreLine(detail.more),
      ];
    case "SEV2_ROUNDUP":
      return [...detail.incidents.map(incidentLine), ...moreLine(detail.more)];
    case "OVERDUE_ACTION_ITEMS":
      return [
        ...detail.actionItems.map((a) => `- ${oneLine(a.title)} (${origin(a)}), owner ${oneLine(a.owner)}, due ${a.dueDate}, ${actionItemLabel(a.status)}`),
        ...moreLine(detail.more),
      ];
    case "POSTMORTEMS_PENDING":
      return [
        ...detail.postmortems.map(
          (p) => `- ${oneLine(p.reference)} ${oneLine(p.title)}: started ${p.startedOn}, postmortem: ${postmortemProgressLabel(p.postmortemState)}`,
        ),
        ...moreLine(detail.more),
      ];
    case "WHEEL":
      return [`- ${oneLine(detail.service.name)} (${oneLine(detail.service.team)})`];
    case "CUSTOM":
      return [];
  }
}

/** An action item's incident, or the review that agreed a follow-up about no one incident. */
const origin = (a: AgendaActionItem) =>
  a.incidentReference ? oneLine(a.incidentReference) : a.agreedInWeek ? `agreed in review ${a.agreedInWeek}` : "no incident";

function itemSection(item: AgendaItemView, judgedOn: string): string[] {
  const presenter = item.presenter ? `, ${oneLine(item.presenter.name)}` : "";
  return [
    `## ${item.order}. ${oneLine(item.title)} (${item.minutes} min${presenter})`,
    "",
    ...detailLines(item.detail, judgedOn),
    ...(item.notes.trim() ? ["", "**Notes**", "", block(item.notes)] : []),
    ...(item.decision.trim() ? ["", `**Decision:** ${block(item.decision)}`] : []),
    "",
  ];
}

const CHANGE_REASON = {
  edited: (c: ChangedIncident) => `edited since the meeting (version ${c.frozenVersion} → ${c.currentVersion})`,
  "filed-after-start": () => "filed after the meeting started",
  "not-on-agenda": () => "started in the week but was not on the agenda",
};

function changedSection(changes: ChangedIncident[]): string[] {
  if (changes.length === 0) return [];
  return [
    "## Changed since the meeting",
    "",
    "The figures above are as they stood when the meeting started.",
    "",
    ...changes.map((c) => `- ${oneLine(c.reference)} ${oneLine(c.title)}: ${CHANGE_REASON[c.reason](c)}`),
    "",
  ];
}

/** The review as Markdown, for pasting into an e-mail or a wiki: agenda, facts, notes, decisions. */
export function reviewToMarkdown(view: ReviewView, actionItems: MeetingActionItem[]): string {
  const frozen = view.frozen && view.review?.startedAt ? ` Figures as they stood when the meeting started (${instantText(view.review.startedAt)}).` : "";
  return [
    `# Weekly operations review ${view.week}`,
    "",
    `Meeting ${view.meetingDate}; ${STATUS_LABEL[view.status]}; ${view.totalMinutes} of ${view.meetingLengthMinutes} minutes planned.${frozen}`,
    "",
    ...changedSection(view.changedSinceMeeting),
    ...view.items.flatMap((item) => itemSection(item, view.judgedOn)),
    ...(actionItems.length > 0
      ? [
          "## Action items agreed in the meeting",
          "",
          ...actionItems.map(
            (a) => `- [ ] ${oneLine(a.title)} (${origin(a)}), ${oneLine(a.owner)}, due ${a.dueDate}, ${actionItemLabel(a.priority)} ${actionItemLabel(a.type)}`,
          ),
          "",
        ]
      : []),
  ].join("\n");
}
