import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import { currentSessionUser } from "@/lib/auth/current-actor";
import { oidcProvider } from "@/lib/auth/oidc";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { DEMO_SIGN_IN_ACCOUNTS } from "@/prisma/demo-data/catalog";
import { cardClass } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<{ callbackUrl?: string; error?: string }>;

/** Only paths on this site: a sign-in link must never send anyone elsewhere. */
function safeCallback(value: string | undefined): string {
  if (!value) return "/incidents";
  try {
    const url = new URL(value, "http://local.invalid");
    return url.origin === "http://local.invalid" ? url.pathname + url.search : "/incidents";
  } catch {
    return "/incidents";
  }
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await currentSessionUser()) redirect(target);
  const demo = process.env.OPS_REVIEW_DEMO === "1";
  return (
    <div className={cardClass("none", "mx-auto max-w-md space-y-6 p-8")}>
      <div>
        <h1 className="text-2xl font-bold">Sign in to Ops Review</h1>
        <p className="text-sm text-slate-600">Incidents, postmortems and the weekly operations review.</p>
      </div>
      <SignInForm
        callbackUrl={target}
        initialError={signInErrorMessage(error) ?? undefined}
        demoAccounts={demo ? DEMO_SIGN_IN_ACCOUNTS.map((a) => ({ ...a })) : []}
        ssoName={oidcProvider()?.name ?? null}
      />
    </div>
  );
}
