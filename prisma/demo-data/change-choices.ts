// The change behind an incident in the demo data: its AI involvement and tool, the sign-off it
// had, and its reference (a pull request, config push or change ticket).
import type { AiInvolvement, AuthorLevel, ChangeApproval, RootCauseCategory } from "../../lib/generated/prisma/enums";
import { AI_AGENT_TOOLS, AI_TOOLS } from "./catalog";
import type { Random } from "./random";

/** The sign-off the default policy asks for, or (for the violators, 30 % unless told) something short of it. */
export function approvalFor(random: Random, level: AuthorLevel | undefined, aiInvolved: boolean, compliant?: boolean): ChangeApproval {
  if (!aiInvolved)
    return random.weighted([
      ["PEER", 70],
      ["SENIOR", 15],
      ["NONE", 10],
      ["MANAGER", 5],
    ] as const);
  const senior = level === "SENIOR" || level === "PRINCIPAL";
  if (compliant ?? random.chance(0.7))
    return senior
      ? "MANAGER"
      : random.weighted([
          ["SENIOR", 75],
          ["MANAGER", 25],
        ] as const);
  return senior
    ? random.weighted([
        ["PEER", 50],
        ["SENIOR", 40],
        ["NONE", 10],
      ] as const)
    : random.weighted([
        ["PEER", 75],
        ["NONE", 25],
      ] as const);
}

export const aiInvolvementFor = (random: Random, category: RootCauseCategory): Exclude<AiInvolvement, "NONE"> =>
  random.weighted(
    category === "INFRA_CHANGE"
      ? ([
          ["ASSISTED", 25],
          ["GENERATED", 30],
          ["AGENT", 45],
        ] as const)
      : ([
          ["ASSISTED", 50],
          ["GENERATED", 33],
          ["AGENT", 17],
        ] as const),
  );

export const aiToolFor = (random: Random, involvement: Exclude<AiInvolvement, "NONE">): string =>
  random.pick(involvement === "AGENT" ? AI_AGENT_TOOLS : AI_TOOLS);

export type ChangeCause = "CODE_CHANGE" | "CONFIG_CHANGE" | "INFRA_CHANGE";

export const isChangeCause = (category: RootCauseCategory): category is ChangeCause =>
  category === "CODE_CHANGE" || category === "CONFIG_CHANGE" || category === "INFRA_CHANGE";

/**
 * A pull request, config push or change ticket. While `taken` holds it the number is
 * counted up rather than redrawn, so a clash changes nothing else in the generated data.
 */
export function changeReferenceFor(random: Random, category: ChangeCause, serviceSlug: string, taken?: Set<string>): string {
  const [prefix, min, max] =
    category === "CODE_CHANGE"
      ? [`https://git.example.test/shop/${serviceSlug}/pull/`, 1200, 9800]
      : category === "CONFIG_CHANGE"
        ? ["CFG-", 10000, 39999]
        : ["CHG-", 4000, 9999];
  let number = random.int(min, max);
  while (taken?.has(`${prefix}${number}`)) number = number < max ? number + 1 : min;
  const reference = `${prefix}${number}`;
  taken?.add(reference);
  return reference;
}
