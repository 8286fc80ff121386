"use client";

import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";

/** The form's fields as the list's URL: one parameter per filter, several values comma-joined, blanks left out. */
function searchOf(form: HTMLFormElement): URLSearchParams {
  const values = new Map<string, string[]>();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim()) values.set(name, [...(values.get(name) ?? []), value.trim()]);
  }
  return new URLSearchParams([...values].map(([name, list]) => [name, list.join(",")]));
}

/**
 * A list's filter form (incidents, changes). Applying it navigates to the URL that holds the
 * filters and drops the page position: a new filter starts from the first page, and the
 * address bar is always a link to exactly this view. Without script it is a plain GET.
 */
export function ListFilterForm({ path, label, children }: { path: string; label: string; children: ReactNode }) {
  const router = useRouter();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const search = searchOf(event.currentTarget);
    router.push(search.size > 0 ? `${path}?${search}` : path);
  };
  return (
    <form
      role="search"
      aria-label={label}
      action={path}
      method="get"
      onSubmit={onSubmit}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      {children}
    </form>
  );
}
