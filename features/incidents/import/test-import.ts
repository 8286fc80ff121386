// Test helpers of the CSV import: a file as a stream, cut into chunks, and the import run on it.
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import type { ImportField } from "./fields";
import { importIncidentsCsv } from "./mutations";

export const importer: Actor = { userId: null, tokenId: null, label: "importer@example.test", method: "API", role: "ENGINEER" };

/** `text` as a request body would bring it: UTF-8 bytes in chunks of `chunkSize`. */
export function csvStream(text: string, chunkSize = 7): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

export const importCsv = (db: Database, text: string, dryRun: boolean, mapping?: Record<string, ImportField | null>) =>
  importIncidentsCsv(db, csvStream(text), { dryRun, mapping }, importer);
