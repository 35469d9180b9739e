import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const processEnvRule = [
  "error",
  { object: "process", property: "env", message: "Read configuration through lib/env.ts (env()), the one module that parses it." },
];

const config = [
  { ignores: [".next/**", "node_modules/**", ".tools/**", "data/**", "lib/generated/**", ".artefact/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "no-restricted-properties": processEnvRule,
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The configuration module itself, the launcher and tooling scripts, and the tools' config files
    // are the only places allowed to read the process environment.
    files: ["lib/env.ts", "scripts/**", "emulator/config.ts", "*.config.{js,mjs,ts}", "e2e/support/**", "test/**"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
