import { inject } from "vitest";

// Before any module under test reads its configuration (lib/env.ts parses on first use).
process.env.DATABASE_URL = inject("databaseUrl");
