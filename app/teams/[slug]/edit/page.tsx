import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CatalogueFormPage } from "@/features/teams/components/catalogue-form-page";
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
    <CatalogueFormPage
      crumbs={[{ href: "/teams", label: "Teams" }]}
      title={`Edit team ${team.name}`}
      intro={<p className="font-mono text-sm text-slate-500">{team.slug}</p>}
      subject="Team"
      form={<RenameTeamForm slug={team.slug} name={team.name} version={team.version} />}
      retirement={{
        retired: team.retiredAt !== null,
        text: (
          <p>
            {team.retiredAt
              ? "A retired team keeps its history and takes no service. Bring it back to give it services again."
              : active.length > 0
                ? `It owns ${active.length} active service${active.length === 1 ? "" : "s"} (${active.join(", ")}): move them to another team or retire them before retiring the team.`
                : "It owns no active service, so it can be retired. Its history stays."}
          </p>
        ),
        button: <RetireTeamButton key={team.version} slug={team.slug} name={team.name} version={team.version} retired={team.retiredAt !== null} />,
      }}
    />
  );
}
