"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { REFUSED_ACTION_DIGEST, refusedActionDigestOf } from "@/lib/actions/refusal";
import { buttonClass } from "./button";

type Diagnosis = "checking" | "database-down" | "other";

/** The digest Next.js gives a server error, which names it in the server log. */
const digestOf = (error: unknown) =>
  typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;

const REFUSALS = {
  [REFUSED_ACTION_DIGEST.signedOut]: {
    title: "Your session has ended",
    text: "Nothing was changed. Sign in again, then repeat the change.",
  },
  [REFUSED_ACTION_DIGEST.forbidden]: {
    title: "That change is not allowed for your role",
    text: "Nothing was changed. If an administrator changed your role since you opened this page, reload it to see what you may do now.",
  },
};

const box = "mx-auto max-w-xl space-y-3 rounded-lg border bg-white p-6";
const button = buttonClass("primary", "md");

/**
 * What a failed page shows. The server hides the error's message from the browser: a refused
 * action is known by its digest, and for anything else the notice asks the health check
 * (which needs no session and reads nothing but `SELECT 1`) whether the database is down.
 */
export function FailureNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  const refusal = refusedActionDigestOf(digest);
  const pathname = usePathname();
  const [diagnosis, setDiagnosis] = useState<Diagnosis>("checking");
  useEffect(() => {
    if (refusal) return;
    let current = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => current && setDiagnosis(response.status === 503 ? "database-down" : "other"))
      .catch(() => current && setDiagnosis("other"));
    return () => {
      current = false;
    };
  }, [error, refusal]);

  if (refusal) {
    return (
      <div role="alert" className={`${box} border-amber-300`}>
        <h1 className="text-lg font-semibold">{REFUSALS[refusal].title}</h1>
        <p className="text-sm text-slate-700">{REFUSALS[refusal].text}</p>
        {refusal === REFUSED_ACTION_DIGEST.signedOut ? (
          <a href={`/sign-in?callbackUrl=${encodeURIComponent(pathname)}`} className={`inline-block ${button}`}>
            Sign in again
          </a>
        ) : (
          <button type="button" onClick={() => window.location.reload()} className={button}>
            Reload the page
          </button>
        )}
      </div>
    );
  }
  const databaseDown = diagnosis === "database-down";
  return (
    <div role="alert" className={`${box} border-red-200`}>
      <h1 className="text-lg font-semibold text-red-800">{databaseDown ? "The database is unavailable" : "Something went wrong on our side"}</h1>
      {databaseDown ? (
        <p className="text-sm text-slate-700">
          Ops Review cannot reach its database right now, so this page cannot be shown. What was saved before stays saved; a change that did not say it was
          saved was not. Try again in a moment.
        </p>
      ) : (
        <p className="text-sm text-slate-700">
          Nothing you saved was lost. Try again; if it keeps happening, give the operators this reference: {digest ?? "unknown"}.
        </p>
      )}
      <button type="button" onClick={retry} className={button}>
        Try again
      </button>
    </div>
  );
}
