"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SIGN_IN_ERROR, signInErrorMessage } from "@/lib/auth/sign-in-errors";

/** One required field of the sign-in form, its id and name alike. */
function CredentialField(props: { name: string; label: string; type: string; autoComplete: string; value: string; onChange: (value: string) => void }) {
  return (
    <div>
      <label htmlFor={props.name} className="block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={props.name}
        name={props.name}
        type={props.type}
        autoComplete={props.autoComplete}
        required
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={inputClass}
      />
    </div>
  );
}

type DemoAccount = { email: string; role: string; password: string };

export function SignInForm(props: { callbackUrl: string; initialError?: string; demoAccounts: DemoAccount[]; ssoName: string | null }) {
  const [error, setError] = useState(props.initialError ?? "");
  const [pending, setPending] = useState(false);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  async function submit(credentials: { email: string; password: string }) {
    setPending(true);
    setError("");
    const result = await signIn("credentials", { ...credentials, redirect: false, callbackUrl: props.callbackUrl });
    if (result?.ok && !result.error) {
      window.location.assign(props.callbackUrl);
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result?.error ?? SIGN_IN_ERROR.wrongCredentials) ?? "");
  }

  return (
    <div className="space-y-6">
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit({ email, password });
        }}
      >
        <FormMessage state={{ error }} />
        <CredentialField name="email" label="E-mail" type="email" autoComplete="username" value={email} onChange={setEmail} />
        <CredentialField name="password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        <Button type="submit" disabled={pending} size="lg" className="w-full">
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {props.ssoName && (
        <Button onClick={() => void signIn("oidc", { callbackUrl: props.callbackUrl })} variant="secondary" size="lg" className="w-full">
          Sign in with {props.ssoName}
        </Button>
      )}
      {props.demoAccounts.length > 0 && (
        <section aria-labelledby="demo-accounts" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <h2 id="demo-accounts" className="text-sm font-semibold text-amber-900">
            Demo accounts (demo data only)
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {props.demoAccounts.map((account) => (
              <li key={account.email} className="flex items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{account.role}</span> · {account.email} · <code>{account.password}</code>
                </span>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => void submit(account)}
                  className="rounded border border-amber-400 bg-white px-2 py-0.5 text-xs font-semibold hover:bg-amber-100"
                >
                  Sign in as {account.role.toLowerCase()}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
