import { LocalTime } from "@/components/ui/local-time";
import type { WebhookAttemptView, WebhookDeliveryView } from "../reads";
import { deliveryStatusWords, eventWords } from "../words";

const STATUS_TONE: Record<string, string> = {
  DELIVERED: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-red-100 text-red-900",
  RETRYING: "bg-amber-100 text-amber-900",
};

function Attempt({ attempt }: { attempt: WebhookAttemptView }) {
  return (
    <li className="[overflow-wrap:anywhere]">
      Attempt {attempt.attempt}, <LocalTime iso={attempt.startedAt} />: {attempt.statusCode === null ? "no answer" : `HTTP ${attempt.statusCode}`},{" "}
      {attempt.durationMs} ms
      {attempt.error && <span className="block text-red-800">{attempt.error}</span>}
      {attempt.retryAt && (
        <span className="block text-slate-500">
          Next try <LocalTime iso={attempt.retryAt} />
        </span>
      )}
    </li>
  );
}

/** A webhook's deliveries, newest first, each with its attempts: when, the HTTP status, how long, the error. */
export function DeliveryLog({ deliveries }: { deliveries: WebhookDeliveryView[] }) {
  if (deliveries.length === 0)
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No deliveries yet.</p>;
  return (
    <ol aria-label="Deliveries, newest first" className="space-y-3">
      {deliveries.map((delivery) => (
        <li key={delivery.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-semibold">{eventWords(delivery.eventType)}</span>
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONE[delivery.status] ?? "bg-slate-100 text-slate-800"}`}>
              {deliveryStatusWords(delivery.status)}
            </span>
            <span className="text-xs text-slate-500">
              Created <LocalTime iso={delivery.createdAt} />
              {delivery.finishedAt && (
                <>
                  , finished <LocalTime iso={delivery.finishedAt} />
                </>
              )}
              {delivery.nextAttemptAt && (
                <>
                  , next try <LocalTime iso={delivery.nextAttemptAt} />
                </>
              )}
            </span>
          </div>
          {delivery.attemptLog.length === 0 ? (
            <p className="mt-2 text-xs text-slate-500">Not tried yet.</p>
          ) : (
            <ol aria-label="Attempts" className="mt-2 space-y-1 text-xs text-slate-700">
              {delivery.attemptLog.map((attempt) => (
                <Attempt key={attempt.attempt} attempt={attempt} />
              ))}
            </ol>
          )}
        </li>
      ))}
    </ol>
  );
}
