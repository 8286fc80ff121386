// A webhook event as a Slack message in Block Kit, within Slack's limits (blocks.ts).
import { button, context, cut, header, LIMITS, section, type Block } from "./blocks";
import { incidentMessage, postmortemMessage, type SlackParts } from "./slack-incident";
import { actionItemsDueMessage } from "./slack-due";
import { reviewDigestMessage, reviewPreparedMessage } from "./slack-review";
import type { EventData, EventDataByType, WebhookEventInput } from "./types";

export type { Block } from "./blocks";
export type SlackMessage = { text: string; blocks: Block[] };

function partsOf(type: string, data: EventData): SlackParts {
  const as = <T extends keyof EventDataByType>() => data as EventDataByType[T];
  switch (type) {
    case "incident.sev1_filed":
    case "incident.mitigated":
      return incidentMessage(type, as<typeof type>());
    case "postmortem.published":
      return postmortemMessage(as<"postmortem.published">());
    case "review.prepared":
      return reviewPreparedMessage(as<"review.prepared">());
    case "review.digest":
      return reviewDigestMessage(as<"review.digest">());
    case "action_items.due":
      return actionItemsDueMessage(as<"action_items.due">());
    case "webhook.test": {
      const { message, url } = as<"webhook.test">();
      return { fallback: message, blocks: [header(message), section("Deliveries of this webhook reach this channel."), button("Open Ops Review", url)] };
    }
    default:
      return { fallback: `Ops Review event ${type}`, blocks: [section(`Ops Review event \`${type.replace(/[^a-z0-9._]/gi, "")}\``)] };
  }
}

export function renderSlackMessage(event: WebhookEventInput, data: EventData): SlackMessage {
  const { fallback, blocks } = partsOf(event.type, data);
  const kept = blocks.length > LIMITS.blocks ? [...blocks.slice(0, LIMITS.blocks - 1), context("_…the rest is in Ops Review._")] : blocks;
  return { text: cut(fallback, LIMITS.fallback), blocks: kept };
}
