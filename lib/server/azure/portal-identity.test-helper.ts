import { expect } from "vitest";
import type { TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { applyRangeDirectly, sharedDevClusterId } from "@/lib/server/jobs/worker-process.test-helper";
import { authorizedIpRangesExecutor } from "@/lib/server/network/authorized-ip-ranges-executor";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";

/**
 * For the tests of the portal's proof of identity (workload identity, certificate): an admin's
 * direct addition of `range` to aks-shared-dev, executed in this process with the configured
 * credential, must reach ARM and the database once.
 */
export async function expectRangeAppliedWithPortalIdentity(emulator: TestEmulator, range: string): Promise<void> {
  const created = await applyRangeDirectly(range);
  const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
  const outcome = await executeChangeRequest(created.id, attempt, { "authorized-ip-ranges": authorizedIpRangesExecutor({ pollIntervalMs: 20 }) });
  expect(outcome).toBe("applied");
  const cluster = emulator.state().clusters.find((record) => record.resource.name === "aks-shared-dev");
  expect(cluster?.resource.properties.apiServerAccessProfile?.authorizedIPRanges).toContain(`${range}/32`);
  expect(await db().authorizedIpRange.count({ where: { clusterResourceId: clusterKey(sharedDevClusterId), range: `${range}/32` } })).toBe(1);
}
