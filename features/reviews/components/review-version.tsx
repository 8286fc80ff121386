"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";

type ReviewVersion = { version: number; report: (version: number) => void };

const ReviewVersionContext = createContext<ReviewVersion>({ version: 0, report: () => {} });

/**
 * The newest review version this page knows: the one it was rendered with, or a newer one an
 * edit just returned. Every review-level form sends it, so an edit made right after another
 * (before the page has refreshed) is not refused as a conflict with oneself.
 */
export function ReviewVersionProvider({ version, children }: { version: number; children: React.ReactNode }) {
  const [reported, setReported] = useState(version);
  const report = useCallback((next: number) => setReported((known) => Math.max(known, next)), []);
  const value = useMemo(() => ({ version: Math.max(version, reported), report }), [version, reported, report]);
  return <ReviewVersionContext value={value}>{children}</ReviewVersionContext>;
}

export const useReviewVersion = () => useContext(ReviewVersionContext);
