import type { Metadata } from "next";
import Link from "next/link";
import { CatalogueFormPage } from "@/features/teams/components/catalogue-form-page";
import { NewTeamForm } from "@/features/teams/components/team-forms";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New team" };
export const dynamic = "force-dynamic";

export default async function NewTeamPage() {
  await requirePageActor("service:manage");
  return (
    <CatalogueFormPage
      crumbs={
        <Link href="/teams" className="hover:text-indigo-700">
          Teams
        </Link>
      }
      title="New team"
      subject="Team"
      form={<NewTeamForm />}
    />
  );
}
