// The browser tests file incidents, mint tokens and write to the database of the app they
// drive: run by hand, they must never reach anything but this machine.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The variables that say where the browser tests write, directly or through the app. */
export const TARGET_VARIABLES = ["E2E_BASE_URL", "E2E_DATABASE_URL", "DATABASE_URL"] as const;

function isLocal(url: URL): boolean {
  if (LOCAL_HOSTS.has(url.hostname)) return true;
  // postgresql:///name?host=/var/run/postgresql is a Unix socket on this machine.
  const socket = url.searchParams.get("host");
  return url.hostname === "" && (socket === null || socket.startsWith("/"));
}

/** Why the browser tests refuse to run with `env`, naming the variable, or null when every target is local. */
export function nonLocalTarget(env: Record<string, string | undefined>): string | null {
  for (const name of TARGET_VARIABLES) {
    const value = env[name];
    if (!value) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return `${name} is not a URL; the browser tests run only against this machine.`;
    }
    if (!isLocal(url)) {
      return `${name} points at ${url.hostname || url.searchParams.get("host")}: the browser tests write to the app and its database, so they run only against localhost, 127.0.0.1 or ::1. Run them with \`npm run test:e2e\`, which starts a database and an app of their own.`;
    }
  }
  return null;
}
