// The command line of the load benchmark (`npm run bench [-- options]`, docs/running.md).
import { parseArgs } from "node:util";

export type LoadOptions = {
  incidents: number;
  services?: number;
  teams?: number;
  changes?: number;
  /** Concurrent clients, for the app and for its database floors alike. */
  connections: number;
  /** Seconds of measurement per target, and per database floor. */
  duration: number;
  floorDuration: number;
  build: boolean;
  /** Where the report goes; its section for this N is replaced, the others kept. */
  report: string;
};

export const LOAD_DEFAULTS = { incidents: 100_000, connections: 10, duration: 10, floorDuration: 5, report: "docs/benchmarks.md" } as const;

export class OptionError extends Error {}

function wholeNumber(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const number = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(number) || number < min) throw new OptionError(`--${name} must be a whole number of at least ${min}, got "${text}"`);
  return number;
}

/** Reads the options; a bad or unknown one is an OptionError naming it. */
export function parseLoadOptions(argv: readonly string[]): LoadOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((arg) => arg !== "--"),
      strict: true,
      options: {
        incidents: { type: "string" },
        services: { type: "string" },
        teams: { type: "string" },
        changes: { type: "string" },
        connections: { type: "string" },
        duration: { type: "string" },
        "floor-duration": { type: "string" },
        "no-build": { type: "boolean" },
        report: { type: "string" },
      },
    }));
  } catch (error) {
    throw new OptionError(error instanceof Error ? error.message : String(error));
  }
  return {
    incidents: wholeNumber("incidents", values.incidents, 0) ?? LOAD_DEFAULTS.incidents,
    services: wholeNumber("services", values.services, 1),
    teams: wholeNumber("teams", values.teams, 1),
    changes: wholeNumber("changes", values.changes, 1),
    connections: wholeNumber("connections", values.connections, 1) ?? LOAD_DEFAULTS.connections,
    duration: wholeNumber("duration", values.duration, 1) ?? LOAD_DEFAULTS.duration,
    floorDuration: wholeNumber("floor-duration", values["floor-duration"], 1) ?? LOAD_DEFAULTS.floorDuration,
    build: !values["no-build"],
    report: values.report ?? LOAD_DEFAULTS.report,
  };
}
