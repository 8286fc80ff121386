import { NowAndYoursTable, SavedBy, SavedFirstNotice } from "@/components/ui/saved-first";
import { SEVERITY_LABELS } from "@/lib/domain/incident-enums";
import type { PagerDutyFormValues, PagerDutyMapping } from "../settings-form-values";

/** The settings as someone else saved them: enough to compare with the form. */
export type PagerDutyCurrent = PagerDutyMapping & { signingSecretCount: number; updatedAt: string | null };

const severityWords = (severity: string) => SEVERITY_LABELS[severity as keyof typeof SEVERITY_LABELS] ?? severity;

/** Shown when someone saved first: their mapping beside the user's, which the form kept. */
export function PagerDutyConflict(props: { current: PagerDutyCurrent; yours: PagerDutyFormValues; nameOf: (slug: string) => string }) {
  const { current, yours, nameOf } = props;
  const services = (rows: [string, string][]) => rows.map(([id, slug]) => `${id} → ${slug ? nameOf(slug) : "no service"}`).join("; ") || "None";
  const priorities = (rows: [string, string][]) => rows.map(([priority, severity]) => `${priority} → ${severityWords(severity)}`).join("; ") || "None";
  const rows: [string, string, string][] = [
    ["PagerDuty services", services(Object.entries(current.services)), services(yours.services.map((row) => [row.pagerDutyId, row.slug]))],
    ["Default service", current.defaultService ? nameOf(current.defaultService) : "None", yours.defaultService ? nameOf(yours.defaultService) : "None"],
    ["Priorities", priorities(Object.entries(current.priorities)), priorities(yours.priorities.map((row) => [row.priority, row.severity]))],
    ["Signing secrets", `${current.signingSecretCount} set`, yours.signingSecrets.trim() ? "Replaced by the ones you typed" : "Kept"],
  ];
  return (
    <SavedFirstNotice id="pagerduty-conflict" title="Changed by someone else since you opened this page">
      <p>
        <SavedBy at={current.updatedAt} /> Nothing of yours was saved: your values are still in the form. Save again to apply them over theirs.
      </p>
      <NowAndYoursTable
        caption="Current PagerDuty settings beside your values"
        rows={rows.map(([name, now, yours]) => ({ name, now, yours }))}
        firstWidth="w-1/4"
      />
    </SavedFirstNotice>
  );
}
