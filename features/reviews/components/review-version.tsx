"use client";

import { createContext, useActionState, useCallback, useContext, useMemo, useState } from "react";
import type { FormState } from "@/lib/forms/state";
import type { ReviewFormExtra } from "../form-answer";

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

export type ReviewAction = (state: FormState<ReviewFormExtra> | undefined, form: FormData) => Promise<FormState<ReviewFormExtra>>;

/** useActionState for a review action; a review-level one (`learnsVersion`) moves the page's known version on. */
export function useReviewAction(action: ReviewAction, learnsVersion = true) {
  const { report } = useReviewVersion();
  return useActionState(async (previous: FormState<ReviewFormExtra> | undefined, form: FormData) => {
    const result = await action(previous, form);
    if (learnsVersion && result.version !== undefined) report(result.version);
    return result;
  }, undefined);
}
