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

/** Sets (or, for undefined, removes) the app's environment variables; call before anything asks for env(). */
export function setAppEnvironment(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

/** Every value in the app's environment, to check that a secret is nowhere in it. */
export function appEnvironmentValues(): string[] {
  return Object.values(process.env).filter((value): value is string => value !== undefined);
}
