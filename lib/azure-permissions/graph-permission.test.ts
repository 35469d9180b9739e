import { describe, expect, it } from "vitest";
import { graphPermissionsOf } from "./graph-permission";

describe("graphPermissionsOf", () => {
  it.each([
    ["GET", "/v1.0/users?$search=%22displayName:liam%22&$top=10", ["User.Read.All"]],
    ["GET", "/v1.0/users/u1?$select=id,displayName", ["User.Read.All"]],
    ["POST", "/v1.0/users/u1/getMemberObjects", ["User.Read.All", "GroupMember.Read.All"]],
    ["GET", "/v1.0/users/u1/transitiveMemberOf/microsoft.graph.group?$top=999", ["User.Read.All", "GroupMember.Read.All"]],
    ["GET", "/v1.0/groups/g1/transitiveMembers", ["GroupMember.Read.All"]],
    ["GET", "/v1.0/groups/g1", ["GroupMember.Read.All"]],
    ["POST", "/v1.0/directoryObjects/getByIds", ["Directory.Read.All"]],
    ["POST", "/v1.0/users/sender%40contoso.com/sendMail", ["Mail.Send"]],
    ["GET", "/v1.0/servicePrincipals/s1", ["Application.Read.All"]],
  ])("%s %s", (method, path, permissions) => {
    expect(graphPermissionsOf(method, path)).toEqual(permissions);
  });

  it("is unknown for a Graph API it has no row for, and null outside Graph", () => {
    expect(graphPermissionsOf("GET", "/v1.0/applications")).toBe("unknown");
    expect(graphPermissionsOf("PATCH", "/v1.0/users/u1")).toBe("unknown");
    expect(graphPermissionsOf("GET", "/v1.0/users/u1/manager")).toBe("unknown");
    expect(graphPermissionsOf("GET", "/subscriptions/s1")).toBeNull();
  });
});
