// The Slack message of the daily action-item reminder: per owner, overdue first.
import { actionItemLabel } from "@/lib/domain/action-item-enums";
import { formatCount } from "@/lib/figure-text";
import { button, context, header, link, listSections, userLine, type Block } from "./blocks";
import type { SlackParts } from "./slack-incident";
import type { ActionItemsDueData, DueActionItem } from "./types";
import { dayText } from "./words";

/** Owners shown one section each; the rest are counted. */
const MAX_OWNERS = 40;

const itemLine = (item: DueActionItem) =>
  `• ${link(item.url, userLine(item.title, 200))}: due ${dayText(item.dueDate)}, ${actionItemLabel(item.priority)}, ${actionItemLabel(item.status)}${item.incidentReference ? `, ${userLine(item.incidentReference, 40)}` : ""}`;

function ownerSection(owner: ActionItemsDueData["owners"][number]): Block[] {
  const who = owner.name ? `*${userLine(owner.name, 100)}* (${userLine(owner.email, 120)})` : `*${userLine(owner.email, 120)}*`;
  const lines = [
    who,
    ...(owner.overdue.length > 0 ? [`_Overdue (${formatCount(owner.overdue.length)})_`, ...owner.overdue.map(itemLine)] : []),
    ...(owner.dueThisWeek.length > 0 ? [`_Due this week (${formatCount(owner.dueThisWeek.length)})_`, ...owner.dueThisWeek.map(itemLine)] : []),
  ];
  return listSections(lines, 1);
}

export function actionItemsDueMessage(data: ActionItemsDueData): SlackParts {
  const overdue = data.owners.reduce((sum, o) => sum + o.overdue.length, 0);
  const dueThisWeek = data.owners.reduce((sum, o) => sum + o.dueThisWeek.length, 0);
  const summary = `Action items: ${formatCount(overdue)} overdue, ${formatCount(dueThisWeek)} due this week`;
  const left = data.owners.length - MAX_OWNERS;
  const blocks: Block[] = [
    header(summary),
    context(`As of ${dayText(data.date)}; this week ends ${dayText(data.weekEndsOn)}.`),
    ...data.owners.slice(0, MAX_OWNERS).flatMap(ownerSection),
    ...(left > 0 ? [context(`…and ${formatCount(left)} more people with action items due.`)] : []),
    button("Open the action items", data.url),
  ];
  return { fallback: summary, blocks };
}
