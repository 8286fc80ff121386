"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { ColumnVisibilityState } from "@tanstack/react-table";

// The reader's column choice, kept in this browser only: it is a preference, not a view, so
// it stays out of the URL (a shared link shows the recipient's own columns).
const STORAGE_KEY = "ops-review.incident-list.columns";
const listeners = new Set<() => void>();
// Where storage is refused (private mode, quota), the choice still holds for this page's life.
let unstored: string | null = null;

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? unstored;
  } catch {
    return unstored;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changing the choice changes it here too.
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function parse(stored: string | null): ColumnVisibilityState | null {
  if (!stored) return null;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === "boolean"));
  } catch {
    return null;
  }
}

/** Column visibility remembered in localStorage; the server (and first paint) uses `defaults`. */
export function useStoredColumnVisibility(defaults: ColumnVisibilityState) {
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const visibility = useMemo(() => ({ ...defaults, ...parse(stored) }), [defaults, stored]);
  const setVisibility = useCallback((next: ColumnVisibilityState) => {
    unstored = JSON.stringify(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, unstored);
    } catch (error) {
      console.warn("could not remember the column choice in localStorage", error);
    }
    listeners.forEach((listener) => listener());
  }, []);
  return [visibility, setVisibility] as const;
}
