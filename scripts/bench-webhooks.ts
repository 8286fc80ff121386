// How outgoing webhooks weigh on the user's action, for docs/performance.md ("Outgoing webhooks"):
//   npm run bench -- webhooks [--filings 200]
// A scratch database with one team and service; a worker runs in this process as it does in the
// app's. The same number of Sev1 filings is timed three times: with no webhook, with a webhook
// whose receiver answers at once, and with one whose receiver never answers (each attempt then
// times out after 10 s). For the answering receiver it also reports how long after the filing
// the delivery arrived.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import type { Actor } from "@/lib/auth/actor";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { startJobWorker } from "@/lib/jobs/worker";
import { fileIncident } from "../features/incidents/mutations";
import { webhookRuntimeFromEnv } from "../features/webhooks/runtime";
import { webhookTasks } from "../features/webhooks/tasks";
import { applyMigrations } from "../prisma/migrate";
import { withScratchDatabase } from "./scratch-database";

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { filings: { type: "string" } } });
const FILINGS = Number(values.filings ?? 200);
if (!Number.isInteger(FILINGS) || FILINGS < 1) throw new Error(`--filings must be a whole number of at least 1, got "${values.filings}"`);
const actor: Actor = { userId: null, tokenId: null, label: "bench@example.test", method: "CLI", role: "ENGINEER" };

async function receiver(answers: boolean): Promise<{ server: Server; url: string; arrivals: number[] }> {
  const arrivals: number[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      arrivals.push(Date.now());
      if (answers) response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, arrivals };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timeFilings(db: Database, label: string): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < FILINGS; i += 1) {
    const started = performance.now();
    await fileIncident(
      db,
      {
        title: `${label} ${i}`,
        severity: "SEV1",
        status: "INVESTIGATING",
        services: ["checkout-api"],
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        impact: { usersAffected: 10 },
        blastRadius: "SINGLE_SERVICE",
        rootCause: { category: "UNKNOWN" },
      },
      actor,
    );
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

await withScratchDatabase(async (url) => {
  await applyMigrations(url);
  const db = createPrismaClient({ url, poolMax: 4 });
  const workerDb = createPrismaClient({ url, poolMax: 4 });
  const worker = await startJobWorker({
    databaseUrl: url,
    tasks: webhookTasks({ ...webhookRuntimeFromEnv(workerDb), allowPrivateNetworks: true }),
    pollInterval: 200,
  });
  const answering = await receiver(true);
  const hanging = await receiver(false);
  try {
    const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
    await db.service.create({ data: { slug: "checkout-api", name: "Checkout API", teamId: team.id } });
    console.log(`${FILINGS} Sev1 filings per run, one after another; a worker in the same process\n`);
    console.log("| run | median | p95 | max |");
    console.log("|---|---|---|---|");
    const runs: [string, string | null][] = [
      ["no webhook", null],
      ["a webhook, receiver answers 204", answering.url],
      ["a webhook, receiver never answers", hanging.url],
    ];
    for (const [label, hookUrl] of runs) {
      const hook = hookUrl
        ? await db.webhook.create({ data: { url: hookUrl, events: ["incident.sev1_filed"], format: "json", secret: "b".repeat(32) } })
        : null;
      const durations = await timeFilings(db, label);
      console.log(`| ${label} | ${ms(percentile(durations, 50))} | ${ms(percentile(durations, 95))} | ${ms(durations.at(-1)!)} |`);
      if (hookUrl === answering.url) {
        for (let i = 0; i < 600 && answering.arrivals.length < FILINGS; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
        const rows = await db.$queryRaw<{ lag: number }[]>`
          SELECT extract(epoch FROM a.started_at - e.occurred_at) * 1000 + a.duration_ms AS lag
          FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id JOIN webhook_events e ON e.id = d.event_id
          WHERE d.webhook_id = ${hook!.id}::uuid AND a.status_code = 204`;
        const lags = rows.map((row) => Number(row.lag)).sort((a, b) => a - b);
        console.log(
          `|   delivery after filing (${answering.arrivals.length} arrived) | ${ms(percentile(lags, 50))} | ${ms(percentile(lags, 95))} | ${ms(lags.at(-1)!)} |`,
        );
      }
      if (hook) await db.webhook.update({ where: { id: hook.id }, data: { pausedAt: new Date(), pausedReason: "benchmark run over" } });
    }
  } finally {
    hanging.server.closeAllConnections();
    await worker.stop();
    answering.server.close();
    hanging.server.close();
    await db.$disconnect();
    await workerDb.$disconnect();
  }
});
