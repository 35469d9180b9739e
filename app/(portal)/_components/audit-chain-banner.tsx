import Link from "next/link";
import type { Principal } from "@/lib/auth/policy";
import { auditChainBreakFor } from "@/lib/server/audit/chain-health";

/** Tells admins and auditors, on every page, that the scheduled verification found the audit chain broken. */
export async function AuditChainBanner({ principal }: { principal: Principal }) {
  const found = await auditChainBreakFor(principal);
  if (!found) return null;
  return (
    <div role="alert" className="bg-red-100 px-4 py-2 text-center text-sm text-red-950 dark:bg-red-950 dark:text-red-50">
      <strong className="font-semibold">Audit log tampering detected</strong> — the hash chain is broken ({found.tampering}) from event{" "}
      {found.firstBrokenSeq}, found {found.detectedAt.toISOString().replace("T", " ").slice(0, 16)} UTC. No checkpoint is signed over it.{" "}
      <Link href="/audit" className="font-medium underline underline-offset-2">
        Verify the chain on the Audit page
      </Link>
    </div>
  );
}
