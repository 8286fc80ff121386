import type { Database } from "@/lib/db/client";
import type { AgendaFacts } from "../agenda-types";
import { pickWheelService } from "../wheel";

/** The wheel's candidates and its pick for the week; picks frozen in earlier meetings stand. */
export async function wheelFacts(db: Database, week: string): Promise<AgendaFacts["wheel"]> {
  const [services, frozenPicks] = await Promise.all([
    // A retired service has no dashboard worth walking through.
    db.service.findMany({ where: { retiredAt: null }, select: { slug: true, name: true, team: { select: { name: true } } }, orderBy: { slug: "asc" } }),
    db.review.findMany({
      where: { startedAt: { not: null }, wheelServiceId: { not: null } },
      select: { isoWeek: true, wheelService: { select: { slug: true } } },
    }),
  ]);
  const frozen = new Map(frozenPicks.map((r) => [r.isoWeek, r.wheelService?.slug ?? null]));
  const candidates = services.map((s) => ({ slug: s.slug, name: s.name, team: s.team.name }));
  const slug = pickWheelService(
    week,
    candidates.map((c) => c.slug),
    (w) => frozen.get(w) ?? null,
  );
  return { service: candidates.find((c) => c.slug === slug) ?? null, candidates };
}
