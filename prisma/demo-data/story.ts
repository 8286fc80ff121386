// Turns an incident's facts into the words people read: title, summary and root cause.
import type { RootCauseCategory } from "../../lib/generated/prisma/enums";
import { TITLE_TEMPLATES } from "./catalog";
import type { Random } from "./random";
import { fill, ROOT_CAUSES, type StoryContext } from "./texts";
import type { DemoIncident } from "./types";

/** How impact ended, by cause: the summary and the timeline both say it. */
export const MITIGATION_BY_CAUSE: Record<RootCauseCategory, string> = {
  CODE_CHANGE: "rolling back the change",
  CONFIG_CHANGE: "reverting the configuration",
  INFRA_CHANGE: "restoring the previous infrastructure",
  DEPENDENCY: "failing over to the secondary provider",
  CAPACITY: "scaling out and shedding low-priority traffic",
  HARDWARE: "failing over to a healthy zone",
  SECURITY: "narrowing the WAF rule",
  UNKNOWN: "restarting the affected instances",
};

/** 22816 → "22,816"; plain string work, as Intl and toLocaleString cost microseconds a call in bulk. */
export function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function regionText(regions: readonly string[]): string {
  if (regions.length === 0) return "all regions";
  if (regions.length === 1) return regions[0] ?? "";
  return `${regions.slice(0, -1).join(", ")} and ${regions[regions.length - 1]}`;
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
  "severity" | "startedAt" | "mitigatedAt" | "usersAffected" | "failedTransactions" | "regions" | "capabilities" | "rootCauseCategory"
> & { serviceNames: string[]; context: StoryContext };

export function incidentTitle(random: Random, category: RootCauseCategory, context: StoryContext): string {
  return capitalise(fill(random.pick(TITLE_TEMPLATES[category]), context));
}

export function incidentSummary(facts: Facts): string {
  const where = regionText(facts.regions);
  const what = facts.capabilities.join(", ") || "customer requests";
  const hurt = facts.severity === "SEV1" ? "could not use" : "saw errors and slow responses in";
  const services = facts.serviceNames.map((name) => `**${name}**`).join(", ");
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
    `Affected: ${services}. Impact ended after ${MITIGATION_BY_CAUSE[facts.rootCauseCategory]}.`
  );
}

export function rootCauseDescription(random: Random, category: RootCauseCategory, context: StoryContext, mitigated: boolean): string {
  const text = fill(random.pick(ROOT_CAUSES[category]), context);
  // Before mitigation the cause is a working theory, and the write-up should say so.
  return mitigated ? text : `_Preliminary:_ ${text}`;
}
