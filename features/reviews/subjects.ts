import type { AgendaItemDetail } from "./agenda-types";

/** The incidents, action items and service an item is about, as the API and snapshot name them. */
export function subjectsOf(detail: AgendaItemDetail | null): { incidentReferences: string[]; actionItemIds: string[]; service: string | null } {
  const none = { incidentReferences: [], actionItemIds: [], service: null };
  if (!detail) return none;
  switch (detail.kind) {
    case "SEV1_DEEP_DIVE":
      return { ...none, incidentReferences: [detail.incident.reference] };
    case "AI_CHANGE_REVIEW":
    case "SEV2_ROUNDUP":
      return { ...none, incidentReferences: detail.incidents.map((i) => i.reference) };
    case "OVERDUE_ACTION_ITEMS":
    case "FOLLOW_UPS":
      return { ...none, incidentReferences: detail.incidentReferences, actionItemIds: detail.actionItemIds };
    case "POSTMORTEMS_PENDING":
      return { ...none, incidentReferences: detail.incidentReferences };
    case "WHEEL":
      return { ...none, service: detail.service.slug };
    case "METRICS":
    case "CUSTOM":
      return none;
  }
}

/** The incidents an item is about with their titles where it shows them: the choices for an action item agreed on it. */
export function incidentChoicesOf(detail: AgendaItemDetail | null): { reference: string; title: string | null }[] {
  const titles = new Map<string, string>();
  if (detail?.kind === "SEV1_DEEP_DIVE") titles.set(detail.incident.reference, detail.incident.title);
  if (detail?.kind === "AI_CHANGE_REVIEW" || detail?.kind === "SEV2_ROUNDUP") detail.incidents.forEach((i) => titles.set(i.reference, i.title));
  if (detail?.kind === "POSTMORTEMS_PENDING") detail.postmortems.forEach((p) => titles.set(p.reference, p.title));
  return subjectsOf(detail).incidentReferences.map((reference) => ({ reference, title: titles.get(reference) ?? null }));
}
