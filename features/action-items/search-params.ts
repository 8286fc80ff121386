import { ACTION_ITEM_STATUSES, type ActionItemStatus } from "@/lib/domain/action-item-enums";
import { DEFAULT_LIMIT } from "./reads";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LIMIT = 2_000;

type Raw = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The action-item list's view from its URL: ?status=&owner=&limit=. Values that are not valid
 * are dropped (the filter is then "any"), never passed to the database as they came.
 */
export function actionItemViewFromSearchParams(params: Raw) {
  const status = first(params.status);
  const owner = first(params.owner);
  const limit = Number.parseInt(first(params.limit) ?? "", 10);
  return {
    status: (ACTION_ITEM_STATUSES as readonly string[]).includes(status ?? "") ? (status as ActionItemStatus) : undefined,
    ownerId: owner && UUID.test(owner) ? owner : undefined,
    limit: Number.isFinite(limit) && limit > 0 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT,
  };
}

/** The URL of the same view showing more rows. */
export function moreRowsHref(path: string, view: { status?: string; ownerId?: string; limit: number }) {
  const query = new URLSearchParams();
  if (view.status) query.set("status", view.status);
  if (view.ownerId) query.set("owner", view.ownerId);
  query.set("limit", String(Math.min(view.limit * 2, MAX_LIMIT)));
  return `${path}?${query}`;
}
