"use client";

import { useBrowserTimeZone } from "./use-browser-time-zone";

/** An instant in the reader's own time zone (UTC until the browser says which zone that is). */
export function LocalTime({ iso }: { iso: string | null }) {
  const timeZone = useBrowserTimeZone();
  if (!iso) return <span>—</span>;
  const text = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}
