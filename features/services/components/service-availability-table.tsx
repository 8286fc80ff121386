import Link from "next/link";
import { HeaderCell, TableBox, TableHead } from "@/components/ui/table";
import { formatValue } from "@/components/charts/series-format";
import type { ServiceAvailability } from "@/features/services/reads";
import { ErrorBudgetBar } from "./error-budget-bar";
import { RetiredBadge } from "./retired-badge";

const sloText = (slo: number) => `${Number((slo * 100).toFixed(4))} %`;

/** Every service with its SLO, its availability over the period and the error budget left. */
export function ServiceAvailabilityTable({ services, periodText }: { services: ServiceAvailability[]; periodText: string }) {
  return (
    <TableBox>
      <table className="min-w-full text-sm">
        <caption className="sr-only">Services with their team, SLO target, availability and error budget over {periodText}</caption>
        <TableHead>
          <HeaderCell>Service</HeaderCell>
          <HeaderCell>Team</HeaderCell>
          <HeaderCell align="right">SLO</HeaderCell>
          <HeaderCell align="right">Availability</HeaderCell>
          <HeaderCell align="right">Impact</HeaderCell>
          <HeaderCell align="right">Incidents</HeaderCell>
          <HeaderCell>Error budget left</HeaderCell>
        </TableHead>
        <tbody>
          {services.map((service) => {
            const missed = service.budget.availability < service.sloTarget;
            return (
              <tr key={service.slug} className="border-t border-slate-100 align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/services/${service.slug}`} className="text-indigo-700 hover:underline">
                    {service.name}
                  </Link>
                  {service.retiredAt && <RetiredBadge />}
                </th>
                <td className="px-3 py-2 text-slate-600">{service.team.name}</td>
                <td className="px-3 py-2 text-right tabular-nums">{sloText(service.sloTarget)}</td>
                <td className={`px-3 py-2 text-right tabular-nums ${missed ? "font-semibold text-red-700" : ""}`}>
                  {formatValue(service.budget.availability, "availability")}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatValue(service.impactMinutes, "minutes")}</td>
                <td className="px-3 py-2 text-right tabular-nums">{service.incidents}</td>
                <td className="px-3 py-2">
                  <ErrorBudgetBar budget={service.budget} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableBox>
  );
}
