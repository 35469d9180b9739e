import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Next.js's request scope for server actions called from integration tests. Everything else —
 * sessions, policy, engine, audit log, ARM through the SDK — is real. A test file replaces the
 * framework modules with these, hoisted above its imports:
 *
 *   vi.mock("next/headers", () => import("@/test/next-request-scope"));
 *   vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
 *
 * and runs each call as a user with `asSession(token, () => action(...))`. Each call has its own
 * async context, so two users acting concurrently keep their own sessions.
 */
const session = new AsyncLocalStorage<string>();

export function asSession<T>(token: string, run: () => Promise<T>): Promise<T> {
  return session.run(token, run);
}

export async function cookies() {
  return {
    get: (name: string) => {
      const token = session.getStore();
      return token ? { name, value: token } : undefined;
    },
  };
}

export async function headers() {
  return new Headers({ "user-agent": "vitest", "x-forwarded-for": "192.0.2.44" });
}
