import { describe, expect, it } from "vitest";
import { applyApplicationProperties } from "./application-properties";
import { GraphQueryError } from "./query";

const application = { id: "a", displayName: "App", groupMembershipClaims: null, web: { redirectUris: [] as string[], logoutUrl: null } };
const refused = (body: Record<string, unknown>) => {
  try {
    applyApplicationProperties(application, body);
    return undefined;
  } catch (error) {
    return error instanceof GraphQueryError ? `${error.status} ${error.code}: ${error.message}` : String(error);
  }
};

describe("applyApplicationProperties", () => {
  it("sets simple properties and merges complex ones, leaving the original untouched", () => {
    const next = applyApplicationProperties(application, { groupMembershipClaims: "SecurityGroup, DirectoryRole", web: { redirectUris: ["https://portal.example.com/auth/callback", "http://localhost:3000/auth/callback"] } });
    expect(next).toEqual({ ...application, groupMembershipClaims: "SecurityGroup, DirectoryRole", web: { redirectUris: ["https://portal.example.com/auth/callback", "http://localhost:3000/auth/callback"], logoutUrl: null } });
    expect(application.web.redirectUris).toEqual([]);
  });

  it.each([
    [{ web: { redirectUris: ["http://portal.example.com/auth/callback"] } }, "web.redirectUris"],
    [{ web: { redirectUris: ["not a url"] } }, "web.redirectUris"],
    [{ web: "https://portal.example.com" }, "web"],
    [{ groupMembershipClaims: "Everyone" }, "groupMembershipClaims"],
    [{ displayName: " " }, "displayName"],
    [{ signInAudience: "Anyone" }, "signInAudience"],
    [{ optionalClaims: { idToken: [{ essential: false }] } }, "optionalClaims"],
    [{ optionalClaims: { refreshToken: [] } }, "optionalClaims"],
    [{ requiredResourceAccess: [{ resourceAppId: "graph", resourceAccess: [] }] }, "requiredResourceAccess"],
    [{ requiredResourceAccess: [{ resourceAppId: "00000003-0000-0000-c000-000000000000", resourceAccess: [{ id: "df021288-bdef-4463-88db-98f22de89214", type: "Application" }] }] }, "requiredResourceAccess"],
  ])("refuses %j naming %s", (body, property) => {
    expect(refused(body)).toBe(`400 Request_BadRequest: Invalid value specified for property '${property}' of resource 'Application'.`);
  });

  it("refuses unknown and read-only properties, also inside a complex one", () => {
    expect(refused({ appId: "x" })).toBe("400 Request_BadRequest: Property 'appId' does not exist on type 'microsoft.graph.application' or is read-only.");
    expect(refused({ web: { redirectUri: "https://x" } })).toMatch(/Property 'web.redirectUri' does not exist/);
  });
});
