import type { Metadata } from "next";
import Link from "next/link";
import { RetiredBadge } from "@/features/services/components/retired-badge";
import { readTeamsWithServices } from "@/features/teams/queries";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { cardClass } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Teams" };
export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const actor = await requirePageActor("incident:read");
  const manage = can(actor.role, "service:manage");
  const teams = await readTeamsWithServices();
  const active = teams.filter((t) => !t.retiredAt).length;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <Breadcrumbs links={[{ href: "/services", label: "Services" }]} />
          <h1 className="text-2xl font-bold">Teams</h1>
          <p className="text-sm text-slate-600">
            {active} active of {teams.length} · each service belongs to one team, and counts in its trends
          </p>
        </div>
        {manage && (
          <Link href="/teams/new" className={buttonClass("primary", "lg")}>
            New team
          </Link>
        )}
      </div>
      <ul className="grid gap-4 md:grid-cols-2">
        {teams.map((team) => (
          <li key={team.slug} className={cardClass("md", "space-y-3")}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-base font-semibold text-slate-900">
                {team.name}
                {team.retiredAt && <RetiredBadge />}
              </h2>
              {manage && (
                <Link href={`/teams/${team.slug}/edit`} className="text-sm font-semibold text-indigo-700 hover:underline" aria-label={`Edit team ${team.name}`}>
                  Edit
                </Link>
              )}
            </div>
            <p className="font-mono text-xs text-slate-500">{team.slug}</p>
            {team.services.length === 0 ? (
              <p className="text-sm text-slate-500">No services.</p>
            ) : (
              <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {team.services.map((service) => (
                  <li key={service.slug}>
                    <Link href={`/services/${service.slug}`} className="text-indigo-700 hover:underline">
                      {service.name}
                    </Link>
                    {service.retiredAt && <RetiredBadge />}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
