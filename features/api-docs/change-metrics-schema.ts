// The response of GET /api/v1/metrics/changes (features/changes/metrics.ts, ChangeMetrics).
import { AI_INVOLVEMENTS } from "@/lib/domain/incident-enums";
import { durationStats, nullable, weeklySeries } from "./schema-parts";

const failureCount = {
  type: "object",
  properties: {
    changes: { type: "integer", description: "changes deployed" },
    failed: {
      type: "integer",
      description: "of them, those linked to at least one SEV1 or SEV2 incident (incident change.reference = the change's reference)",
    },
    changeFailureRate: { ...nullable("number"), description: "failed / changes; null when there were no changes" },
  },
  required: ["changes", "failed", "changeFailureRate"],
};
const changeFigures = {
  changes: failureCount.properties.changes,
  failed: failureCount.properties.failed,
  changeFailureRate: failureCount.properties.changeFailureRate,
  byAi: {
    type: "object",
    description: "split by the stronger of declared and detected AI involvement",
    properties: Object.fromEntries(AI_INVOLVEMENTS.map((group) => [group, failureCount])),
    required: [...AI_INVOLVEMENTS],
  },
  bySignOff: {
    type: "object",
    description: "compliant: the change had the sign-off the approval policy asks; violating: it did not",
    properties: { compliant: failureCount, violating: failureCount },
    required: ["compliant", "violating"],
  },
  recovery: { ...durationStats, description: "median and p90 of ttmMinutes of the incidents linked to the failed changes" },
};
const changeFigureNames = ["changes", "failed", "changeFailureRate", "byAi", "bySignOff", "recovery"];
export const changeMetricsSchema = weeklySeries(changeFigures, changeFigureNames, {
  properties: { total: { type: "object", description: "the same figures over the whole window", properties: changeFigures, required: changeFigureNames } },
  required: ["total"],
});
