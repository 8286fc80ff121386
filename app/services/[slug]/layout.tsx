import { notFound } from "next/navigation";
import { readService } from "@/features/services/queries";
import { requirePageActor } from "@/lib/auth/guards";

// Here rather than in the page: above its skeleton, so the anonymous are sent to sign in first and a missing service is a real 404.
export default async function ServiceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  await requirePageActor("incident:read");
  if (!(await readService((await params).slug))) notFound();
  return children;
}
