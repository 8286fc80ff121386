// The app server's V8 heap limit: `npm start` and the load benchmark run it the same way.

/** The old-space limit in MB: OPS_REVIEW_HEAP_MB, 384 by default, so the whole process stays well under 600 MB. */
export const DEFAULT_HEAP_MB = 384;

export class HeapLimitError extends Error {}

export function heapLimitMb(env: Record<string, string | undefined> = process.env): number {
  const text = env.OPS_REVIEW_HEAP_MB;
  if (text === undefined || text === "") return DEFAULT_HEAP_MB;
  const mb = Number(text);
  if (!Number.isInteger(mb) || mb < 64) throw new HeapLimitError(`OPS_REVIEW_HEAP_MB must be a whole number of megabytes, at least 64, got "${text}"`);
  return mb;
}

/** Node's arguments that serve the production build (scripts/serve.ts) under that limit. */
export const serveArguments = (heapMb: number): string[] => [`--max-old-space-size=${heapMb}`, "--import", "tsx", "scripts/serve.ts"];
