import type { Metadata } from "next";
import Link from "next/link";
import { NewServiceForm } from "@/features/services/components/new-service-form";
import { CatalogueFormPage } from "@/features/teams/components/catalogue-form-page";
import { readTeamChoices } from "@/features/teams/queries";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New service" };
export const dynamic = "force-dynamic";

export default async function NewServicePage() {
  await requirePageActor("service:manage");
  const teams = await readTeamChoices();
  return (
    <CatalogueFormPage
      crumbs={[{ href: "/services", label: "Services" }]}
      title="New service"
      intro={
        <p className="text-sm text-slate-600">
          It can be named on incidents as soon as it is created. Its team must exist:{" "}
          <Link href="/teams/new" className="text-indigo-700 hover:underline">
            create a team
          </Link>{" "}
          first if needed.
        </p>
      }
      subject="Service"
      form={<NewServiceForm teams={teams} />}
    />
  );
}
