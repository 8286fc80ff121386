import type { ServiceFormValues } from "../form-values";
import type { TeamChoice } from "./service-fields";

const FIELDS = [
  { label: "Name", text: (v: ServiceFormValues) => v.name },
  { label: "Team", text: (v: ServiceFormValues, teams: TeamChoice[]) => teams.find((t) => t.slug === v.team)?.name ?? v.team },
  { label: "SLO target", text: (v: ServiceFormValues) => `${v.sloTargetPercent} %` },
];

/** Shown when someone saved first: their values beside the user's own, which the form kept. */
export function ServiceConflict(props: { current: ServiceFormValues; yours: ServiceFormValues; teams: TeamChoice[] }) {
  const differing = FIELDS.filter((field) => field.text(props.current, props.teams) !== field.text(props.yours, props.teams));
  return (
    <section aria-labelledby="service-conflict" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950">
      <h2 id="service-conflict" className="text-base font-semibold">
        Changed by someone else since you opened this page
      </h2>
      {differing.length === 0 ? (
        <p>Their values are the same as yours.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">The service as it now is, beside your values</caption>
          <thead className="text-xs uppercase tracking-wide text-amber-800">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Field
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Now
              </th>
              <th scope="col" className="py-1 font-medium">
                Yours
              </th>
            </tr>
          </thead>
          <tbody>
            {differing.map((field) => (
              <tr key={field.label} className="border-t border-amber-200 align-top">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {field.label}
                </th>
                <td className="py-1 pr-3 break-words">{field.text(props.current, props.teams)}</td>
                <td className="py-1 font-semibold break-words">{field.text(props.yours, props.teams)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
