import type { TestProject } from "vitest/node";
import { migrate } from "../lib/server/db/migrations";
import { createTestDatabase } from "../scripts/lib/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "embedded";
  }
}

/** One migrated, throw-away database for the whole integration run, dropped at the end. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "int");
  await migrate(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  console.log(`[integration] running against a throw-away ${database.kind} database`);
  return () => database.drop();
}
