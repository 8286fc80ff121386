// One target under load: the app through autocannon, its database floor through a pg Pool,
// both at the same concurrency for a fixed time; latencies of every response recorded.
import autocannon from "autocannon";
import { summarise, type Latency } from "./bench-report";
import type { FloorContext } from "./bench-floors";
import type { Target } from "./bench-targets";

export type AppMeasurement = { latency: Latency; non2xx: number; errors: number };

export type Caller = { url: string; headers: (target: Target) => Record<string, string> };

/** How long a request may take before it counts as an error: autocannon's own timeout. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** A few requests one after another, so that caches, plans and JIT are warm; the statuses they got (0: no answer in time). */
export async function warmUp(caller: Caller, target: Target, times = 5): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) {
    try {
      const response = await fetch(`${caller.url}${target.path}`, {
        method: target.body ? "POST" : "GET",
        headers: { ...caller.headers(target), ...(target.body ? { "content-type": "application/json" } : {}) },
        body: target.body?.(),
        redirect: "manual",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    } catch (error) {
      // No answer in time, or none at all (the server stopped): the measurement will say how it fares.
      console.error(`warm-up request to ${target.path} failed: ${error instanceof Error ? error.message : String(error)}`);
      statuses.push(0);
    }
  }
  return statuses;
}

export function measureApp(caller: Caller, target: Target, connections: number, seconds: number): Promise<AppMeasurement> {
  const samples: number[] = [];
  const started = performance.now();
  const headers = { ...caller.headers(target), ...(target.body ? { "content-type": "application/json" } : {}) };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${caller.url}${target.path}`,
        connections,
        duration: seconds,
        timeout: REQUEST_TIMEOUT_MS / 1000,
        headers,
        method: target.body ? "POST" : "GET",
        requests: target.body ? [{ method: "POST", setupRequest: (request) => ({ ...request, body: target.body?.() }) }] : undefined,
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const elapsed = (performance.now() - started) / 1000;
        resolve({ latency: summarise(samples, Math.min(elapsed, result.duration || elapsed)), non2xx: result.non2xx, errors: result.errors + result.timeouts });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => samples.push(responseTime));
  });
}

/** `connections` loops running the floor back to back for `seconds`; a failed query is counted, and the first one logged. */
export async function measureFloor(context: FloorContext, target: Target, connections: number, seconds: number): Promise<{ latency: Latency; errors: number }> {
  let errors = 0;
  const failed = (error: unknown) => {
    if (errors++ === 0) console.error(`database floor of ${target.name} failed:`, error);
  };
  for (let i = 0; i < 3; i++)
    await target.floor(context).catch((error: unknown) => console.error(`warm-up of the database floor of ${target.name} failed:`, error));
  const samples: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const begun = performance.now();
      try {
        await target.floor(context);
        samples.push(performance.now() - begun);
      } catch (error) {
        failed(error);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { latency: summarise(samples, (performance.now() - started) / 1000), errors };
}
