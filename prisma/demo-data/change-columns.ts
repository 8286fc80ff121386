// How a generated change maps onto the columns of `changes`.
import { arrayLiteral, type Column } from "./sql";
import type { DemoChange } from "./types";

/** A change ready to write: its database id and its service's. */
export type ChangeRow = { id: string; serviceId: string; change: DemoChange };

export const CHANGE_COLUMNS: readonly Column<ChangeRow>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "reference", type: "text", value: (r) => r.change.reference },
  { name: "service_id", type: "uuid", value: (r) => r.serviceId },
  { name: "deployed_at", type: "timestamptz", value: (r) => r.change.deployedAt },
  { name: "title", type: "text", value: (r) => r.change.title },
  { name: "url", type: "text", value: (r) => r.change.url },
  { name: "author_level", type: `"AuthorLevel"`, value: (r) => r.change.authorLevel },
  { name: "approval", type: `"ChangeApproval"`, value: (r) => r.change.approval },
  { name: "ai_involvement", type: `"AiInvolvement"`, value: (r) => r.change.aiInvolvement },
  { name: "ai_tool", type: "text", value: (r) => r.change.aiTool },
  { name: "commits", type: "jsonb", value: (r) => JSON.stringify(r.change.commits) },
  { name: "trailer_involvement", type: `"AiInvolvement"`, value: (r) => r.change.derived.trailerInvolvement },
  { name: "co_authors", type: "text[]", value: (r) => arrayLiteral(r.change.derived.coAuthors) },
  { name: "ai_detected", type: `"AiInvolvement"`, value: (r) => r.change.derived.aiDetected },
  { name: "ai_detected_tool", type: "text", value: (r) => r.change.derived.aiDetectedTool },
  { name: "ai_effective", type: `"AiInvolvement"`, value: (r) => r.change.derived.aiEffective },
  { name: "policy_violation", type: "boolean", value: (r) => r.change.derived.policyViolation },
  // The pipeline records a change as it deploys it.
  { name: "created_at", type: "timestamptz", value: (r) => r.change.deployedAt },
  { name: "updated_at", type: "timestamptz", value: (r) => r.change.deployedAt },
];
