"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const REFRESH_MS = 10_000;

/** Keeps a watching screen (a projector, a viewer's laptop) on the item the meeting is at. */
export function FollowAlong() {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [router]);
  return (
    <p className="text-xs text-slate-500 print:hidden" aria-live="off">
      Following the meeting: this page refreshes every {REFRESH_MS / 1000} seconds.
    </p>
  );
}
