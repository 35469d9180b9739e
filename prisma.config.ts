import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma 7's CLI needs a native schema engine it cannot download offline, so we pin 6.19 and its
// WebAssembly ("js") engine. Migration SQL is produced with `prisma migrate diff` and applied by our
// own runner (lib/server/db/migrations.ts) because `migrate deploy` through the JS engine fails
// against real PostgreSQL (prisma/orm#27403).
//
// The schema's `env("DATABASE_URL")` must resolve or the CLI falls back to downloading a native
// query engine; `generate` and `migrate diff` never connect, so a placeholder is enough for them.
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";
const connectionString = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  adapter: async () => new PrismaPg({ connectionString }),
});
