import { parseSettings, type Settings } from "./config/settings";

/**
 * The only module that reads process.env (enforced by ESLint). Parsed on first use so that
 * `next build` does not need runtime settings; the launcher (scripts/serve.ts) validates the
 * same schema before anything starts, so a bad configuration stops start-up with a clear message.
 */
let cached: Settings | undefined;

export function env(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}
