import { notFound } from "next/navigation";
import { readTeamForEdit } from "@/features/teams/queries";
import { requirePageActor } from "@/lib/auth/guards";

// Here rather than in the page: above its skeleton, so a 403 keeps its status and a missing team is a real 404.
export default async function EditTeamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  await requirePageActor("service:manage");
  if (!(await readTeamForEdit((await params).slug))) notFound();
  return children;
}
