import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process; `next dev` re-evaluates modules on every change, so keep it on globalThis.
const holder = globalThis as unknown as { clusterdeskPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const { databaseUrl } = env();
  if (!databaseUrl) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm run local`, which provides the embedded database");
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

/** The Prisma client, created on first use so that `next build` needs no database. */
export function db(): PrismaClient {
  holder.clusterdeskPrisma ??= createClient();
  return holder.clusterdeskPrisma;
}
