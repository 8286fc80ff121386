import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { MIN_PASSWORD_LENGTH, hashPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { createUser } from "./mutations";
import { newUserSchema } from "./schemas";

const MAX_PASSWORD_LENGTH = 1024;

export function passwordErrors(password: string): string[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [`must be at least ${MIN_PASSWORD_LENGTH} characters (got ${password.length})`];
  if (password.length > MAX_PASSWORD_LENGTH) return [`must be at most ${MAX_PASSWORD_LENGTH} characters`];
  return [];
}

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed. */
async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  try {
    process.stderr.write(question);
    muted = true;
    return await prompt.question("");
  } finally {
    prompt.close();
    process.stderr.write("\n");
  }
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readPasswordFromStdin();
  const password = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  if (passwordErrors(password).length === 0 && (await promptHidden("Repeat the password: ")) !== password) {
    throw new ValidationError({ password: ["the two entries differ"] });
  }
  return password;
}

/** Creates a user with a password, refusing a short password or an e-mail already taken. */
export async function userCreateCommand(
  db: Database,
  actor: Actor,
  options: { email: string; role: string; name?: string; passwordStdin: boolean },
): Promise<void> {
  const parsed = newUserSchema.safeParse(options);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const { email, name, role } = parsed.data;
  // Asked before the password, so nobody types one for an e-mail that is taken.
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new ConflictError(`A user with the e-mail ${email} already exists.`);

  const password = await readPassword(options.passwordStdin);
  const errors = passwordErrors(password);
  if (errors.length > 0) throw new ValidationError({ password: errors });
  const user = await createUser(db, actor, { email, name, role, passwordHash: await hashPassword(password) });
  console.log(`Created user ${email} with role ${role} (id ${user.id}).`);
}
