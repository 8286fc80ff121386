import type { Metadata } from "next";
import { ActionItemFilters } from "@/features/action-items/components/action-item-filters";
import { ActionItemList } from "@/features/action-items/components/action-item-list";
import { getActionItems, getOwnerOptions } from "@/features/action-items/queries";
import { actionItemViewFromSearchParams } from "@/features/action-items/search-params";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Action items" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ActionItemsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("incident:read");
  const view = actionItemViewFromSearchParams(await searchParams);
  const [list, owners] = await Promise.all([
    getActionItems({ status: view.status, ownerId: view.ownerId }, view.limit),
    getOwnerOptions({ withPastOwners: true }),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Action items</h1>
      <ActionItemFilters path="/action-items" status={view.status} ownerId={view.ownerId} owners={owners} />
      <ActionItemList path="/action-items" list={list} view={view} canEdit={can(actor.role, "actionItem:edit")} empty="No action items match these filters." />
    </div>
  );
}
