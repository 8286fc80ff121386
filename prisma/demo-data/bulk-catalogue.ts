// A wide organisation for volume tests (`--services 2000 --teams 200`): the catalogue's teams
// and services, each repeated as numbered siblings ("Checkout API 2", "Storefront 3") that
// keep its SLO target and its kind of incidents, spread round-robin over the teams of its kind.
import { SERVICES, TEAMS, USERS, type DemoService, type DemoTeam } from "./catalog";
import type { Random } from "./random";
import type { DemoCatalogue } from "./types";

const copySlug = (slug: string, copy: number) => (copy === 1 ? slug : `${slug}-${copy}`);
const copyName = (name: string, copy: number) => (copy === 1 ? name : `${name} ${copy}`);
/** How many of `total` items, dealt round-robin over `kinds` kinds, are of kind `index`. */
const copiesOf = (index: number, kinds: number, total: number) => Math.floor(total / kinds) + (index < total % kinds ? 1 : 0);

export type WideCatalogue = DemoCatalogue & {
  /** A sibling of the catalogue service `slug`, drawn evenly among its copies. */
  siblingOf(random: Random, slug: string): string;
};

/** At least the catalogue itself: asking for fewer teams or services than it has keeps it whole. */
export function wideCatalogue(options: { services: number; teams: number }): WideCatalogue {
  const teamCount = Math.max(options.teams, TEAMS.length);
  const serviceCount = Math.max(options.services, SERVICES.length);
  const teams: DemoTeam[] = [];
  for (let i = 0; i < teamCount; i++) {
    const base = TEAMS[i % TEAMS.length] as DemoTeam;
    const copy = Math.floor(i / TEAMS.length) + 1;
    teams.push({ slug: copySlug(base.slug, copy), name: copyName(base.name, copy) });
  }
  const services: DemoService[] = [];
  for (let i = 0; i < serviceCount; i++) {
    const base = SERVICES[i % SERVICES.length] as DemoService;
    const copy = Math.floor(i / SERVICES.length) + 1;
    const teamIndex = TEAMS.findIndex((t) => t.slug === base.teamSlug);
    const teamCopies = copiesOf(teamIndex, TEAMS.length, teamCount);
    services.push({
      ...base,
      slug: copySlug(base.slug, copy),
      name: copyName(base.name, copy),
      teamSlug: copySlug(base.teamSlug, ((copy - 1) % teamCopies) + 1),
    });
  }
  const copies = new Map(SERVICES.map((s, i) => [s.slug, copiesOf(i, SERVICES.length, serviceCount)]));
  return {
    teams,
    services,
    users: USERS,
    siblingOf: (random, slug) => copySlug(slug, random.int(1, copies.get(slug) ?? 1)),
  };
}
