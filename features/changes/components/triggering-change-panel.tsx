import Link from "next/link";
import { PolicyViolationBadge, SeverityBadge, UndeclaredAiBadge } from "@/components/ui/badges";
import { Card, Facts } from "@/components/ui/facts";
import { LocalTime } from "@/components/ui/local-time";
import type { ChangeResponse } from "../reads";
import { aiInvolvementWords, authorLevelWords, commitInWords, deployToImpactWords, minutesFromDeployToImpact, policyVerdict, signOffWords } from "../words";

/** Commits listed on the page; a change can carry 500. */
export const COMMITS_SHOWN = 20;

/**
 * The change the deploy pipeline recorded under the incident's change reference: where and
 * when it went out, how soon impact followed, its sign-off, declared against detected AI
 * involvement, its commits and the other incidents it caused.
 */
export function TriggeringChangePanel({ change, incident }: { change: ChangeResponse; incident: { reference: string; startedAt: string } }) {
  const ai = aiInvolvementWords(change.ai);
  const verdict = policyVerdict(change);
  const others = change.incidents.filter((linked) => linked.reference !== incident.reference);
  const shown = (change.commits ?? []).slice(0, COMMITS_SHOWN);
  return (
    <Card id="triggering-change" title="Triggering change">
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-3">
          {change.title && <p className="font-medium [overflow-wrap:anywhere]">{change.title}</p>}
          <Facts
            rows={[
              [
                "Reference",
                change.url ? (
                  <a key="r" href={change.url} rel="noreferrer" className="font-mono text-xs text-indigo-700 hover:underline">
                    {change.reference}
                  </a>
                ) : (
                  <span key="r" className="font-mono text-xs">
                    {change.reference}
                  </span>
                ),
              ],
              ["Service", `${change.serviceDetails.name} (${change.serviceDetails.team.name})`],
              ["Deployed", <LocalTime key="d" iso={change.deployedAt} />],
              ["Deploy to impact", deployToImpactWords(minutesFromDeployToImpact(change.deployedAt, incident.startedAt))],
              ["Author", authorLevelWords(change.change.authorLevel)],
              ["Sign-off", signOffWords(change.change.approval)],
              ["AI declared", ai.declared],
              [
                "AI in the trailers",
                <span key="t" className="inline-flex flex-wrap items-center gap-2">
                  {ai.detected}
                  {change.ai.mismatch && <UndeclaredAiBadge title="The commit trailers show AI involvement; the author declared none." />}
                </span>,
              ],
              [
                "Policy",
                <span key="p" className="space-y-1">
                  {verdict.violation && <PolicyViolationBadge text={verdict.short} />}
                  <span className="block">{verdict.sentence}</span>
                </span>,
              ],
            ]}
          />
        </div>
        <div className="min-w-0 space-y-4">
          <section aria-label="Commits">
            <h3 className="mb-1 text-sm font-semibold text-slate-700">Commits ({change.commitCount})</h3>
            {shown.length === 0 ? (
              <p className="text-sm text-slate-500">The pipeline sent no commits with this change.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {shown.map((commit, index) => (
                  <CommitLine key={`${commit.sha ?? ""}-${index}`} commit={commit} />
                ))}
              </ul>
            )}
            {change.commitCount > shown.length && <p className="mt-1 text-sm text-slate-500">and {change.commitCount - shown.length} more</p>}
          </section>
          <section aria-label="Other incidents from this change">
            <h3 className="mb-1 text-sm font-semibold text-slate-700">Other incidents from this change</h3>
            {others.length === 0 ? (
              <p className="text-sm text-slate-500">None.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {others.map((other) => (
                  <li key={other.reference} className="flex flex-wrap items-center gap-2">
                    <SeverityBadge severity={other.severity} />
                    <Link href={`/incidents/${other.reference}`} className="font-mono text-xs text-indigo-700 hover:underline">
                      {other.reference}
                    </Link>
                    <span className="min-w-0 [overflow-wrap:anywhere]">{other.title}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </Card>
  );
}

function CommitLine({ commit }: { commit: { sha: string | null; message: string } }) {
  const { sha, subject, body } = commitInWords(commit);
  const head = (
    <>
      {sha && <code className="mr-2 text-xs text-slate-500">{sha}</code>}
      <span className="[overflow-wrap:anywhere]">{subject}</span>
    </>
  );
  if (!body) return <li className="min-w-0">{head}</li>;
  return (
    <li className="min-w-0">
      <details>
        <summary className="cursor-pointer">{head}</summary>
        <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs [overflow-wrap:anywhere]">{commit.message}</pre>
      </details>
    </li>
  );
}
