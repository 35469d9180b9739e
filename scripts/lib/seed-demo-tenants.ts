import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { demoTenants } from "./demo-tenants";

/** A database the launcher provided itself: the only kind demo tenants may be written to. */
export type ProvidedDatabase = { url: string; origin: "embedded" | "throw-away" };

/**
 * Upserts the demo tenants (local mode only). Idempotent: run at every local start. Never into a
 * database named by DATABASE_URL: that may hold a real organisation's tenants.
 */
export async function seedDemoTenants(database: ProvidedDatabase): Promise<number> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 1 }) });
  try {
    const tenants = demoTenants();
    for (const tenant of tenants) {
      const { environments, ...fields } = tenant;
      const saved = await prisma.tenant.upsert({ where: { slug: tenant.slug }, create: fields, update: fields, select: { id: true } });
      for (const environment of environments) {
        await prisma.tenantEnvironment.upsert({
          where: { clusterResourceId_namespace: { clusterResourceId: environment.clusterResourceId, namespace: environment.namespace } },
          create: { ...environment, tenantId: saved.id },
          update: { name: environment.name, tenantId: saved.id },
        });
      }
    }
    return tenants.length;
  } finally {
    await prisma.$disconnect();
  }
}
