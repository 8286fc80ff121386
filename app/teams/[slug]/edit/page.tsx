import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RenameTeamForm, RetireTeamButton } from "@/features/teams/components/team-forms";
import { readTeamForEdit } from "@/features/teams/queries";
import { requirePageActor } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Edit team ${(await params).slug}` };
}

export default async function EditTeamPage({ params }: { params: Params }) {
  await requirePageActor("service:manage");
  const team = await readTeamForEdit((await params).slug);
  if (!team) notFound();
  const active = team.services.map((s) => s.name);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-slate-500">
          <Link href="/teams" className="hover:text-indigo-700">Teams</Link>
        </p>
        <h1 className="text-2xl font-bold">Edit team {team.name}</h1>
        <p className="font-mono text-sm text-slate-500">{team.slug}</p>
      </div>
      <section aria-label="Team" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <RenameTeamForm slug={team.slug} name={team.name} version={team.version} />
      </section>
      <section aria-labelledby="retirement" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-sm">
        <h2 id="retirement" className="text-base font-semibold text-slate-900">{team.retiredAt ? "Retired" : "Retire"}</h2>
        <p>
          {team.retiredAt
            ? "A retired team keeps its history and takes no service. Bring it back to give it services again."
            : active.length > 0
              ? `It owns ${active.length} active service${active.length === 1 ? "" : "s"} (${active.join(", ")}): move them to another team or retire them before retiring the team.`
              : "It owns no active service, so it can be retired. Its history stays."}
        </p>
        <RetireTeamButton key={team.version} slug={team.slug} name={team.name} version={team.version} retired={team.retiredAt !== null} />
      </section>
    </div>
  );
}
