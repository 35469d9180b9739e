import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { signInHeadlessly } from "../../emulator/test-support/sign-in";

/**
 * A browser's part, over plain HTTP, against several portal instances: the Entra sign-in with its
 * cookies, page loads, and server actions called the way React's client calls them (the action id
 * from the build's manifest in `Next-Action`, the arguments encoded by React's own `encodeReply`).
 * The instances are addressed directly (http://127.0.0.1:<port>), as a load balancer would.
 */
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge") as { encodeReply: (value: unknown) => Promise<string | FormData> };

type ManifestEntry = { exportedName?: string; filename?: string };

/** The id the production build gave a server action, by its exported name. */
export function serverActionId(exportedName: string, buildDir = ".next"): string {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in the build: run next build`);
  return found[0];
}

function cookieOf(response: Response, name: string): string | undefined {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  return line?.split(";")[0];
}

/**
 * Signs `username` in: the sign-in starts on one instance and the code comes back to another (the
 * attempt lives in the database). Returns the session cookie (`name=value`).
 */
export async function signIn(startOn: string, finishOn: string, username: string): Promise<string> {
  const login = await fetch(`${startOn}/auth/login?returnTo=/requests`, { redirect: "manual" });
  const attempt = login.headers.getSetCookie()[0]?.split(";")[0];
  const authorize = login.headers.get("location");
  if (login.status !== 303 || !attempt || !authorize) throw new Error(`sign-in did not start: ${login.status}`);
  const callback = await signInHeadlessly(authorize, username);
  const finished = await fetch(`${finishOn}${callback.pathname}${callback.search}`, { redirect: "manual", headers: { cookie: attempt } });
  const session = cookieOf(finished, "__Host-clusterdesk-session") ?? cookieOf(finished, "clusterdesk-session");
  if (!session) throw new Error(`sign-in did not finish: ${finished.status} ${finished.headers.get("location") ?? ""}`);
  return session;
}

export async function loadPage(origin: string, pathname: string, session: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${origin}${pathname}`, { redirect: "manual", headers: { cookie: session } });
  return { status: response.status, html: await response.text() };
}

/** Posts a server action as the page at `pathname` would; the raw response (an action may redirect). */
export async function postAction(origin: string, pathname: string, session: string, action: string, args: unknown[]): Promise<Response> {
  const body = await encodeReply(args);
  const headers: Record<string, string> = { cookie: session, "next-action": serverActionId(action), accept: "text/x-component", origin };
  if (typeof body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
  return fetch(`${origin}${pathname}`, { method: "POST", headers, body, redirect: "manual" });
}

/**
 * Calls a server action as the page at `pathname` would, returning the action's result: the row of
 * the RSC response that is a plain object with `ok` or `status` (the action's return value).
 */
export async function callAction<T>(origin: string, pathname: string, session: string, action: string, args: unknown[]): Promise<T> {
  const response = await postAction(origin, pathname, session, action, args);
  const text = await response.text();
  for (const line of text.split("\n")) {
    const row = /^[0-9a-f]+:(\{.*\})$/.exec(line)?.[1];
    if (!row) continue;
    const value = JSON.parse(row) as Record<string, unknown>;
    if ("ok" in value || "status" in value) return value as T;
  }
  throw new Error(`${action} on ${origin}${pathname} answered ${response.status} without a result: ${text.slice(0, 300)}`);
}

/** A form as the page's <form> would submit it. */
export function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}
