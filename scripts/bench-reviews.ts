// Speed of the weekly review on a big database, for docs/performance.md ("Weekly review"):
//   npx tsx scripts/bench-reviews.ts [--incidents 100000]   a scratch database, seeded and dropped
//   npx tsx scripts/bench-reviews.ts --database-url URL     an existing database, as it is (read-only)
// Wall time of what the pages call, median of 7 after 3 warm-ups: the reviews list, the
// review page of last week (proposal), of a held meeting (frozen), and the agenda API's body;
// then the sizes of that body and of the page's model.
import { toAgendaResponse } from "../features/reviews/reads/agenda-response";
import { loadReviewView } from "../features/reviews/reads/review";
import { listReviewWeeks } from "../features/reviews/reads/review-weeks";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { createPrismaClient, type Database } from "../lib/db/client";
import { addWeeks, formatIsoWeek, isoWeekOf } from "../lib/time/iso-week";
import { medianMs, runBenchmark } from "./bench-support";

async function measure(url: string): Promise<void> {
  const db: Database = createPrismaClient({ url, poolMax: 8 });
  try {
    const { timeZone } = await getOrganisationSettings(db);
    const thisWeek = isoWeekOf(new Date(), timeZone);
    const lastWeek = formatIsoWeek(addWeeks(thisWeek, -1));
    const held = await db.review.findFirst({ where: { status: "DONE" }, orderBy: { isoWeek: "desc" }, select: { isoWeek: true } });
    const incidents = await db.incident.count();
    const proposal = await loadReviewView(db, lastWeek);
    console.log(`${incidents} incidents; last week ${lastWeek} has ${proposal.items.length} agenda items\n`);
    console.log("| what | wall, median of 7 |");
    console.log("|---|---|");
    const row = async (name: string, run: () => Promise<unknown>) => console.log(`| ${name} | ${(await medianMs(run)).toFixed(1)} ms |`);
    await row("reviews list (26 weeks)", () => listReviewWeeks(db, new Date(), 26));
    await row(`review page, ${lastWeek} (live proposal or stored agenda)`, () => loadReviewView(db, lastWeek));
    if (held) await row(`review page, ${held.isoWeek} (held meeting, frozen)`, () => loadReviewView(db, held.isoWeek));
    await row(`agenda API body, ${lastWeek}`, async () => JSON.stringify(toAgendaResponse(await loadReviewView(db, lastWeek))));
    const body = JSON.stringify(toAgendaResponse(await loadReviewView(db, lastWeek)));
    const page = JSON.stringify(await loadReviewView(db, lastWeek));
    console.log(`\nagenda API body ${(body.length / 1024).toFixed(1)} kB; the review page's model ${(page.length / 1024).toFixed(1)} kB as JSON`);
  } finally {
    await db.$disconnect();
  }
}

await runBenchmark(measure);
