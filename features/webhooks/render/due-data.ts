// The daily reminder: unfinished action items overdue or due by the end of the date's week, per owner.
import { dateColumn, dateOf } from "@/features/action-items/overdue";
import type { Database } from "@/lib/db/client";
import { UNFINISHED_STATUSES } from "@/lib/domain/action-item-enums";
import { addDays, isoWeekOf, isoWeekStartDate } from "@/lib/time/iso-week";
import { actionItemsUrl, incidentUrl, reviewUrl } from "./links";
import type { ActionItemsDueData, DueActionItem } from "./types";

/** The Sunday that ends the ISO week of `date` ("YYYY-MM-DD"). */
export const weekEndOf = (date: string) => addDays(isoWeekStartDate(isoWeekOf(dateColumn(date), "UTC")), 6);

export async function actionItemsDueData(db: Pick<Database, "actionItem">, baseUrl: string, date: string): Promise<ActionItemsDueData | null> {
  const weekEndsOn = weekEndOf(date);
  const rows = await db.actionItem.findMany({
    where: { status: { in: [...UNFINISHED_STATUSES] }, dueDate: { lte: dateColumn(weekEndsOn) } },
    orderBy: [{ dueDate: "asc" }, { priority: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    include: { owner: { select: { id: true, name: true, email: true } }, incident: { select: { reference: true } }, review: { select: { isoWeek: true } } },
  });
  if (rows.length === 0) return null;
  const owners = new Map<string, ActionItemsDueData["owners"][number]>();
  for (const row of rows) {
    const dueDate = dateOf(row.dueDate);
    const reference = row.incident?.reference ?? null;
    const item: DueActionItem = {
      id: row.id,
      title: row.title,
      dueDate,
      status: row.status,
      priority: row.priority,
      overdue: dueDate < date,
      incidentReference: reference,
      url: reference ? incidentUrl(baseUrl, reference) : row.review ? reviewUrl(baseUrl, row.review.isoWeek) : actionItemsUrl(baseUrl),
    };
    let owner = owners.get(row.owner.id);
    if (!owner) owners.set(row.owner.id, (owner = { name: row.owner.name, email: row.owner.email, overdue: [], dueThisWeek: [] }));
    (item.overdue ? owner.overdue : owner.dueThisWeek).push(item);
  }
  const byName = (a: { name: string | null; email: string }, b: { name: string | null; email: string }) =>
    (a.name ?? a.email).localeCompare(b.name ?? b.email) || a.email.localeCompare(b.email);
  return { date, weekEndsOn, url: actionItemsUrl(baseUrl), owners: [...owners.values()].sort(byName) };
}
