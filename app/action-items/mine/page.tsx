import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionItemFilters } from "@/features/action-items/components/action-item-filters";
import { ActionItemList } from "@/features/action-items/components/action-item-list";
import { getActionItems } from "@/features/action-items/queries";
import { actionItemViewFromSearchParams } from "@/features/action-items/search-params";
import { currentSessionUser } from "@/lib/auth/current-actor";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "My action items" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MyActionItemsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("incident:read");
  const user = await currentSessionUser();
  // Never query with a missing owner id: the filter would vanish and list everyone's items.
  if (!user) redirect("/sign-in?callbackUrl=%2Faction-items%2Fmine");
  const view = { ...actionItemViewFromSearchParams(await searchParams), ownerId: undefined };
  const list = await getActionItems({ status: view.status, ownerId: user.id }, view.limit);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">My action items</h1>
        <p className="text-sm text-slate-600">Action items owned by {user.name ?? user.email}.</p>
      </div>
      <ActionItemFilters path="/action-items/mine" status={view.status} />
      <ActionItemList
        path="/action-items/mine"
        list={list}
        view={view}
        canEdit={can(actor.role, "actionItem:edit")}
        empty="Nothing on your plate: no action items are owned by you here."
      />
    </div>
  );
}
