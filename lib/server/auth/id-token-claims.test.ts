import { describe, expect, it } from "vitest";
import { identityFromClaims } from "./id-token-claims";

const tenant = "5f1c7d2e-0c4a-4b8e-9a51-3d0e8b6f2c10";

describe("identityFromClaims", () => {
  it("reads oid, name, UPN and groups", () => {
    expect(identityFromClaims({ oid: "o1", tid: tenant, name: "Ada", preferred_username: "ada@contoso.example", groups: ["g1", "g2"] }, tenant)).toEqual({
      ok: true,
      value: { objectId: "o1", tenantId: tenant, displayName: "Ada", userPrincipalName: "ada@contoso.example", groupIds: ["g1", "g2"], groupsOverage: false },
    });
  });

  it("flags the groups overage claim so membership comes from Graph", () => {
    const result = identityFromClaims({ oid: "o1", tid: tenant, _claim_names: { groups: "src1" } }, tenant);
    expect(result.ok && result.value.groupsOverage).toBe(true);
    expect(result.ok && result.value.groupIds).toEqual([]);
  });

  it("refuses tokens from another tenant or without an object id", () => {
    expect(identityFromClaims({ oid: "o1", tid: "00000000-0000-4000-8000-000000000000" }, tenant)).toMatchObject({ ok: false });
    expect(identityFromClaims({ tid: tenant }, tenant)).toEqual({ ok: false, reason: "ID token lacks oid or tid" });
  });

  it("falls back to the UPN, then the object id, for display", () => {
    expect(identityFromClaims({ oid: "o1", tid: tenant, preferred_username: "x@y" }, tenant)).toMatchObject({ ok: true, value: { displayName: "x@y" } });
    expect(identityFromClaims({ oid: "o1", tid: tenant }, tenant)).toMatchObject({ ok: true, value: { displayName: "o1", userPrincipalName: "o1" } });
  });
});
