// The follow-through figures (docs/metrics.md, "Follow-through"): the dashboard's and the executive
// summary's follow-through cards and GET /api/v1/metrics/follow-through all read queryFollowThrough.
import type { Database } from "@/lib/db/client";
import { ACTION_ITEM_PRIORITIES } from "@/lib/domain/action-item-enums";
import { resolveMetricsScope, scopeCondition } from "@/features/metrics/scope";
import { metricsWindow } from "@/features/metrics/sql";
import type { MetricsQuery } from "@/features/metrics/types";
import { AGE_BUCKETS, followThroughSql, type AgeBucket, type FollowThroughRow } from "./sql";

export type ActionItemPriority = (typeof ACTION_ITEM_PRIORITIES)[number];

/** Action items due in a window and how they were kept. */
export type DueCounts = {
  /** Items whose due date lies in the window. */
  actionItemsDue: number;
  /** Of them, DONE before the end of their due date (local midnight in the organisation's zone). */
  doneByDueDate: number;
  /** Of them, those whose due date has ended without that: done late, won't do, or still open. */
  missed: number;
  /** Of them, those not done whose due date has not ended yet: not late yet. */
  notDueYet: number;
  /** doneByDueDate ÷ (doneByDueDate + missed); null when no item has come due. */
  shareDoneByDueDate: number | null;
};

export type FollowThroughWeek = DueCounts & {
  /** "2026-W10" */
  week: string;
  /** The Monday, a date in the organisation's time zone. */
  start: string;
  /** Incidents in scope that started in the week and have at least one repeat. */
  repeats: number;
};

/** Open (OPEN or IN_PROGRESS) action items of one age bucket, by priority and in all. */
export type OpenByAge = { age: AgeBucket; total: number } & Record<ActionItemPriority, number>;

export type FollowThrough = {
  weeks: FollowThroughWeek[];
  /** The weeks added up. */
  total: DueCounts & { repeats: number };
  /** When the open items were counted: ages are as of this instant. */
  asOf: string;
  openByAge: OpenByAge[];
};

export const dueCounts = (actionItemsDue: number, doneByDueDate: number, missed: number): DueCounts => ({
  actionItemsDue,
  doneByDueDate,
  missed,
  notDueYet: actionItemsDue - doneByDueDate - missed,
  shareDoneByDueDate: doneByDueDate + missed === 0 ? null : doneByDueDate / (doneByDueDate + missed),
});

/**
 * One entry per ISO week from `q.from` to `q.to` (the organisation's zone), empty weeks included,
 * their total, and the open action items now by age and priority. With a team or service, only
 * the action items of incidents in scope count; items with no incident count only unscoped.
 */
export async function queryFollowThrough(db: Database, q: MetricsQuery): Promise<FollowThrough> {
  const window = metricsWindow(q);
  const scope = scopeCondition(await resolveMetricsScope(db, q.scope));
  const [row] = await db.$queryRaw<FollowThroughRow[]>(followThroughSql(window, scope));
  if (!row) throw new Error("The follow-through query returned no row");
  const weeks = row.weeks.map((w) => ({ week: w.week, start: w.start, ...dueCounts(w.due, w.done_by_due_date, w.missed), repeats: w.repeats }));
  const sum = (pick: (w: FollowThroughWeek) => number) => weeks.reduce((total, w) => total + pick(w), 0);
  const openByAge = AGE_BUCKETS.map(({ age }) => {
    const byPriority = Object.fromEntries(
      ACTION_ITEM_PRIORITIES.map((priority) => [priority, row.open.find((o) => o.age === age && o.priority === priority)?.items ?? 0]),
    ) as Record<ActionItemPriority, number>;
    return { age, total: ACTION_ITEM_PRIORITIES.reduce((total, p) => total + byPriority[p], 0), ...byPriority };
  });
  return {
    weeks,
    total: {
      ...dueCounts(
        sum((w) => w.actionItemsDue),
        sum((w) => w.doneByDueDate),
        sum((w) => w.missed),
      ),
      repeats: sum((w) => w.repeats),
    },
    asOf: window.now.toISOString(),
    openByAge,
  };
}
