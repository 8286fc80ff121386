// Turns an incident's facts into the words people read: title, summary and root cause.
import { label } from "@/lib/domain/incident-enums";
import type { Random } from "./random";
import type { Story } from "./stories";
import { fill, type StoryContext } from "./texts";
import type { DemoIncident } from "./types";

/** 22816 → "22,816"; plain string work, as Intl and toLocaleString cost microseconds a call in bulk. */
export function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function regionText(regions: readonly string[]): string {
  return regions.length === 0 ? "all regions" : listText(regions);
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "14:07", in UTC. */
function clock(instant: Date): string {
  return `${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}`;
}

export function durationText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} hours` : `${hours} h ${rest} min`;
}

type Facts = Pick<
  DemoIncident,
  "severity" | "startedAt" | "mitigatedAt" | "usersAffected" | "failedTransactions" | "regions" | "capabilities" | "blastRadius"
> & { serviceNames: string[]; story: Story };

export function incidentTitle(random: Random, story: Story, context: StoryContext): string {
  return capitalise(fill(random.pick(story.titles), context));
}

/** "**Cart** and **Pricing** (multiple services)": the services hit and how wide, as the impact statement says it. */
export function affectedText(serviceNames: readonly string[], blastRadius: DemoIncident["blastRadius"]): string {
  return `${listText(serviceNames.map((name) => `**${name}**`))} (${label(blastRadius).toLowerCase()})`;
}

export function incidentSummary(facts: Facts): string {
  const where = regionText(facts.regions);
  const what = facts.capabilities.join(", ") || "customer requests";
  const hurt = facts.severity === "SEV1" ? "could not use" : "saw errors and slow responses in";
  const services = affectedText(facts.serviceNames, facts.blastRadius);
  const users = count(facts.usersAffected);
  if (!facts.mitigatedAt) {
    return (
      `Since ${clock(facts.startedAt)} UTC about ${users} customers in ${where} ${hurt} ${what}. ` +
      `Affected: ${services}. The on-call team is investigating; no mitigation is in place yet.`
    );
  }
  const failed = facts.failedTransactions ? ` ${count(facts.failedTransactions)} transactions failed.` : "";
  return (
    `Between ${clock(facts.startedAt)} and ${clock(facts.mitigatedAt)} UTC on ${facts.startedAt.getUTCFullYear()}-${pad(facts.startedAt.getUTCMonth() + 1)}-${pad(facts.startedAt.getUTCDate())} ` +
    `(${durationText(facts.mitigatedAt.getTime() - facts.startedAt.getTime())}), about ${users} customers in ${where} ${hurt} ${what}.${failed}\n\n` +
    `Affected: ${services}. Impact ended after ${facts.story.mitigation}.`
  );
}

export function rootCauseDescription(story: Story, context: StoryContext, mitigated: boolean): string {
  const text = fill(story.rootCause, context);
  // Before mitigation the cause is a working theory, and the write-up should say so.
  return mitigated ? text : `_Preliminary:_ ${text}`;
}
