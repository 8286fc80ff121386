import { describe, expect, it } from "vitest";
import { ACTION_ITEM_LABELS } from "@/lib/domain/action-item-enums";
import { KIND_LABELS, POSTMORTEM_PROGRESS_LABELS } from "@/lib/domain/postmortem-enums";
import { KIND_LABEL as AGENDA_KIND_LABELS } from "@/features/reviews/kind-labels";
import { reviewStatusLabel } from "@/features/reviews/components/review-status-badge";
import * as DatabaseEnums from "@/lib/generated/prisma/enums";
import * as IncidentLabels from "@/lib/domain/incident-enums";
import { ACTOR_METHOD_LABELS, ENUM_FIELD_LABELS } from "@/features/incidents/field-labels";
import { INCIDENT_FORM_LABELS } from "@/features/incidents/field-labels";

type EnumName = Exclude<keyof typeof DatabaseEnums, "Role">;
const fromMap = (labels: Record<string, string>) => (value: string) => (Object.hasOwn(labels, value) ? labels[value] : undefined);

// Every enum of the database, with the words the app shows for its values. A new enum fails to
// compile here until it has its labels; a new value fails below. Roles are the one exception:
// VIEWER, ENGINEER, LEAD and ADMIN are the names the specification gives the roles.
const LABELLERS: Record<EnumName, (value: string) => string | undefined> = {
  Severity: fromMap(IncidentLabels.SEVERITY_LABELS),
  IncidentStatus: fromMap(IncidentLabels.INCIDENT_STATUS_LABELS),
  BlastRadius: fromMap(IncidentLabels.BLAST_RADIUS_LABELS),
  RootCauseCategory: fromMap(IncidentLabels.ROOT_CAUSE_CATEGORY_LABELS),
  AuthorLevel: fromMap(IncidentLabels.AUTHOR_LEVEL_LABELS),
  ChangeApproval: fromMap(IncidentLabels.CHANGE_APPROVAL_LABELS),
  AiInvolvement: fromMap(IncidentLabels.AI_INVOLVEMENT_LABELS),
  PostmortemState: fromMap(POSTMORTEM_PROGRESS_LABELS),
  TimelineEventKind: fromMap(KIND_LABELS),
  ActionItemPriority: fromMap(ACTION_ITEM_LABELS),
  ActionItemType: fromMap(ACTION_ITEM_LABELS),
  ActionItemStatus: fromMap(ACTION_ITEM_LABELS),
  ReviewStatus: (value) => reviewStatusLabel(value as keyof typeof DatabaseEnums.ReviewStatus),
  AgendaItemKind: fromMap(AGENDA_KIND_LABELS),
  ActorMethod: fromMap(ACTOR_METHOD_LABELS),
};
// Words of the domain that are their own label.
const OWN_WORDS = new Set(["P1", "P2", "P3"]);

describe("enum labels", () => {
  const enums = Object.entries(DatabaseEnums).filter(([name]) => name !== "Role") as [EnumName, Record<string, string>][];

  it.each(enums)("%s: every value has words of its own, never the raw value", (name, values) => {
    for (const value of Object.values(values)) {
      const words = LABELLERS[name](value);
      expect(words, `${name}.${value}`).toBeTruthy();
      if (!OWN_WORDS.has(value)) expect(words, `${name}.${value}`).not.toBe(value);
      expect(words, `${name}.${value}`).not.toMatch(/_/);
    }
  });

  it("labels every enum field of the incident form from its enum's own map", () => {
    for (const field of Object.keys(ENUM_FIELD_LABELS)) expect(INCIDENT_FORM_LABELS).toHaveProperty([field]);
    expect(Object.values(ENUM_FIELD_LABELS)).toEqual(
      expect.arrayContaining([IncidentLabels.SEVERITY_LABELS, IncidentLabels.BLAST_RADIUS_LABELS, IncidentLabels.AI_INVOLVEMENT_LABELS]),
    );
  });
});
