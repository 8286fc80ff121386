import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { parseQueryKey, queryKey } from "@/features/metrics/queries";
import type { MetricsQuery } from "@/features/metrics/types";
import { queryFollowThrough } from "./reads";

// The cards of one page share one read: React's cache() keys on arguments, so the query travels as JSON.
const loadByKey = cache((key: string) => queryFollowThrough(db, parseQueryKey(key)));

export const loadFollowThrough = (query: MetricsQuery) => loadByKey(queryKey(query));
