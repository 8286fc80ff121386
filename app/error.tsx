"use client";

import { FailureNotice } from "@/components/ui/failure-notice";

/** Shown when a page fails on the server; the details are in the server log under the digest. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <FailureNotice error={error} retry={retry} />;
}
