import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClass } from "@/components/ui/button";
import { DeliveryLog } from "@/features/webhooks/components/delivery-log";
import { LastDelivery, WebhookStatus } from "@/features/webhooks/components/webhook-table";
import { WebhookActionButton } from "@/features/webhooks/components/webhook-action-button";
import { sendTestEventAction } from "@/features/webhooks/actions/send-test-event";
import { webhookById, webhookDeliveries } from "@/features/webhooks/queries";
import { decodeDeliveryCursor } from "@/features/webhooks/reads";
import { eventWords, formatWords, shortUrl } from "@/features/webhooks/words";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Webhook deliveries" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  await requirePageActor("settings:manage");
  const { id } = await params;
  const before = (await searchParams).before;
  const webhook = await webhookById(id);
  if (!webhook) notFound();
  const page = await webhookDeliveries(id, { before: typeof before === "string" ? decodeDeliveryCursor(before) : null });
  return (
    <div className="max-w-4xl min-w-0 space-y-6">
      <div className="space-y-1">
        <Breadcrumbs
          links={[
            { href: "/admin/settings", label: "Settings" },
            { href: "/admin/webhooks", label: "Webhooks" },
          ]}
          here="Delivery log"
        />
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere]" title={webhook.url}>
          {shortUrl(webhook.url, 48)}
        </h1>
        <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">{webhook.url}</p>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-600">Status</dt>
          <dd>
            <WebhookStatus webhook={webhook} />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Last delivery</dt>
          <dd>
            <LastDelivery webhook={webhook} />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Events</dt>
          <dd>{webhook.events.map(eventWords).join(", ")}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Format</dt>
          <dd>{formatWords(webhook.format)}</dd>
        </div>
      </dl>
      <WebhookActionButton
        action={sendTestEventAction}
        fields={{ id: webhook.id, version: String(webhook.version) }}
        label="Send test"
        accessibleLabel="Send a test"
        pendingLabel="Sending…"
      />
      <section aria-labelledby="deliveries" className="space-y-3">
        <h2 id="deliveries" className="text-lg font-semibold">
          Deliveries
        </h2>
        <DeliveryLog deliveries={page.items} />
        <div className="flex gap-3">
          {before && (
            <Link href={`/admin/webhooks/${webhook.id}`} className={buttonClass("secondary", "sm")}>
              Newest
            </Link>
          )}
          {page.nextCursor && (
            <Link href={`/admin/webhooks/${webhook.id}?before=${page.nextCursor}`} className={buttonClass("secondary", "sm")}>
              Older deliveries
            </Link>
          )}
        </div>
      </section>
    </div>
  );
}
