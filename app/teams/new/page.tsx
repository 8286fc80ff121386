import type { Metadata } from "next";
import Link from "next/link";
import { NewTeamForm } from "@/features/teams/components/team-forms";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New team" };
export const dynamic = "force-dynamic";

export default async function NewTeamPage() {
  await requirePageActor("service:manage");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-slate-500">
          <Link href="/teams" className="hover:text-indigo-700">Teams</Link>
        </p>
        <h1 className="text-2xl font-bold">New team</h1>
      </div>
      <section aria-label="Team" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <NewTeamForm />
      </section>
    </div>
  );
}
