import type { Metadata } from "next";
import Link from "next/link";
import { LinkProblems } from "@/components/ui/link-problems";
import { PageLinks } from "@/components/ui/list-controls";
import { ChangeFilterBar } from "@/features/changes/components/change-filter-bar";
import { ChangeTable } from "@/features/changes/components/change-table";
import { parseChangeListParams } from "@/features/changes/list-params";
import { changeListHref, hasChangeFilters } from "@/features/changes/list-url";
import { readChangeList } from "@/features/changes/queries";
import { readListPage, type ListPageProps } from "@/features/incidents/list/queries";

export const metadata: Metadata = { title: "Changes" };
export const dynamic = "force-dynamic";

export default async function ChangesPage(props: ListPageProps) {
  const { params, errors, page, options } = await readListPage(props, parseChangeListParams, readChangeList);
  const filtered = hasChangeFilters(params.filters);
  const pageLink = (cursor: { after?: string; before?: string }) => changeListHref({ filters: params.filters, pageSize: params.pageSize, ...cursor });
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Changes</h1>
        <p className="text-sm text-slate-600">Every change the deploy pipeline recorded, newest deploy first, with the incidents it caused.</p>
      </div>
      <LinkProblems errors={errors} what="filters" />
      <ChangeFilterBar key={JSON.stringify(params.filters)} filters={params.filters} pageSize={params.pageSize} options={options} errors={errors} />
      {page.items.length === 0 ? (
        <div className="space-y-2 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {filtered ? (
            <p>
              No changes match these filters.{" "}
              <Link href="/changes" className="font-semibold text-indigo-700 underline">
                Clear filters
              </Link>
              .
            </p>
          ) : (
            <>
              <p className="font-medium text-slate-800">No changes recorded yet.</p>
              <p>
                The deploy pipeline records changes with <code className="rounded bg-slate-100 px-1">POST /api/v1/changes</code>, using an API token of the
                ENGINEER role; each deploy it sends shows here, with the incidents that name it.
              </p>
            </>
          )}
        </div>
      ) : (
        <ChangeTable items={page.items} />
      )}
      <PageLinks
        previousHref={page.previousCursor ? pageLink({ before: page.previousCursor }) : null}
        nextHref={page.nextCursor ? pageLink({ after: page.nextCursor }) : null}
      />
    </div>
  );
}
