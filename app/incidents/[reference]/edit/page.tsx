import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IncidentForm } from "@/features/incidents/components/incident-form";
import { getIncident, listServiceOptions } from "@/features/incidents/queries";
import { requirePageActor } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

type Params = Promise<{ reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Edit ${decodeURIComponent((await params).reference).slice(0, 40)}` };
}

export default async function EditIncidentPage({ params }: { params: Params }) {
  await requirePageActor("incident:update");
  const incident = await getIncident(decodeURIComponent((await params).reference));
  if (!incident) notFound();
  const services = await listServiceOptions(incident.services);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <p className="font-mono text-sm text-slate-500">
          <Link href={`/incidents/${incident.reference}`} className="hover:text-indigo-700">
            {incident.reference}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Edit incident</h1>
        <p className="text-sm text-slate-600">
          Only the fields you change are saved. If someone else saves first, you will see what they changed and can re-apply yours.
        </p>
      </div>
      <IncidentForm services={services} edit={{ incident }} />
    </div>
  );
}
