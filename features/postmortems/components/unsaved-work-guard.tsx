"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";

/** "the write-up and the next why". */
const listed = (parts: readonly string[]) => (parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`);

/** A link to another page of the app in this tab: one the guard stops to ask (leaving the app is the browser's to ask). */
function leavingLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  const to = new URL(link.href, window.location.href);
  const here = new URL(window.location.href);
  if (to.origin !== here.origin) return null;
  return to.pathname === here.pathname && to.search === here.search ? null : link;
}

/**
 * Keeps typed text safe while the postmortem editor holds unsaved work (`unsaved` names it):
 * the browser asks before the tab is closed or reloaded, and a link inside the app stops at a
 * notice that says what would be lost, with the choice to stay or to leave anyway.
 */
export function UnsavedWorkGuard({ unsaved }: { unsaved: readonly string[] }) {
  const router = useRouter();
  const [leavingTo, setLeavingTo] = useState<string | null>(null);
  const hasUnsaved = unsaved.length > 0;

  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    // Capture, before Next.js's own link handler sees the click.
    const stopLink = (event: MouseEvent) => {
      const link = leavingLink(event);
      if (!link) return;
      event.preventDefault();
      event.stopPropagation();
      setLeavingTo(link.href);
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", stopLink, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", stopLink, true);
    };
  }, [hasUnsaved]);

  if (!leavingTo || !hasUnsaved) return null;
  const leave = () => {
    const to = new URL(leavingTo);
    setLeavingTo(null);
    router.push(`${to.pathname}${to.search}${to.hash}`);
  };
  return (
    <div
      role="alertdialog"
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-text"
      className="sticky top-2 z-20 rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 shadow-lg"
    >
      <h2 id="unsaved-title" className="font-semibold">
        You have unsaved changes
      </h2>
      <p id="unsaved-text" className="mt-1">
        Your typing in {listed(unsaved)} is not saved yet. Leaving this page now loses it.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" autoFocus onClick={() => setLeavingTo(null)} className={buttonClass("primary", "sm")}>
          Stay on this page
        </button>
        <button
          type="button"
          onClick={leave}
          className="rounded-md border border-amber-400 bg-white px-3 py-1.5 text-xs font-semibold text-amber-900 hover:bg-amber-100"
        >
          Leave without saving
        </button>
      </div>
    </div>
  );
}
