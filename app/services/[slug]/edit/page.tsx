import { LocalTime } from "@/components/ui/local-time";
import { EditServiceForm } from "@/features/services/components/edit-service-form";
import { RetireServiceButton } from "@/features/services/components/retire-service-button";
import { serviceFormValuesOf } from "@/features/services/form-values";
import { readServiceForEdit } from "@/features/services/queries";
import { CatalogueFormPage } from "@/features/teams/components/catalogue-form-page";
import { readTeamChoices } from "@/features/teams/queries";
import { editableOrNotFound, titleWithSlug, type SlugParams } from "@/lib/pages/record-page";

export const dynamic = "force-dynamic";

export const generateMetadata = titleWithSlug("Edit service");

export default async function EditServicePage({ params }: { params: SlugParams }) {
  const service = await editableOrNotFound(params, readServiceForEdit);
  const teams = await readTeamChoices(service.team.slug);
  return (
    <CatalogueFormPage
      crumbs={[
        { href: "/services", label: "Services" },
        { href: `/services/${service.slug}`, label: service.name },
      ]}
      title="Edit service"
      intro={
        <p className="text-sm text-slate-600">
          <span className="font-mono">{service.slug}</span> · moving it to another team moves its past figures with it. If someone else saves first, you will
          see their values beside yours.
        </p>
      }
      subject="Service"
      form={<EditServiceForm slug={service.slug} version={service.version} values={serviceFormValuesOf(service)} teams={teams} />}
      retirement={{
        retired: service.retiredAt !== null,
        text: service.retiredAt ? (
          <p>
            Retired <LocalTime iso={service.retiredAt} />. Its incidents and figures are kept; it is not offered when filing an incident.
          </p>
        ) : (
          <p>A retired service keeps its incidents and figures, is marked Retired in lists, and is no longer offered when filing an incident.</p>
        ),
        button: (
          <RetireServiceButton key={service.version} slug={service.slug} name={service.name} version={service.version} retired={service.retiredAt !== null} />
        ),
      }}
    />
  );
}
