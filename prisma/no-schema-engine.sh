#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` only needs the path to exist; migrations are applied by prisma/migrate.ts.
echo "The native Prisma schema engine is not installed; apply migrations with 'npm run db:migrate'." >&2
exit 1
