import Link from "next/link";
import { formatValue } from "@/components/charts/series-format";
import type { ServiceAvailability } from "@/features/services/reads";
import { ErrorBudgetBar } from "./error-budget-bar";
import { RetiredBadge } from "./retired-badge";

const sloText = (slo: number) => `${Number((slo * 100).toFixed(4))} %`;

/** Every service with its SLO, its availability over the period and the error budget left. */
export function ServiceAvailabilityTable({ services, periodText }: { services: ServiceAvailability[]; periodText: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Services with their team, SLO target, availability and error budget over {periodText}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Service</th>
            <th scope="col" className="px-3 py-2">Team</th>
            <th scope="col" className="px-3 py-2 text-right">SLO</th>
            <th scope="col" className="px-3 py-2 text-right">Availability</th>
            <th scope="col" className="px-3 py-2 text-right">Impact</th>
            <th scope="col" className="px-3 py-2 text-right">Incidents</th>
            <th scope="col" className="px-3 py-2">Error budget left</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => {
            const missed = service.budget.availability < service.sloTarget;
            return (
              <tr key={service.slug} className="border-t border-slate-100 align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/services/${service.slug}`} className="text-indigo-700 hover:underline">{service.name}</Link>
                  {service.retiredAt && <RetiredBadge />}
                </th>
                <td className="px-3 py-2 text-slate-600">{service.team.name}</td>
                <td className="px-3 py-2 text-right tabular-nums">{sloText(service.sloTarget)}</td>
                <td className={`px-3 py-2 text-right tabular-nums ${missed ? "font-semibold text-red-700" : ""}`}>{formatValue(service.budget.availability, "availability")}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatValue(service.impactMinutes, "minutes")}</td>
                <td className="px-3 py-2 text-right tabular-nums">{service.incidents}</td>
                <td className="px-3 py-2"><ErrorBudgetBar budget={service.budget} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
