import { readFile } from "node:fs/promises";
import { request } from "node:https";
import path from "node:path";
import { e2eDataDir } from "./emulator-control";

/**
 * A read of any ARM resource with the api-version its provider answers to (emulator-access's `arm`
 * pins Microsoft.Authorization's 2022-04-01, which Microsoft.ManagedIdentity refuses), as an Azure
 * administrator would check what Clusterdesk made.
 */
export async function armGet(resourcePath: string, apiVersion: string, token: string): Promise<{ status: number; body: unknown }> {
  const endpoints = JSON.parse(await readFile(path.join(e2eDataDir, "emulator", "endpoints.json"), "utf8")) as { resourceManager: string; caCertPath: string };
  const ca = await readFile(endpoints.caCertPath, "utf8");
  const url = `${endpoints.resourceManager}${resourcePath}${resourcePath.includes("?") ? "&" : "?"}api-version=${apiVersion}`;
  return new Promise((resolve, reject) => {
    const call = request(url, { method: "GET", ca, headers: { authorization: `Bearer ${token}` } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined }));
    });
    call.on("error", reject);
    call.end();
  });
}
