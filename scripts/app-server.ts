// The production server: Next.js's request handler behind Node's own HTTP server, so that the
// app learns each request's peer address from the socket (Next.js gives route handlers none,
// and `next start` keeps a client's own X-Forwarded-For as it is).
import http from "node:http";
import { markPeerAddressHeaderTrusted, PEER_ADDRESS_HEADER } from "../lib/auth/client-address";
import { answeringDatabaseTrouble } from "../lib/http/database-trouble";

/** Replaces whatever the client sent under the peer header with the socket's own address. */
export function stampPeerAddress(request: http.IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
}

/**
 * Where `npm start` listens: HOST when set; otherwise 127.0.0.1 in demo mode, whose sign-in
 * page lists the demo accounts' passwords; otherwise every interface, as `next start` does.
 */
export const listenHost = (host: string | undefined, demo: boolean): string | undefined => host || (demo ? "127.0.0.1" : undefined);

export async function serveApp(options: { port: number; hostname?: string }): Promise<http.Server> {
  markPeerAddressHeaderTrusted();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer(
    answeringDatabaseTrouble((request, response) => {
      stampPeerAddress(request);
      handle(request, response).catch((error: unknown) => {
        console.error("Request failed outside the app's own error handling", error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // No hostname: every interface, as `next start` does.
    server.listen(options.port, options.hostname, () => resolve());
  });
  return server;
}
