"use client";

/** Shown when a page fails on the server; the details are in the server log under the digest. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-red-800">Something went wrong on our side</h1>
      <p className="text-sm text-slate-700">Nothing you saved was lost. Try again; if it keeps happening, give the operators this reference: {error.digest ?? "unknown"}.</p>
      <button onClick={reset} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
