import { notFound } from "next/navigation";
import { getIncident } from "@/features/incidents/queries";
import { requirePageActor } from "@/lib/auth/guards";

// Here rather than in the pages: above their skeletons, so the anonymous are sent to sign in first and a missing incident is a real 404.
export default async function IncidentLayout({ children, params }: { children: React.ReactNode; params: Promise<{ reference: string }> }) {
  await requirePageActor("incident:read");
  if (!(await getIncident(decodeURIComponent((await params).reference)))) notFound();
  return children;
}
