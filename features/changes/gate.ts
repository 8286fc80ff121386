// The deploy gate: would this change be within the approval policy? Asked by the pipeline
// before deploying; reads the settings and writes nothing.
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { label } from "@/lib/domain/incident-enums";
import { isPolicyViolation, type AiInvolvement, type ApprovalPolicy, type ChangeApproval } from "@/lib/domain/approval-policy";
import type { Database } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { isAiMismatch } from "./derive";
import { requiredApprovalOf } from "./reads";
import { changeCheckSchema, type ChangeCheckInput } from "./schemas";
import { detectAiInvolvement, strongerInvolvement } from "@/lib/domain/ai-trailers";

export type GateAnswer = {
  allowed: boolean;
  requiredApproval: ChangeApproval[];
  reason: string;
  ai: { declared: AiInvolvement; detected: AiInvolvement; detectedTool: string | null; mismatch: boolean };
};

const oneOf = (approvals: readonly string[]) => (approvals.length <= 1 ? (approvals[0] ?? "") : `${approvals.slice(0, -1).join(", ")} or ${approvals.at(-1)}`);

/** The gate's verdict as one sentence a pipeline prints, e.g. "Blocked: AI-assisted change by a MID engineer has PEER sign-off; the policy requires SENIOR or MANAGER." */
export function gateAnswer(input: ChangeCheckInput, tools: readonly string[], policy: ApprovalPolicy): GateAnswer {
  const declared = input.ai.involvement;
  const detected = detectAiInvolvement(input.commits, tools);
  const effective = strongerInvolvement(declared, detected.involvement);
  const mismatch = isAiMismatch(declared, detected.involvement);
  const { authorLevel, approval } = input.change;
  const required = requiredApprovalOf(effective, authorLevel, policy);
  const allowed = !isPolicyViolation({ aiInvolvement: effective, authorLevel, approval }, policy);
  const ai = { declared, detected: detected.involvement, detectedTool: detected.tool, mismatch };
  if (effective === "NONE")
    return { allowed, requiredApproval: required, reason: "No AI involvement declared or found in the commit trailers: no sign-off is required.", ai };

  const trailers = mismatch
    ? ` Its commit trailers mark it ${label(detected.involvement)}${detected.tool ? ` (${detected.tool})` : ""} although no AI involvement was declared.`
    : "";
  const author = authorLevel ? `a ${label(authorLevel)} engineer` : "an engineer of unknown level";
  const signOff = approval === "NONE" ? "no sign-off" : `${label(approval)} sign-off`;
  const change = `${label(effective)} change by ${author}`;
  if (allowed) return { allowed, requiredApproval: required, reason: `${change} has ${signOff}, as the policy requires.${trailers}`, ai };
  const requirement =
    required.length > 0 ? `the policy requires ${oneOf(required.map(label))} sign-off` : "the policy allows no AI-involved change at this level";
  return { allowed, requiredApproval: required, reason: `Blocked: ${change} has ${signOff}; ${requirement}.${trailers}`, ai };
}

/** Checks a change against the policy without recording it; an unknown service is a 400. */
export async function checkChange(db: Pick<Database, "organisationSettings" | "service">, raw: unknown): Promise<GateAnswer> {
  const parsed = changeCheckSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  if (parsed.data.service !== undefined && !(await db.service.findUnique({ where: { slug: parsed.data.service }, select: { id: true } }))) {
    throw new ValidationError({ service: [`unknown service: ${parsed.data.service}`] });
  }
  const { approvalPolicy, aiTools } = await getOrganisationSettings(db);
  return gateAnswer(parsed.data, aiTools, approvalPolicy);
}
