import { createTestDatabase, type TestDatabase } from "../scripts/lib/test-database";

/** A database of the test's own, on TEST_DATABASE_URL's server or an embedded PostgreSQL server. */
export function createIsolatedDatabase(label: string): Promise<TestDatabase> {
  return createTestDatabase(process.env.TEST_DATABASE_URL, label);
}

/** The environment for a child process started by a test, with some variables replaced or removed. */
export function childEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete environment[name];
  return environment;
}

/**
 * Points Clusterdesk's settings at an emulator started by the test. lib/env.ts parses settings on
 * first use and each test file gets fresh modules, so call this before anything reads them.
 */
export function useEmulator(emulatorUrl: string): void {
  process.env.CLUSTERDESK_EMULATOR_URL = emulatorUrl;
}
