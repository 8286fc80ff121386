import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CsvImport } from "@/features/incidents/import/components/csv-import";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Import incidents from CSV" };
export const dynamic = "force-dynamic";

export default async function ImportIncidentsPage() {
  await requirePageActor("incident:create");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="space-y-1">
        <Breadcrumbs links={[{ href: "/incidents", label: "Incidents" }]} here="Import CSV" />
        <h1 className="text-2xl font-bold">Import incidents from CSV</h1>
        <p className="text-sm text-slate-600">
          Bring in the history another tool kept. Check the file first: nothing is written until you import, the import is all or nothing, and a row whose
          reference is already here is skipped.
        </p>
      </div>
      <CsvImport />
    </div>
  );
}
