import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { demoTenants } from "./demo-tenants";

/** Upserts the demo tenants (local mode only). Idempotent: run at every local start. */
export async function seedDemoTenants(databaseUrl: string): Promise<number> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
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
