/**
 * The programs the production artefact compiles into dist/<name>.js (scripts/build-artefact.ts); the
 * Dockerfile and the Kubernetes manifests start them as `node dist/<name>.js`.
 */
export const artefactEntryPoints = {
  serve: "scripts/serve.ts",
  worker: "scripts/worker.ts",
  migrate: "scripts/db/migrate.ts",
  "audit-verify": "scripts/audit-verify.ts",
  "audit-archive": "scripts/audit-archive.ts",
} as const;
