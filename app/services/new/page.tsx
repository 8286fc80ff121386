import type { Metadata } from "next";
import Link from "next/link";
import { NewServiceForm } from "@/features/services/components/new-service-form";
import { readTeamChoices } from "@/features/teams/queries";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New service" };
export const dynamic = "force-dynamic";

export default async function NewServicePage() {
  await requirePageActor("service:manage");
  const teams = await readTeamChoices();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-slate-500">
          <Link href="/services" className="hover:text-indigo-700">Services</Link>
        </p>
        <h1 className="text-2xl font-bold">New service</h1>
        <p className="text-sm text-slate-600">
          It can be named on incidents as soon as it is created. Its team must exist: <Link href="/teams/new" className="text-indigo-700 hover:underline">create a team</Link> first if needed.
        </p>
      </div>
      <section aria-label="Service" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <NewServiceForm teams={teams} />
      </section>
    </div>
  );
}
