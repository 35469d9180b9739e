import "server-only";
import pino from "pino";
import { type LogLevel, type PortalLogger, createLogger } from "./logger";
import { redactText, redactValue } from "./redact";

/**
 * The launcher's own lines (scripts/serve.ts): plain `[clusterdesk] …` text on a terminal, where a
 * person started the portal, and the portal's JSON lines otherwise (a container's log collector reads
 * both processes' output as one stream). Redacted either way.
 */
export function launcherLogger(level: LogLevel, interactive = Boolean(process.stdout.isTTY)): PortalLogger {
  if (!interactive) return createLogger(level, pino.destination({ dest: 1, sync: true }));
  const order: LogLevel[] = ["debug", "info", "warn", "error"];
  const say = (at: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (order.indexOf(at) < order.indexOf(level)) return;
    const details = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(redactValue(fields))}` : "";
    (at === "warn" || at === "error" ? process.stderr : process.stdout).write(`[clusterdesk] ${redactText(message)}${details}\n`);
  };
  return { debug: say("debug"), info: say("info"), warn: say("warn"), error: say("error") };
}
