// The CSV download of the incident list, held whole: one connection and one snapshot
// (REPEATABLE READ, read only) for the whole stream, so that neither a busy pool nor edits made
// while it downloads can cut it short or tear it, and a limit on how many run at once, taken
// before the first byte so that the one over the limit is refused cleanly instead.
import type { Database } from "@/lib/db/client";
import { takeTransactionSlot } from "@/lib/db/slots";
import { Prisma } from "@/lib/generated/prisma/client";
import { incidentCsvStream } from "./csv";
import type { IncidentListParams } from "./params";

const SLOT_NAME = "ops-review:incident-csv-export";

/** The longest an export may take; a download still running then is cut off (and logged). */
export const EXPORT_MAX_MS = 15 * 60_000;

/** A stream that says when it has ended: read to the end, failed, or cancelled by the client. */
function untilEnd(inner: ReadableStream<Uint8Array>) {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const reader = inner.getReader();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          end();
        } else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
        end();
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
      end();
    },
  });
  return { stream, ended };
}

/**
 * The export's stream, or null when `maxConcurrent` exports already run (on any instance).
 * The transaction, its connection and its slot last until the stream ends.
 */
export function openIncidentCsvExport(
  db: Database,
  params: Pick<IncidentListParams, "filters" | "sort">,
  options: { timeZone: string; maxConcurrent: number; now?: Date; pageSize?: number },
): Promise<ReadableStream<Uint8Array> | null> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const answer = (stream: ReadableStream<Uint8Array> | null) => {
      answered = true;
      resolve(stream);
    };
    db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET TRANSACTION READ ONLY`;
        if ((await takeTransactionSlot(tx, SLOT_NAME, options.maxConcurrent)) === null) return answer(null);
        const { stream, ended } = untilEnd(incidentCsvStream(tx, params, options));
        answer(stream);
        await ended;
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: EXPORT_MAX_MS },
    ).catch((error: unknown) => {
      if (!answered) reject(error);
      else console.error("incident CSV export: its transaction ended with an error", error);
    });
  });
}
