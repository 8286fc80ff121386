import type { Metadata } from "next";
import { IncidentForm } from "@/features/incidents/components/incident-form";
import { listServiceOptions } from "@/features/incidents/queries";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "File an incident" };
export const dynamic = "force-dynamic";

export default async function NewIncidentPage() {
  await requirePageActor("incident:create");
  const services = await listServiceOptions();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">File an incident</h1>
        <p className="text-sm text-slate-600">File it while it is hot; you can add the postmortem later.</p>
      </div>
      <IncidentForm services={services} />
    </div>
  );
}
