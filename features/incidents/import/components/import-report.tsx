import Link from "next/link";
import { HeaderCell, TableBox, TableHead } from "@/components/ui/table";
import { formatCount } from "@/lib/figure-text";
import type { ImportResult } from "../fields";
import { problemTotal } from "../import-request";

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** What a dry run found in the file: rows read, what would be imported and skipped, and every problem by line and column. */
export function DryRunReport({ report, fileName }: { report: ImportResult; fileName: string }) {
  const problems = problemTotal(report);
  return (
    <section aria-label="Check of the file" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-base font-semibold text-slate-900 [overflow-wrap:anywhere]">Check of {fileName}</h2>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure name="Rows read" value={report.rows} />
        <Figure name="Would import" value={report.imported} />
        <Figure name="Would skip as already present" value={report.skipped} />
        <Figure name="Problems" value={problems} />
      </dl>
      {problems === 0 ? (
        <p role="status" className="text-sm text-emerald-700">
          {report.imported === 0
            ? "No problems, and nothing to import: every row's reference is already here."
            : "No problems: nothing has been written yet. Import when ready."}
        </p>
      ) : (
        <ProblemTable report={report} />
      )}
    </section>
  );
}

function Figure({ name, value }: { name: string; value: number }) {
  return (
    <div className="min-w-0 rounded-md bg-slate-50 p-3">
      <dt className="text-xs text-slate-600">{name}</dt>
      <dd className="text-xl font-semibold tabular-nums">{formatCount(value)}</dd>
    </div>
  );
}

/** The problems by line and column; when the answer lists only the first ones, says how many more there are. */
export function ProblemTable({ report }: { report: ImportResult }) {
  const more = problemTotal(report) - report.errors.length;
  return (
    <div className="space-y-2">
      <p role="alert" className="text-sm font-medium text-red-700">
        {plural(problemTotal(report), "problem", "problems")} to fix before anything can be imported: nothing was written.
      </p>
      <TableBox label="Problems in the file">
        <table className="w-full text-sm">
          <TableHead>
            <HeaderCell align="right">Line</HeaderCell>
            <HeaderCell>Column</HeaderCell>
            <HeaderCell>Problem</HeaderCell>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {report.errors.map((problem, i) => (
              <tr key={i}>
                <td className="px-3 py-2 text-right tabular-nums">{problem.line}</td>
                <td className="px-3 py-2 [overflow-wrap:anywhere]">{problem.column}</td>
                <td className="px-3 py-2 [overflow-wrap:anywhere]">{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      {more > 0 && (
        <p className="text-sm text-slate-600">…and {plural(more, "more problem", "more problems")} not listed. Fix these and check again to see them.</p>
      )}
    </div>
  );
}

/** A real import's outcome, with the way to the incidents it added. */
export function ImportOutcome({ report }: { report: ImportResult }) {
  if (problemTotal(report) > 0) {
    return (
      <section aria-label="Import" className="space-y-3 rounded-lg border border-red-200 bg-white p-5 shadow-sm">
        <h2 className="text-base font-semibold text-slate-900">Nothing was imported</h2>
        <ProblemTable report={report} />
      </section>
    );
  }
  return (
    <section aria-label="Import" role="status" className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-5 text-sm text-emerald-900">
      <h2 className="text-base font-semibold">
        Imported {plural(report.imported, "incident", "incidents")}
        {report.skipped > 0 ? `; skipped ${formatCount(report.skipped)} already present` : ""}.
      </h2>
      <p>
        <Link href="/incidents" className="font-semibold text-indigo-700 underline">
          Open the incident list
        </Link>
      </p>
    </section>
  );
}
