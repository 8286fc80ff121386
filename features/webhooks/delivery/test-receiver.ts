// A real HTTP server for the delivery tests: records what it receives and answers as told.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
/** "hang" answers nothing; `keepOpen` sends the status and body but never ends the answer. */
export type ReceiverAnswer = { status: number; headers?: Record<string, string>; body?: string; keepOpen?: boolean } | "hang";

export type TestReceiver = {
  /** http://<host>:<port> (IPv6 hosts in brackets). */
  origin: string;
  port: number;
  received: ReceivedRequest[];
  /** Ends every open connection, answered or not (a hanging request then fails at the sender). */
  dropConnections(): void;
  close(): Promise<void>;
};

/** Listens on `host` (default 127.0.0.1; "::" takes IPv4 and IPv6) and answers request n (from 1) with `answer(request, n)`. */
export async function startTestReceiver(
  answer: (request: ReceivedRequest, n: number) => ReceiverAnswer = () => ({ status: 204 }),
  host = "127.0.0.1",
): Promise<TestReceiver> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = { method: request.method ?? "", path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString() };
      received.push(entry);
      const reply = answer(entry, received.length);
      if (reply === "hang") return;
      response.writeHead(reply.status, reply.headers);
      if (reply.keepOpen) response.write(reply.body ?? "");
      else response.end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    received,
    dropConnections: () => server.closeAllConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
