/**
 * The demo organisation's identifiers. Local mode signs in against, and manages, the emulator's
 * seeded organisation; the emulator seeds itself from these same values so the two always agree.
 * They are not secrets: nothing outside this machine accepts them.
 */
export const localDemoOrganisation = {
  tenantId: "5f1c7d2e-0c4a-4b8e-9a51-3d0e8b6f2c10",
  /** Clusterdesk's app registration in the demo tenant. */
  clientId: "c1d5e4a0-7b2f-4e8c-a3d9-6f0b1e2c3d40",
  clientSecret: "clusterdesk-local-demo-secret",
  subscriptionIds: ["0b1f6471-1bf0-4dda-aec3-111122223333", "6a1c0c7e-9f3b-4b0a-8e2d-444455556666"],
  adminGroupIds: ["a0000000-0000-4000-8000-0000000000a1"],
  auditorGroupIds: ["a0000000-0000-4000-8000-0000000000a2"],
} as const;

export const defaultEmulatorUrl = "https://localhost:8443";
