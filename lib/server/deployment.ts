import "server-only";
import { env } from "@/lib/env";

/** True when the portal manages the emulator's demo organisation instead of a real tenant. */
export function isLocalMode(): boolean {
  return env().mode === "local";
}
