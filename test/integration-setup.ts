import { inject } from "vitest";

// Before any module under test reads its configuration (lib/env.ts parses on first use).
process.env.DATABASE_URL = inject("databaseUrl");
// Expected failures in tests (retries, refused changes) would otherwise flood the output.
process.env.CLUSTERDESK_LOG_LEVEL ??= "error";
