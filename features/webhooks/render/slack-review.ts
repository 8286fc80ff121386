// Slack messages of the review events: the prepared agenda and the weekly digest.
import { changeFigureLines } from "@/features/reviews/change-words";
import { actionItemLabel } from "@/lib/domain/action-item-enums";
import { label } from "@/lib/domain/incident-enums";
import { postmortemProgressLabel } from "@/lib/domain/postmortem-enums";
import { formatAvailability, formatCount, formatMinutes } from "@/lib/figure-text";
import { button, context, escapeMrkdwn, fields, header, link, listSections, section, userBlock, userLine, type Block } from "./blocks";
import type { SlackParts } from "./slack-incident";
import type { DigestFigures, ReviewDigestData, ReviewPreparedData } from "./types";
import { dayText, instantText } from "./words";

export function reviewPreparedMessage(data: ReviewPreparedData): SlackParts {
  const minutes = data.items.reduce((sum, item) => sum + item.minutes, 0);
  const lines = data.items.map((item, index) => `${index + 1}. *${escapeMrkdwn(item.kindLabel)}*: ${userLine(item.title)} (${item.minutes} min)`);
  const blocks: Block[] = [
    header(`Review ${data.week} prepared`),
    context(`Meeting ${dayText(data.meetingDate)} · ${formatCount(data.items.length)} items · ${formatCount(minutes)} min`),
    ...(lines.length > 0 ? listSections(lines, 10) : [section("_The agenda is empty._")]),
    button("Open the review", data.url),
  ];
  return { fallback: `Review ${escapeMrkdwn(data.week)} prepared: ${data.items.length} agenda items`, blocks };
}

const BASELINE_WORDS = { "whole-weeks": "mean of the 4 weeks before", "same-elapsed": "mean of the 4 weeks before, to the same time" } as const;

function figureFields(figures: DigestFigures): Block {
  const base = figures.baseline?.figures;
  const pair = (name: string, value: string, baseline: string | null): [string, string] => [name, baseline === null ? value : `${value}\n_vs ${baseline}_`];
  return fields([
    pair("Sev1", formatCount(figures.sev1), base ? base.sev1.toFixed(1) : null),
    pair("Sev2", formatCount(figures.sev2), base ? base.sev2.toFixed(1) : null),
    pair("Impact", formatMinutes(figures.impactMinutes), base ? formatMinutes(base.impactMinutes) : null),
    pair("Availability", formatAvailability(figures.availability), base ? formatAvailability(base.availability) : null),
  ]);
}

function figuresContext(figures: DigestFigures): string {
  const running = figures.weekRunning ? `The week is still running: figures so far${figures.until ? `, up to ${instantText(figures.until)}` : ""}. ` : "";
  const baseline = figures.baseline
    ? `Compared with the ${BASELINE_WORDS[figures.baseline.kind]}.`
    : "Not compared with earlier weeks: they hold no comparable figures.";
  return `${running}${baseline}`;
}

/** A titled list, or nothing when it is empty. */
const titled = (title: string, lines: string[], maxSections: number, more?: (n: number) => string, leftOut = 0): Block[] =>
  lines.length === 0 ? [] : [section(`*${title}*`), ...listSections(lines, maxSections, more, leftOut)];

export function reviewDigestMessage(data: ReviewDigestData): SlackParts {
  const deepDives = data.deepDives.map(
    (d) =>
      `• ${link(d.url, userLine(d.reference, 40))} ${userLine(d.title)}: ${formatMinutes(d.impactMinutes)} of impact, ${formatCount(d.usersAffected)} users, ${label(d.blastRadius)}, ${label(d.rootCauseCategory)}; postmortem ${postmortemProgressLabel(d.postmortemState).toLowerCase()}`,
  );
  const decisions = data.decisions.map((d) => `• *${userLine(d.item, 150)}*: ${userBlock(d.decision, 600)}`);
  const followUps = data.followUps;
  const followUpLines = followUps
    ? [
        ...followUps.decisions.map((d) => `• Decided on *${userLine(d.item, 150)}*: ${userBlock(d.decision, 600)}`),
        ...followUps.actionItems.map(
          (a) => `• ${link(a.url, userLine(a.title, 200))}: ${userLine(a.owner, 80)}, due ${dayText(a.dueDate)}, now *${actionItemLabel(a.status)}*`,
        ),
      ]
    : [];
  const agreed = data.actionItems.map(
    (a) =>
      `• ${link(a.url, userLine(a.title, 200))}: ${userLine(a.owner, 80)}, due ${dayText(a.dueDate)}, ${actionItemLabel(a.priority)}${a.incidentReference ? `, ${userLine(a.incidentReference, 40)}` : ""}`,
  );
  const meeting = data.meeting
    ? `Meeting held ${instantText(data.meeting.startedAt)}${data.meeting.finishedAt ? "" : " (still running)"}.`
    : "The review meeting has not been held yet.";
  const blocks: Block[] = [
    header(`Weekly digest ${data.week}`),
    figureFields(data.figures),
    context(figuresContext(data.figures)),
    ...(data.figures.changes ? [context(escapeMrkdwn(changeFigureLines(data.figures.changes).join("\n")))] : []),
    ...titled(`Follow-ups from the ${followUps?.week ?? ""} review`, followUpLines, 4),
    ...titled("Sev1 deep dives", deepDives, 4, (n) => `_…and ${formatCount(n)} more Sev1s this week_`, data.moreSev1),
    context(meeting),
    ...titled("Decisions", decisions, 8),
    ...titled("Action items agreed", agreed, 8),
    button("Open the review", data.url),
  ];
  return { fallback: `Weekly digest ${escapeMrkdwn(data.week)}: ${data.figures.sev1} Sev1, ${data.figures.sev2} Sev2`, blocks };
}
