// How a generated change maps onto the columns of `changes`.
import { fieldColumns, type Column } from "./sql";
import type { DemoChange } from "./types";

/** A change ready to write: its database id and its service's. */
export type ChangeRow = { id: string; serviceId: string; change: DemoChange };

export const CHANGE_COLUMNS: readonly Column<ChangeRow>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "reference", type: "text", value: (r) => r.change.reference },
  { name: "service_id", type: "uuid", value: (r) => r.serviceId },
  ...fieldColumns(
    (r: ChangeRow) => r.change,
    `
    deployed_at         timestamptz
    title               text
    url                 text
    author_level        "AuthorLevel"
    approval            "ChangeApproval"
    ai_involvement      "AiInvolvement"
    ai_tool             text
    commits             jsonb`,
  ),
  ...fieldColumns(
    (r: ChangeRow) => r.change.derived,
    `
    trailer_involvement "AiInvolvement"
    co_authors          text[]
    ai_detected         "AiInvolvement"
    ai_detected_tool    text
    ai_effective        "AiInvolvement"
    policy_violation    boolean`,
  ),
  // The pipeline records a change as it deploys it.
  { name: "created_at", type: "timestamptz", value: (r) => r.change.deployedAt },
  { name: "updated_at", type: "timestamptz", value: (r) => r.change.deployedAt },
];
