// `npm run --silent cli -- <command>`: API tokens and users from the command line, against
// DATABASE_URL. It acts as an ADMIN through the same permission table as the app.
import { parseArgs } from "node:util";
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand } from "@/features/tokens/cli-commands";
import { userCreateCommand } from "@/features/users/cli-commands";
import type { Actor } from "@/lib/auth/actor";
import { ROLES, can, type Permission } from "@/lib/auth/permissions";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { demoDataDir, runningDemoDatabaseUrl } from "@/lib/db/demo-database";
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  token create --name NAME --role ROLE   mint an API token; the token is printed alone on
                                         the last line of stdout, and never shown again
  token revoke --id ID                   revoke a token, at once
  token list                             list tokens (names and prefixes, never the tokens)
  user create --email EMAIL --role ROLE [--name NAME] [--password-stdin]
                                         create a user; the password is read from stdin with
                                         --password-stdin, otherwise asked for without echo

ROLE is one of ${ROLES.join(", ")}. DATABASE_URL names the database (postgresql://…); when it
is not set, the embedded database of a running \`npm start\` is used (found in
OPS_REVIEW_DATA_DIR, .data/postgres by default).
Exit status: 0 done, 1 failed, 2 usage error.`;

const CLI_ACTOR: Actor = { userId: null, tokenId: null, label: "cli", method: "CLI", role: "ADMIN" };

class UsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;
type Command = {
  permission: Permission;
  options: Record<string, { type: "string" | "boolean" }>;
  required: string[];
  run(db: Database, values: Values): Promise<void>;
};

const text = (values: Values, name: string) => (typeof values[name] === "string" ? values[name] : "");

const COMMANDS: Record<string, Command> = {
  "token create": {
    permission: "token:manage",
    options: { name: { type: "string" }, role: { type: "string" } },
    required: ["name", "role"],
    run: (db, values) => tokenCreateCommand(db, CLI_ACTOR, { name: text(values, "name"), role: text(values, "role") }),
  },
  "token revoke": {
    permission: "token:manage",
    options: { id: { type: "string" } },
    required: ["id"],
    run: (db, values) => tokenRevokeCommand(db, CLI_ACTOR, { id: text(values, "id") }),
  },
  "token list": { permission: "token:manage", options: {}, required: [], run: (db) => tokenListCommand(db) },
  "user create": {
    permission: "user:manage",
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
    required: ["email", "role"],
    run: (db, values) =>
      userCreateCommand(db, CLI_ACTOR, {
        email: text(values, "email"),
        role: text(values, "role"),
        name: typeof values.name === "string" ? values.name : undefined,
        passwordStdin: values["password-stdin"] === true,
      }),
  },
};

/** The command and its option values, or a UsageError naming what is wrong. */
function parseCommandLine(argv: string[]): { command: Command; values: Values } {
  const args = argv.filter((arg) => arg !== "--");
  const command = COMMANDS[args.slice(0, 2).join(" ")];
  if (!command) throw new UsageError(args.length ? `Unknown command: ${args.slice(0, 2).join(" ")}` : "No command given.");
  let values: Values;
  try {
    values = parseArgs({ args: args.slice(2), options: command.options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const missing = command.required.filter((name) => !text(values, name).trim());
  if (missing.length) throw new UsageError(`Missing ${missing.map((name) => `--${name}`).join(", ")}.`);
  if ("role" in values && !(ROLES as readonly string[]).includes(text(values, "role"))) {
    throw new UsageError(`--role must be one of ${ROLES.join(", ")}, got "${text(values, "role")}".`);
  }
  if ("password-stdin" in command.options && values["password-stdin"] !== true && !process.stdin.isTTY) {
    throw new UsageError("No terminal to ask for the password on: pipe it in and pass --password-stdin.");
  }
  return { command, values };
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (error instanceof ValidationError || error instanceof RuleViolationError) {
    console.error("Refused, nothing was changed:");
    for (const [field, messages] of Object.entries(error.fieldErrors)) console.error(`  ${field}: ${messages.join("; ")}`);
    return 1;
  }
  if (error instanceof NotFoundError || error instanceof ConflictError || error instanceof ForbiddenError) {
    console.error(`Refused, nothing was changed: ${error.message}`);
    return 1;
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P1001") {
    console.error("Cannot reach the database server: is it running, and is DATABASE_URL right?");
    return 1;
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2021") {
    console.error("The database has no Ops Review tables yet: run `npm run db:migrate` first.");
    return 1;
  }
  console.error("The command failed:", error);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  let parsed: { command: Command; values: Values };
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    return report(error);
  }
  const url = process.env.DATABASE_URL || runningDemoDatabaseUrl();
  if (!url) {
    console.error(
      `DATABASE_URL is not set, and no embedded database is running in ${demoDataDir()}: start the app with \`npm start\`, or export DATABASE_URL=postgresql://user:password@host:5432/database`,
    );
    return 2;
  }
  if (!process.env.DATABASE_URL) console.error(`Using the embedded database of \`npm start\` (${demoDataDir()}).`);
  if (!can(CLI_ACTOR.role, parsed.command.permission)) return report(new ForbiddenError(`The command line may not ${parsed.command.permission}.`));
  const db = createPrismaClient({ url, poolMax: 2 });
  try {
    await parsed.command.run(db, parsed.values);
    return 0;
  } catch (error) {
    return report(error);
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
