import { describe, expect, it } from "vitest";
import { aksServerApplicationId } from "../contracts";
import { resolveResource } from "./audiences";

describe("resolveResource", () => {
  it.each([
    ["https://management.azure.com/.default", "https://management.azure.com"],
    ["https://management.azure.com//.default", "https://management.azure.com"],
    ["https://management.core.windows.net/.default", "https://management.azure.com"],
    ["https://graph.microsoft.com/.default", "https://graph.microsoft.com"],
    ["User.Read openid profile offline_access", "https://graph.microsoft.com"],
    ["openid profile", "https://graph.microsoft.com"],
    [`${aksServerApplicationId}/.default`, aksServerApplicationId],
    [`${aksServerApplicationId}/user.read openid`, aksServerApplicationId],
  ])("%s → %s", (scope, audience) => {
    const result = resolveResource(scope);
    expect(result.ok && result.audience).toBe(audience);
  });

  it("refuses two resources in one request and unknown resources", () => {
    expect(resolveResource("https://management.azure.com/.default https://graph.microsoft.com/.default")).toMatchObject({ ok: false, code: 28000 });
    expect(resolveResource("https://vault.azure.net/.default")).toMatchObject({ ok: false, error: "invalid_resource" });
  });

  it("names the default delegated scope", () => {
    expect(resolveResource("https://management.azure.com/.default")).toMatchObject({ delegatedScopes: ["user_impersonation"] });
  });
});
