"use client";

import { FailureNotice } from "@/components/ui/failure-notice";
import "./globals.css";

/**
 * Shown when the root layout itself fails, as it does when the database is down (it reads the
 * session): it replaces the layout, so it brings its own html and body and reads nothing.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main className="mx-auto max-w-7xl px-6 py-8">
          <FailureNotice error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
