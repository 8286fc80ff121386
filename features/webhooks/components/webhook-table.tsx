import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { HeaderCell, TableBox, TableHead } from "@/components/ui/table";
import { deleteWebhookAction } from "../actions/delete-webhook";
import { sendTestEventAction } from "../actions/send-test-event";
import { setWebhookPausedAction } from "../actions/set-webhook-paused";
import type { WebhookView } from "../reads";
import { deliveryStatusWords, eventWords, formatWords, shortUrl } from "../words";
import { WebhookActionButton } from "./webhook-action-button";

/** Active, or paused with the reason in words. */
export function WebhookStatus({ webhook }: { webhook: WebhookView }) {
  if (webhook.status === "active") return <span className="font-medium text-emerald-800">Active</span>;
  return (
    <span className="text-amber-900">
      <span className="font-medium">Paused</span>
      {webhook.pausedReason && <span className="block text-xs">{webhook.pausedReason}</span>}
      {webhook.pausedAt && (
        <span className="block text-xs">
          since <LocalTime iso={webhook.pausedAt} />
        </span>
      )}
    </span>
  );
}

/** The newest delivery: what it was, how it went and when. */
export function LastDelivery({ webhook }: { webhook: WebhookView }) {
  const last = webhook.lastDelivery;
  if (!last) return <span className="text-slate-500">None yet</span>;
  return (
    <span>
      {deliveryStatusWords(last.status)}
      <span className="block text-xs text-slate-500">
        {eventWords(last.eventType)}, <LocalTime iso={last.finishedAt ?? last.createdAt} />
      </span>
    </span>
  );
}

/** The webhooks, each with its actions and a link to its delivery log. */
export function WebhookTable({ webhooks }: { webhooks: WebhookView[] }) {
  if (webhooks.length === 0)
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No webhooks yet.</p>;
  return (
    <TableBox>
      <table className="w-full text-sm">
        <caption className="sr-only">Webhooks, oldest first, with their format and actions, events, status and latest delivery</caption>
        <TableHead>
          <HeaderCell>Receiver</HeaderCell>
          <HeaderCell>Events</HeaderCell>
          <HeaderCell>Status</HeaderCell>
          <HeaderCell>Last delivery</HeaderCell>
        </TableHead>
        <tbody className="divide-y divide-slate-100">
          {webhooks.map((webhook) => {
            const name = shortUrl(webhook.url);
            const fields = { id: webhook.id, version: String(webhook.version) };
            return (
              <tr key={webhook.id} className="align-top">
                <th scope="row" className="w-44 max-w-[14rem] px-3 py-2 text-left font-medium [overflow-wrap:anywhere]">
                  <Link href={`/admin/webhooks/${webhook.id}`} title={webhook.url} className="text-indigo-700 hover:underline">
                    {name}
                  </Link>
                  <span className="block text-xs font-normal text-slate-500">{formatWords(webhook.format)}</span>
                  <div className="mt-2 flex flex-wrap gap-2 font-normal">
                    <WebhookActionButton
                      action={sendTestEventAction}
                      fields={fields}
                      label="Send test"
                      accessibleLabel={`Send a test to ${name}`}
                      pendingLabel="Sending…"
                    />
                    <WebhookActionButton
                      action={setWebhookPausedAction}
                      fields={{ ...fields, paused: webhook.status === "active" ? "true" : "false" }}
                      label={webhook.status === "active" ? "Pause" : "Resume"}
                      accessibleLabel={`${webhook.status === "active" ? "Pause" : "Resume"} ${name}`}
                      pendingLabel="Saving…"
                    />
                    <WebhookActionButton
                      action={deleteWebhookAction}
                      fields={fields}
                      label="Delete"
                      accessibleLabel={`Delete ${name}`}
                      pendingLabel="Deleting…"
                      variant="danger"
                      confirm={`Delete the webhook to ${webhook.url} and its delivery log? This cannot be undone.`}
                    />
                  </div>
                </th>
                <td className="px-3 py-2">{webhook.events.map(eventWords).join(", ")}</td>
                <td className="px-3 py-2">
                  <WebhookStatus webhook={webhook} />
                </td>
                <td className="px-3 py-2">
                  <LastDelivery webhook={webhook} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableBox>
  );
}
