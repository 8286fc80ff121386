import "server-only";
import { requirePageActor } from "./guards";
import { ROUTE_ACCESS } from "./route-access";

/**
 * The layout of a route with a loading.tsx: it checks the visitor against the route's entry
 * in the access list before the skeleton is sent. The skeleton starts the response with 200,
 * so a sign-in redirect or a 403 thrown later by the page itself would come too late to set
 * the status. The page still checks for itself: a layout is not run again on every navigation.
 */
export function guardedLayout(route: string) {
  const entry = ROUTE_ACCESS.find((r) => r.kind === "page" && r.route === route);
  if (!entry || entry.access === "public") throw new Error(`guardedLayout: ${route} is not a signed-in page of the access list`);
  const permission = entry.access;
  return async function GuardedLayout({ children }: { children: React.ReactNode }) {
    await requirePageActor(permission);
    return children;
  };
}
