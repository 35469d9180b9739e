/**
 * npm run audit:verify — walks the audit chain of DATABASE_URL and recomputes every hash and link.
 * Exit 0 when the chain is intact, 1 with the first broken link otherwise, 2 when it cannot run.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { verifyAuditChain } from "../lib/server/audit/verify-audit-chain";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is required");
  process.exit(2);
}
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
try {
  const verdict = await verifyAuditChain(client);
  if (verdict.ok) {
    console.log(`audit chain intact: ${verdict.count} event(s) verified`);
  } else {
    console.error(`audit chain broken at seq ${verdict.firstBrokenSeq} (${verdict.count} event(s) before it verified): ${verdict.reason}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`audit:verify could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await client.$disconnect();
}
