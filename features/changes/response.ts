// What leaves the server for a change: the nested shape of the API, with the derived fields
// and the incidents that link to it.
import { requiredApprovals, type AiInvolvement, type ApprovalPolicy, type ChangeApproval } from "@/lib/domain/approval-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAiMismatch } from "./derive";
import type { Commit } from "@/lib/domain/ai-trailers";

export const changeWithService = { service: { select: { slug: true, name: true, team: { select: { slug: true, name: true } } } } } satisfies Prisma.ChangeInclude;

export type ChangeRow = Prisma.ChangeGetPayload<{ include: typeof changeWithService }>;

/** An incident that names the change as its trigger. */
export type LinkedIncident = { reference: string; title: string; severity: "SEV1" | "SEV2"; startedAt: string; ttmMinutes: number | null };

export const commitsOf = (value: Prisma.JsonValue): Commit[] =>
  Array.isArray(value) ? value.flatMap((c) => (c && typeof c === "object" && !Array.isArray(c) && typeof c.message === "string" ? [{ sha: typeof c.sha === "string" ? c.sha : undefined, message: c.message }] : [])) : [];

/** The approvals the policy asks of the change: none when neither declared nor detected involvement is AI. */
export const requiredApprovalOf = (effective: AiInvolvement, authorLevel: Parameters<typeof requiredApprovals>[0], policy: ApprovalPolicy): ChangeApproval[] =>
  effective === "NONE" ? [] : requiredApprovals(authorLevel, policy);

export function toChangeResponse(row: ChangeRow, incidents: LinkedIncident[], policy: ApprovalPolicy, options: { commits: boolean } = { commits: true }) {
  const commits = commitsOf(row.commits);
  return {
    id: row.id,
    reference: row.reference,
    service: row.service.slug,
    serviceDetails: { slug: row.service.slug, name: row.service.name, team: row.service.team },
    deployedAt: row.deployedAt.toISOString(),
    title: row.title,
    url: row.url,
    change: { authorLevel: row.authorLevel, approval: row.approval },
    ai: {
      involvement: row.aiInvolvement,
      tool: row.aiTool,
      detected: row.aiDetected,
      detectedTool: row.aiDetectedTool,
      effective: row.aiEffective,
      mismatch: isAiMismatch(row.aiInvolvement, row.aiDetected),
    },
    ...(options.commits ? { commits: commits.map((c) => ({ sha: c.sha ?? null, message: c.message })) } : {}),
    commitCount: commits.length,
    policyViolation: row.policyViolation,
    requiredApproval: requiredApprovalOf(row.aiEffective, row.authorLevel, policy),
    failed: incidents.length > 0,
    incidents,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ChangeResponse = ReturnType<typeof toChangeResponse>;
