// Serves the production build (`npm start` runs this after preparing the database):
// `PORT` (3000), `HOST` (every interface when unset). Unless OPS_REVIEW_WORKER=0, the same
// process runs a background worker for the job queue.
import { serveApp } from "./app-server";
import { runsInProcessWorker, startAppWorker } from "./job-worker";

const server = await serveApp({ port: Number(process.env.PORT ?? 3000), hostname: process.env.HOST || undefined });
const worker = runsInProcessWorker() && process.env.DATABASE_URL ? await startAppWorker(process.env.DATABASE_URL) : null;
const close = () => {
  const closed = new Promise((resolve) => server.close(resolve));
  void Promise.all([closed, worker?.stop()]).finally(() => process.exit(0));
};
process.on("SIGTERM", close);
process.on("SIGINT", close);
