// npm's postinstall. In a development checkout it generates the Prisma client (lib/generated/prisma)
// with the Prisma CLI, a development dependency. The production artefact (`npm ci --omit=dev` in
// .artefact/, the Dockerfile's) needs none: its compiled code and the Next.js build already carry the
// generated client (scripts/build-artefact.ts), and it has no prisma/schema.prisma, so there this
// does nothing. (npm may still install the CLI there, as an optional peer of @prisma/client.)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma") || !existsSync("node_modules/prisma/package.json")) {
  console.log("postinstall: no Prisma schema or CLI here (the production artefact): its generated client is compiled in");
  process.exit(0);
}
const result = spawnSync("node_modules/.bin/prisma", ["generate"], { stdio: "inherit" });
process.exit(result.status ?? 1);
