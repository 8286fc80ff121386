import { instantToWallTime } from "@/lib/time/zoned";
import { UNFINISHED_STATUSES, type ActionItemStatus } from "@/lib/domain/action-item-enums";

/** Today's date ("2026-11-24") as the organisation's clocks show it. */
export const todayIn = (timeZone: string, now: Date) => instantToWallTime(now, timeZone).slice(0, 10);

/** A calendar date as the value of a DATE column (midnight UTC) and back. */
export const dateColumn = (date: string) => new Date(`${date}T00:00:00.000Z`);
export const dateOf = (column: Date) => column.toISOString().slice(0, 10);

/** docs/domain.md: overdue = due date before today and status OPEN or IN_PROGRESS. */
export function isOverdue(item: { dueDate: string; status: ActionItemStatus }, today: string): boolean {
  return item.dueDate < today && (UNFINISHED_STATUSES as readonly string[]).includes(item.status);
}
