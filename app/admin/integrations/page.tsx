import type { Metadata } from "next";
import { headers } from "next/headers";
import { cardClass } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PagerDutySettingsForm } from "@/features/pagerduty/components/pagerduty-settings-form";
import { WebhookAddress } from "@/features/pagerduty/components/webhook-address";
import { pagerDutyServiceChoices, pagerDutySettings } from "@/features/pagerduty/queries";
import { pagerDutyFormValuesOf } from "@/features/pagerduty/settings-form-values";
import { webhookUrlOf } from "@/features/pagerduty/webhook-url";
import { requirePageActor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Integrations" };
export const dynamic = "force-dynamic";

export default async function IntegrationsPage() {
  await requirePageActor("settings:manage");
  const [settings, services, request] = await Promise.all([pagerDutySettings(), pagerDutyServiceChoices(), headers()]);
  const webhookUrl = webhookUrlOf({
    host: request.get("host"),
    forwardedProto: request.get("x-forwarded-proto"),
    forwardedHost: request.get("x-forwarded-host"),
  });
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Integrations</h1>
        <p className="text-sm text-slate-600">Other systems that file and update incidents here.</p>
      </div>
      <section aria-labelledby="pagerduty" className={cardClass("md", "min-w-0 space-y-5")}>
        <div className="space-y-1">
          <h2 id="pagerduty" className="text-lg font-semibold">
            PagerDuty
          </h2>
          <p className="text-sm text-slate-600">
            {settings.updatedAt ? (
              <>
                Last saved <LocalTime iso={settings.updatedAt} />.
              </>
            ) : (
              "Not set up yet."
            )}
          </p>
        </div>
        <WebhookAddress url={webhookUrl} />
        <PagerDutySettingsForm
          values={pagerDutyFormValuesOf(settings)}
          version={settings.version}
          signingSecretCount={settings.signingSecretCount}
          services={services}
        />
      </section>
    </div>
  );
}
