import { readFile } from "node:fs/promises";
import { request } from "node:https";
import path from "node:path";
import type { FaultSpec } from "../../emulator/control/faults";

/**
 * The e2e web server's own data folder (git-ignored under test-results/), so the emulator it starts
 * writes its CA and endpoints.json there instead of a developer's `data/`. playwright.config.ts
 * passes it to the server as CLUSTERDESK_DATA_DIR; specs find the emulator's control API through it.
 */
export const e2eDataDir = path.resolve(import.meta.dirname, "..", "..", "test-results", "e2e-data");

/** A fault for the emulator's control API (docs/EMULATOR.md). */
export type { FaultSpec };

type Endpoints = { control: string; caCertPath: string };

async function endpoints(): Promise<Endpoints & { ca: string }> {
  const file = path.join(e2eDataDir, "emulator", "endpoints.json");
  const parsed = JSON.parse(await readFile(file, "utf8")) as Endpoints;
  return { ...parsed, ca: await readFile(parsed.caCertPath, "utf8") };
}

/** Calls the loopback-only control API over HTTPS, trusting the emulator's own CA. */
async function control(method: "GET" | "POST" | "DELETE", resource: string, body?: unknown): Promise<unknown> {
  const { control: base, ca } = await endpoints();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = request(`${base}/${resource}`, { method, ca, headers: payload ? { "content-type": "application/json" } : {} }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) reject(new Error(`${method} /_emulator/${resource} answered ${status}: ${text}`));
        else resolve(text ? (JSON.parse(text) as unknown) : undefined);
      });
    });
    call.on("error", reject);
    call.end(payload);
  });
}

export const emulatorControl = {
  injectFault: (spec: FaultSpec) => control("POST", "faults", spec),
  clearFaults: () => control("DELETE", "faults"),
  listFaults: async () => ((await control("GET", "faults")) as { value: unknown[] }).value,
  /** What the emulated Graph accepted through sendMail (emulator/graph/send-mail.ts). */
  sentMail: async () => ((await control("GET", "mail")) as { value: Array<{ subject: string; toRecipients: Array<{ address: string }>; internetMessageId: string | null }> }).value,
};
