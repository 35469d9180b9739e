import "server-only";

/** The portal's logger: pino with redaction, in lib/server/telemetry/logger.ts. */
export { logger } from "./telemetry/logger";
