import type { Metadata } from "next";
import { ActiveBadge, ActiveCountTitle } from "@/components/ui/active-state";
import { LocalTime } from "@/components/ui/local-time";
import { UserActiveButton } from "@/features/users/components/user-active-button";
import { UserRoleForm } from "@/features/users/components/user-role-form";
import { listUsers } from "@/features/users/queries";
import { requirePageActor } from "@/lib/auth/guards";
import { formatCount } from "@/lib/figure-text";
import { HeaderCell, TableBox, TableHead } from "@/components/ui/table";
import { cardClass } from "@/components/ui/card";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePageActor("user:manage");
  const users = await listUsers();
  return (
    <div className="space-y-4">
      <ActiveCountTitle title="Users" active={users.filter((u) => u.active).length} total={users.length} />
      <p className="text-sm text-slate-600">
        Roles, from least to most: VIEWER reads everything; ENGINEER also files and edits incidents, postmortems and action items; LEAD also runs weekly reviews
        and publishes postmortems; ADMIN also manages users, roles, API tokens and settings. Deactivating someone signs them out everywhere and revokes every
        API token they created. At least one active ADMIN must remain.
      </p>
      <TableBox>
        <table className="min-w-full text-sm">
          <caption className="sr-only">Users, by e-mail, with their role, status, last sign-in and open sessions</caption>
          <TableHead>
            <HeaderCell>E-mail</HeaderCell>
            <HeaderCell>Name</HeaderCell>
            <HeaderCell>Role</HeaderCell>
            <HeaderCell>Status</HeaderCell>
            <HeaderCell title="The latest successful sign-in with e-mail and password, from the audit log">Last sign-in</HeaderCell>
            <HeaderCell align="right" title="Signed-in sessions that have neither expired nor gone idle">
              Open sessions
            </HeaderCell>
            <HeaderCell>Access</HeaderCell>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => {
              const isSelf = user.id === actor.userId;
              return (
                <tr key={user.id} className="align-top hover:bg-slate-50">
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                    {user.email}
                    {isSelf && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
                  </th>
                  <td className="px-3 py-2 text-slate-600">{user.name ?? "—"}</td>
                  <td className="px-3 py-2">
                    <UserRoleForm userId={user.id} email={user.email} role={user.role} version={user.version} />
                  </td>
                  <td className="px-3 py-2">
                    <ActiveBadge active={user.active} inactive="Deactivated" />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600">{user.lastSignInAt ? <LocalTime iso={user.lastSignInAt} /> : "Never"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(user.openSessions)}</td>
                  <td className="px-3 py-2">
                    {isSelf ? (
                      <span className="text-xs text-slate-500">Signed in as you</span>
                    ) : (
                      <UserActiveButton userId={user.id} email={user.email} active={user.active} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableBox>
      <section aria-labelledby="adding-users" className={cardClass("md", "text-sm text-slate-700")}>
        <h2 id="adding-users" className="text-base font-semibold text-slate-900">
          Adding people
        </h2>
        <p className="mt-2">Users are not created on this page. Either:</p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            on the server, with the command line:{" "}
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">npm run --silent cli -- user create --email E --role ROLE</code>, or
          </li>
          <li>
            through single sign-on, when it is configured: someone signing in for the first time gets an account with the default role (
            <code className="font-mono text-xs">OIDC_DEFAULT_ROLE</code>, VIEWER unless set), which you can then change here.
          </li>
        </ul>
      </section>
    </div>
  );
}
