import { notFound } from "next/navigation";
import { isoWeekField } from "@/features/reviews/schemas";
import { requirePageActor } from "@/lib/auth/guards";

// Here rather than in the page: above its skeleton, so the anonymous are sent to sign in first and a week that cannot exist is a real 404.
export default async function ReviewWeekLayout({ children, params }: { children: React.ReactNode; params: Promise<{ week: string }> }) {
  await requirePageActor("incident:read");
  if (!isoWeekField.safeParse(decodeURIComponent((await params).week)).success) notFound();
  return children;
}
