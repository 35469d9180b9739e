import "server-only";
import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { env } from "@/lib/env";
import { redactText, redactValue } from "./redact";

type Fields = Record<string, unknown>;
export type LogLevel = Extract<Level, "debug" | "info" | "warn" | "error">;
export type PortalLogger = Record<LogLevel, (message: string, fields?: Fields) => void>;

/** JSON lines `{"level","time","message",…fields}`, every field and the message redacted (./redact.ts). */
export function createLogger(level: LogLevel, destination: DestinationStream): PortalLogger {
  const instance: Logger = pino(
    {
      level,
      messageKey: "message",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redactValue(fields) as Fields,
      },
    },
    destination,
  );
  const write = (at: LogLevel) => (message: string, fields: Fields = {}) => instance[at](fields, redactText(message));
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

const holder = globalThis as unknown as { clusterdeskLogger?: PortalLogger };

/**
 * Created on first use, so `next build` needs no settings; one per process (Next.js may load this
 * module in more than one bundle). Synchronous writes to stdout: a line logged just before the
 * process exits is not lost in a buffer.
 */
function processLogger(): PortalLogger {
  holder.clusterdeskLogger ??= createLogger(env().logLevel, pino.destination({ dest: 1, sync: true }));
  return holder.clusterdeskLogger;
}

/** The portal's structured logger. Pass facts as fields; secrets are redacted, but do not rely on it. */
export const logger: PortalLogger = {
  debug: (message, fields) => processLogger().debug(message, fields),
  info: (message, fields) => processLogger().info(message, fields),
  warn: (message, fields) => processLogger().warn(message, fields),
  error: (message, fields) => processLogger().error(message, fields),
};
