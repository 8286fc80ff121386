import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { RuleViolationError } from "@/lib/errors";
import { recordEvent } from "@/lib/jobs/events";
import { postmortemRefSchema, publishSchema } from "../schemas";
import { transitionErrors, type Transition } from "../state";
import { changePostmortem, parseInput, type PostmortemChangeResult } from "./postmortem-change";

async function transition(
  db: Database,
  transitionName: Transition,
  input: { incidentId: string; version: number; noActionNeededReason?: string },
  actor: Actor,
  now: Date,
) {
  return changePostmortem(db, input, actor, { content: false }, async (tx, row) => {
    const actionItemCount = transitionName === "publish" ? await tx.actionItem.count({ where: { incidentId: input.incidentId } }) : 0;
    const reason = transitionName === "publish" ? (input.noActionNeededReason ?? null) : row.noActionNeededReason;
    const errors = transitionErrors(transitionName, { state: row.state, impactStatement: row.impactStatement, actionItemCount, noActionNeededReason: reason });
    if (Object.keys(errors).length > 0) throw new RuleViolationError(errors);
    if (transitionName === "publish") await recordEvent(tx, { type: "postmortem.published", subject: { incidentId: input.incidentId }, occurredAt: now });
    const data =
      transitionName === "submit"
        ? { state: "IN_REVIEW" as const, submittedAt: now, submittedById: actor.userId }
        : transitionName === "publish"
          ? { state: "PUBLISHED" as const, publishedAt: now, publishedById: actor.userId, noActionNeededReason: reason }
          : { state: "DRAFT" as const, submittedAt: null, submittedById: null };
    const audit = { state: { from: row.state, to: data.state }, ...(transitionName === "publish" ? { actionItemCount, noActionNeededReason: reason } : {}) };
    return { data, audit: { action: `postmortem.${transitionName === "sendBack" ? "send_back" : transitionName}`, changes: audit } };
  });
}

/** DRAFT → IN_REVIEW, recording who submitted it and when. */
export async function submitPostmortem(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "submit postmortems for review");
  return transition(db, "submit", parseInput(postmortemRefSchema, rawInput), actor, now);
}

/** IN_REVIEW → PUBLISHED by a LEAD, once there is an action item or a reason why none is needed. */
export async function publishPostmortem(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:publish", "publish postmortems");
  return transition(db, "publish", parseInput(publishSchema, rawInput), actor, now);
}

/** IN_REVIEW → DRAFT: the review asked for more work. */
export async function sendBackPostmortem(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "send postmortems back to draft");
  return transition(db, "sendBack", parseInput(postmortemRefSchema, rawInput), actor, now);
}
