import { defaultEmulatorUrl } from "../lib/config/local-mode";

/** The emulator's own settings for `npm run emulator`; the only emulator file that reads the environment. */
export type EmulatorProcessConfig = { port: number; dataDir: string; lroDurationMs: number; roleAssignmentPropagationMs: number };

export function emulatorProcessConfig(environment: NodeJS.ProcessEnv = process.env): EmulatorProcessConfig {
  const url = new URL(environment.CLUSTERDESK_EMULATOR_URL || defaultEmulatorUrl);
  const lroDurationMs = Number(environment.CLUSTERDESK_EMULATOR_LRO_MS ?? "3000");
  const propagationMs = Number(environment.CLUSTERDESK_EMULATOR_ROLE_PROPAGATION_MS ?? "0");
  return {
    port: Number(url.port || "443"),
    dataDir: environment.CLUSTERDESK_DATA_DIR || "data",
    lroDurationMs: Number.isFinite(lroDurationMs) && lroDurationMs >= 0 ? lroDurationMs : 3000,
    roleAssignmentPropagationMs: Number.isFinite(propagationMs) && propagationMs >= 0 ? propagationMs : 0,
  };
}
