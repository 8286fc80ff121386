import { CatalogueFormPage } from "@/features/teams/components/catalogue-form-page";
import { RenameTeamForm, RetireTeamButton } from "@/features/teams/components/team-forms";
import { readTeamForEdit } from "@/features/teams/queries";
import { editableOrNotFound, titleWithSlug, type SlugParams } from "@/lib/pages/record-page";

export const dynamic = "force-dynamic";

export const generateMetadata = titleWithSlug("Edit team");

export default async function EditTeamPage({ params }: { params: SlugParams }) {
  const team = await editableOrNotFound(params, readTeamForEdit);
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
