"use client";

import { useEffect } from "react";

/** Brings the item the meeting is at into view whenever the meeting moves to it. */
export function ScrollToCurrent({ elementId }: { elementId: string | null }) {
  useEffect(() => {
    if (!elementId) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    document.getElementById(elementId)?.scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
  }, [elementId]);
  return null;
}
