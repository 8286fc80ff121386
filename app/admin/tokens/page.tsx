import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { MintTokenForm } from "@/features/tokens/components/mint-token-form";
import { RevokeTokenButton } from "@/features/tokens/components/revoke-token-button";
import { listTokensForAdmin } from "@/features/tokens/queries";
import { requirePageActor } from "@/lib/auth/guards";
import { ActiveBadge, ActiveCountTitle } from "@/components/ui/active-state";
import { HeaderCell, TableBox, TableHead } from "@/components/ui/table";
import { cardClass } from "@/components/ui/card";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function ApiTokensPage() {
  const actor = await requirePageActor("token:manage");
  const tokens = await listTokensForAdmin();
  return (
    <div className="space-y-6">
      <ActiveCountTitle title="API tokens" active={tokens.filter((t) => !t.revokedAt).length} total={tokens.length} />
      <p className="text-sm text-slate-600">
        A token calls the HTTP API under <code>/api/v1</code> with the role it was minted with, or its creator&apos;s current role if that is lower, sent as{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. Tokens you mint are recorded as created by {actor.label}; a token stops working when it is revoked or
        when the user who created it is deactivated. Every endpoint, with its fields and examples:{" "}
        <Link href="/api-docs" className="font-semibold text-indigo-700 underline">
          API reference
        </Link>
        .
      </p>
      <section aria-labelledby="mint-heading" className={cardClass("md", "space-y-4")}>
        <h2 id="mint-heading" className="text-base font-semibold text-slate-900">
          Mint a token
        </h2>
        <MintTokenForm />
      </section>
      {tokens.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No API tokens yet.</p>
      ) : (
        <TableBox>
          <table className="min-w-full text-sm">
            <caption className="sr-only">API tokens, newest first, with their role, creator, last use and revocation</caption>
            <TableHead>
              <HeaderCell>Name</HeaderCell>
              <HeaderCell title="The first characters after opr_, to tell tokens apart">Prefix</HeaderCell>
              <HeaderCell>Role</HeaderCell>
              <HeaderCell>Created by</HeaderCell>
              <HeaderCell>Created</HeaderCell>
              <HeaderCell title="Updated at most once a minute">Last used</HeaderCell>
              <HeaderCell>Revoked</HeaderCell>
              <HeaderCell>
                <span className="sr-only">Actions</span>
              </HeaderCell>
            </TableHead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((token) => (
                <tr key={token.id} className="align-top hover:bg-slate-50">
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                    {token.name}
                  </th>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">opr_{token.prefix}…</td>
                  <td className="px-3 py-2">
                    {token.role}
                    {token.actsAs !== token.role && <span className="block text-xs text-amber-800">acts as {token.actsAs}, its creator&apos;s role</span>}
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    {token.createdBy ?? <span title="Minted with the command line, or by a user since removed">—</span>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                    <LocalTime iso={token.createdAt} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600">{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : "Never"}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <ActiveBadge
                      active={!token.revokedAt}
                      inactive={
                        token.revokedAt && (
                          <>
                            Revoked&nbsp;
                            <LocalTime iso={token.revokedAt} />
                          </>
                        )
                      }
                    />
                  </td>
                  <td className="px-3 py-2">{!token.revokedAt && <RevokeTokenButton tokenId={token.id} name={token.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </div>
  );
}
