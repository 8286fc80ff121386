import type { Metadata } from "next";
import Link from "next/link";
import { IncidentFilterBar } from "@/features/incidents/components/incident-filter-bar";
import { IncidentTable } from "@/features/incidents/components/incident-table";
import { parseIncidentListParams } from "@/features/incidents/list/params";
import { readIncidentList, readListPage, type ListPageProps } from "@/features/incidents/list/queries";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { exportHref, hasFilters, pageHref } from "@/features/incidents/list/url";
import { formatCount } from "@/lib/figure-text";
import { LinkProblems } from "@/components/ui/link-problems";
import { PageLinks } from "@/components/ui/list-controls";

export const metadata: Metadata = { title: "Incidents" };
export const dynamic = "force-dynamic";

export default async function IncidentsPage(props: ListPageProps) {
  const { params, errors, page, options } = await readListPage(props, parseIncidentListParams, readIncidentList);
  const filtered = hasFilters(params.filters);
  // Already checked by readListPage; the session is read once per request.
  const actor = await requirePageActor("incident:read");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Incidents</h1>
        <div className="flex items-baseline gap-4 text-sm">
          <p className="text-slate-600" aria-live="polite">
            {formatCount(page.total?.count)}
            {page.total?.more ? "+" : ""} {filtered ? "matching" : "in all"}
          </p>
          <a href={exportHref(params)} download className="font-semibold text-indigo-700 hover:underline">
            Download CSV
          </a>
          {can(actor.role, "incident:create") && (
            <Link href="/incidents/import" className="font-semibold text-indigo-700 hover:underline">
              Import CSV
            </Link>
          )}
        </div>
      </div>
      <LinkProblems errors={errors} what="filters" />
      <IncidentFilterBar
        key={JSON.stringify(params.filters)}
        filters={params.filters}
        sort={params.sort}
        pageSize={params.pageSize}
        options={options}
        errors={errors}
      />
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {filtered ? (
            <>
              No incidents match these filters.{" "}
              <Link href="/incidents" className="font-semibold text-indigo-700 underline">
                Clear filters
              </Link>
              .
            </>
          ) : (
            <>
              No incidents yet.{" "}
              <Link href="/incidents/new" className="font-semibold text-indigo-700 underline">
                File the first one
              </Link>
              .
            </>
          )}
        </p>
      ) : (
        <IncidentTable items={page.items} params={params} />
      )}
      <PageLinks
        previousHref={page.previousCursor ? pageHref(params, { before: page.previousCursor }) : null}
        nextHref={page.nextCursor ? pageHref(params, { after: page.nextCursor }) : null}
      />
    </div>
  );
}
