// `npm run worker`: a background worker on its own, for deployments that scale workers apart
// from the app (then start the app with OPS_REVIEW_WORKER=0). Needs DATABASE_URL, and
// NEXTAUTH_URL for the links in messages.
import { startAppWorker } from "./job-worker";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: export DATABASE_URL=postgresql://user:password@host:5432/database");
  process.exit(2);
}
const worker = await startAppWorker(databaseUrl);
console.log("[ops-review] worker running; stop it with Ctrl-C (jobs it was running are finished or retried)");
const stop = () => void worker.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
