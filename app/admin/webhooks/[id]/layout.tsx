import { notFound } from "next/navigation";
import { webhookById } from "@/features/webhooks/queries";
import { requirePageActor } from "@/lib/auth/guards";

// Here rather than in the page: above its skeleton, so a missing webhook is a real 404.
export default async function WebhookLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requirePageActor("settings:manage");
  if (!(await webhookById((await params).id))) notFound();
  return children;
}
