// Slack messages of the incident and postmortem events.
import { label } from "@/lib/domain/incident-enums";
import { WEBHOOK_EVENT_LABELS } from "@/lib/jobs/events";
import { SECTION_LABELS } from "@/lib/domain/postmortem-enums";
import { formatCount, formatMinutes } from "@/lib/figure-text";
import { button, context, fields, header, section, userBlock, userLine, type Block } from "./blocks";
import type { IncidentEventData, PostmortemEventData } from "./types";
import { instantText } from "./words";

export type SlackParts = { fallback: string; blocks: Block[] };

export function incidentMessage(type: "incident.sev1_filed" | "incident.mitigated", { incident }: IncidentEventData): SlackParts {
  const what = WEBHOOK_EVENT_LABELS[type];
  const heading = `${what}: ${incident.reference} ${incident.title}`;
  const services = incident.serviceDetails.map((s) => userLine(s.name, 80)).join(", ") || "none";
  const blocks: Block[] = [
    header(heading),
    ...(incident.summary.trim() ? [section(userBlock(incident.summary, 1500))] : []),
    fields([
      ["Severity", label(incident.severity)],
      ["Status", label(incident.status)],
      ["Started", instantText(incident.startedAt)],
      ...(type === "incident.mitigated" ? [["Mitigated", instantText(incident.mitigatedAt)] as [string, string]] : []),
      ["Impact", formatMinutes(incident.impactMinutes)],
      ["Users affected", formatCount(incident.impact.usersAffected)],
      ["Blast radius", label(incident.blastRadius)],
      ["Services", services],
      ["Root cause", label(incident.rootCause.category)],
    ]),
    ...(incident.policyViolation ? [context(":warning: The change behind it lacked the sign-off the AI policy requires.")] : []),
    button(`Open ${incident.reference}`, incident.url),
  ];
  return { fallback: `${what}: ${userLine(incident.reference, 40)} ${userLine(incident.title, 300)}`, blocks };
}

export function postmortemMessage({ incident, postmortem }: PostmortemEventData): SlackParts {
  const by = postmortem.publishedBy ? userLine(postmortem.publishedBy.name ?? postmortem.publishedBy.email, 100) : "—";
  const blocks: Block[] = [
    header(`${WEBHOOK_EVENT_LABELS["postmortem.published"]}: ${incident.reference} ${incident.title}`),
    fields([
      ["Published", instantText(postmortem.publishedAt)],
      ["Published by", by],
      ["Timeline events", formatCount(postmortem.timeline.length)],
      ["Five whys", formatCount(postmortem.fiveWhys.length)],
    ]),
    ...(["impactStatement", "lessonsLearned"] as const)
      .filter((name) => postmortem.sections[name].trim() !== "")
      .map((name) => section(`*${SECTION_LABELS[name]}*\n${userBlock(postmortem.sections[name], 1400)}`)),
    ...(postmortem.noActionNeededReason ? [context(`No action needed: ${userLine(postmortem.noActionNeededReason, 1000)}`)] : []),
    button("Read the postmortem", postmortem.url),
  ];
  return { fallback: `${WEBHOOK_EVENT_LABELS["postmortem.published"]}: ${userLine(incident.reference, 40)} ${userLine(incident.title, 300)}`, blocks };
}
