import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests exercise server modules directly.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: ["{lib,app,components,emulator,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.{ts,tsx}", "**/*.build.test.{ts,tsx}", "node_modules/**"],
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          environment: "node",
          include: ["{lib,app,components,emulator,scripts,prisma,deploy}/**/*.int.test.{ts,tsx}"],
          globalSetup: ["test/integration-global-setup.ts"],
          setupFiles: ["test/integration-setup.ts"],
          // One shared database per run; files run one after another so they do not see each other's rows mid-test.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          // Checks over the production build in .next; `npm test` runs them after `next build`.
          name: "bundle",
          environment: "node",
          include: ["{lib,app,components,scripts}/**/*.build.test.{ts,tsx}"],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
