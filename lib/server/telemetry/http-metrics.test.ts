import { describe, expect, it } from "vitest";
import { requestKind } from "./http-metrics";

const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers });

describe("the request kind label", () => {
  it("tells pages, server actions, route handlers and assets apart, never by the full path", () => {
    expect(requestKind(request("GET", "/clusters/sub/rg/aks-payments?tab=access"))).toBe("page");
    expect(requestKind(request("POST", "/requests/42", { "next-action": "7f3a" }))).toBe("action");
    expect(requestKind(request("POST", "/requests/42"))).toBe("page");
    expect(requestKind(request("GET", "/api/health"))).toBe("api");
    expect(requestKind(request("GET", "/_next/static/chunks/app.js"))).toBe("asset");
    expect(requestKind(request("GET", "/favicon.ico"))).toBe("asset");
  });
});
