"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The reader's IANA time zone; "UTC" while rendering on the server. */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(subscribe, browserZone, () => "UTC");
}
