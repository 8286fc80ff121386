import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { settingsFormValuesOf } from "@/features/settings/form-values";
import { SettingsForm } from "@/features/settings/components/settings-form";
import { editableSettings } from "@/features/settings/queries";
import { supportedTimeZoneNames } from "@/features/settings/schemas";
import { requirePageActor } from "@/lib/auth/guards";
import { cardClass } from "@/components/ui/card";

export const metadata: Metadata = { title: "Organisation settings" };
export const dynamic = "force-dynamic";

export default async function OrganisationSettingsPage() {
  await requirePageActor("settings:manage");
  const settings = await editableSettings();
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Organisation settings</h1>
        <p className="text-sm text-slate-600">
          {settings.lastChange ? (
            <>
              Last changed by {settings.lastChange.by}, <LocalTime iso={settings.lastChange.at} />.
            </>
          ) : (
            "The defaults: nobody has changed them yet."
          )}
        </p>
      </div>
      <p className="text-sm text-slate-600">
        Incidents filed by other systems:{" "}
        <Link href="/admin/integrations" className="font-medium text-indigo-700 hover:underline">
          Integrations (PagerDuty)
        </Link>
      </p>
      <p className="text-sm text-slate-600">
        Other systems told of what happens here:{" "}
        <Link href="/admin/webhooks" className="font-medium text-indigo-700 hover:underline">
          Webhooks
        </Link>
      </p>
      <section aria-label="Settings" className={cardClass("md")}>
        <SettingsForm values={settingsFormValuesOf(settings.values)} version={settings.version} timeZones={supportedTimeZoneNames()} />
      </section>
    </div>
  );
}
