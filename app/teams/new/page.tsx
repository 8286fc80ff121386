import type { Metadata } from "next";
import { CatalogueFormPage } from "@/features/teams/components/catalogue-form-page";
import { NewTeamForm } from "@/features/teams/components/team-forms";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New team" };
export const dynamic = "force-dynamic";

export default async function NewTeamPage() {
  await requirePageActor("service:manage");
  return <CatalogueFormPage crumbs={[{ href: "/teams", label: "Teams" }]} title="New team" subject="Team" form={<NewTeamForm />} />;
}
