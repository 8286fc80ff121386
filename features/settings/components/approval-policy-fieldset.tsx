import { CHANGE_APPROVALS, label } from "@/lib/domain/incident-enums";
import type { FieldErrors } from "@/lib/validation";
import { policyFieldName, type SettingsFormValues } from "../form-values";
import { POLICY_AUTHOR_LEVELS } from "../schemas";

const levelLabel = (level: string) => (level === "UNKNOWN" ? "Unknown level" : label(level));
const approvalLabel = (approval: string) => (approval === "NONE" ? "No sign-off" : `${label(approval)} sign-off`);

/** For each author level, the approvals that let an AI-involved change through: a grid of checkboxes. */
export function ApprovalPolicyFieldset({ policy, errors }: { policy: SettingsFormValues["approvalPolicy"]; errors: FieldErrors }) {
  const problems = Object.entries(errors).filter(([key]) => key.startsWith("approvalPolicy"));
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby="approval-policy-hint">
      <legend className="text-sm font-medium text-slate-800">Approval policy for AI-involved changes</legend>
      <p id="approval-policy-hint" className="text-xs text-slate-500">
        An incident whose triggering change involved an AI tool is a policy violation unless the change had one of the sign-offs ticked for its author&apos;s
        level. Changes without AI involvement never are. Saving a new policy re-evaluates every incident.
      </p>
      <div className="relative overflow-x-auto">
        <table className="text-sm">
          <caption className="sr-only">Sign-offs that satisfy the policy, by author level</caption>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-1 pr-6 font-medium">
                Author level
              </th>
              {CHANGE_APPROVALS.map((approval) => (
                <th key={approval} scope="col" className="px-3 py-1 text-center font-medium">
                  {approvalLabel(approval)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {POLICY_AUTHOR_LEVELS.map((level) => (
              <tr key={level} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-6 text-left font-medium text-slate-800">
                  {levelLabel(level)}
                </th>
                {CHANGE_APPROVALS.map((approval) => (
                  <td key={approval} className="px-3 py-1.5 text-center">
                    <input
                      type="checkbox"
                      name={policyFieldName(level)}
                      value={approval}
                      defaultChecked={policy[level].includes(approval)}
                      aria-label={`${levelLabel(level)} author: ${approvalLabel(approval)} satisfies the policy`}
                      className="h-4 w-4 rounded border-slate-300 text-indigo-600"
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > 0 && (
        <p role="alert" className="text-sm text-red-700">
          Approval policy: {problems.flatMap(([, messages]) => messages).join("; ")}
        </p>
      )}
    </fieldset>
  );
}
