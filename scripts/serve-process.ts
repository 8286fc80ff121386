// How the production server (scripts/serve.ts) is started: under a V8 heap limit, with the
// environment it needs. `npm start` and the load benchmark start it the same way.

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

export type ServeSettings = {
  port: number;
  host: string;
  databaseUrl: string;
  secret: string;
  publicUrl: string;
  /** OPS_REVIEW_DEMO: "1" lists the demo accounts on the sign-in page. */ demo: string;
};

/** The environment of the server process: the parent's, plus production mode and `settings`. */
export const serveEnvironment = (settings: ServeSettings, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => ({
  ...env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(settings.port),
  HOST: settings.host,
  DATABASE_URL: settings.databaseUrl,
  NEXTAUTH_SECRET: settings.secret,
  NEXTAUTH_URL: settings.publicUrl,
  OPS_REVIEW_DEMO: settings.demo,
});
