import { expect, it } from "vitest";
import { emulatorProcessConfig } from "./config";

const environment = (variables: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...variables });

it("reads the role-assignment propagation delay for `npm run emulator`, 0 unless set, and ignores nonsense", () => {
  expect(emulatorProcessConfig(environment({})).roleAssignmentPropagationMs).toBe(0);
  expect(emulatorProcessConfig(environment({ CLUSTERDESK_EMULATOR_ROLE_PROPAGATION_MS: "30000" })).roleAssignmentPropagationMs).toBe(30_000);
  expect(emulatorProcessConfig(environment({ CLUSTERDESK_EMULATOR_ROLE_PROPAGATION_MS: "-5" })).roleAssignmentPropagationMs).toBe(0);
  expect(emulatorProcessConfig(environment({ CLUSTERDESK_EMULATOR_ROLE_PROPAGATION_MS: "soon" })).roleAssignmentPropagationMs).toBe(0);
});
