import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** A Prisma client of the test's own, e.g. for an isolated database or a larger pool. */
export function createPrismaClient(databaseUrl: string, poolSize = 4): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}
