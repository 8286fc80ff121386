// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { MigrationError, applyMigrations } from "../prisma/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: export DATABASE_URL=postgresql://user:password@host:5432/database");
  process.exit(2);
}
try {
  const applied = await applyMigrations(url, { log: (line) => console.log(line) });
  console.log(applied.length ? `${applied.length} migration(s) applied` : "database schema is up to date");
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
