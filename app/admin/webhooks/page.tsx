import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { cardClass } from "@/components/ui/card";
import { AddWebhookForm } from "@/features/webhooks/components/add-webhook-form";
import { WebhookScheduleForm } from "@/features/webhooks/components/schedule-form";
import { WebhookTable } from "@/features/webhooks/components/webhook-table";
import { webhooks, webhookSchedule } from "@/features/webhooks/queries";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function WebhooksPage() {
  await requirePageActor("settings:manage");
  const [hooks, { schedule, timeZone }] = await Promise.all([webhooks(), webhookSchedule()]);
  return (
    <div className="max-w-5xl min-w-0 space-y-6">
      <div className="space-y-1">
        <Breadcrumbs links={[{ href: "/admin/settings", label: "Settings" }]} here="Webhooks" />
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <p className="text-sm text-slate-600">
          Other systems told of what happens here: a Sev1 filed, an incident mitigated, a postmortem published, a review prepared, the weekly digest and the
          action items due. Deliveries run in the background and are retried; a receiver that keeps failing is paused. The request format is in the{" "}
          <Link href="/api-docs" className="font-medium text-indigo-700 hover:underline">
            API reference
          </Link>
          .
        </p>
      </div>
      <WebhookTable webhooks={hooks} />
      <section aria-labelledby="add-webhook" className={cardClass("md", "min-w-0 space-y-4")}>
        <h2 id="add-webhook" className="text-lg font-semibold">
          Add a webhook
        </h2>
        <AddWebhookForm />
      </section>
      <section aria-labelledby="webhook-schedule" className={cardClass("md", "min-w-0 space-y-4")}>
        <h2 id="webhook-schedule" className="text-lg font-semibold">
          Schedule
        </h2>
        <p className="text-sm text-slate-600">When the weekly digest and the action-item reminders are sent, in {timeZone}.</p>
        <WebhookScheduleForm schedule={schedule} timeZone={timeZone} />
      </section>
    </div>
  );
}
