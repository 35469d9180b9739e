/**
 * Settings for the app's modules in an integration test. lib/env.ts parses process.env once, on first
 * use, so call these before anything asks for env().
 */
export function pointAppAtEmulator(emulatorUrl: string): void {
  process.env.CLUSTERDESK_EMULATOR_URL = emulatorUrl;
}

/** The integration run's migrated database (set by test/integration-setup.ts). */
export function appDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through the integration project");
  return url;
}
