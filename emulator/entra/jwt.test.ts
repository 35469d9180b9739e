import { generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { groupClaims, type ClaimContext } from "./claims";
import { checkClaims, signJwt, verifyJwt } from "./jwt";

const expectations = { audiences: ["aud"], issuer: "iss", nowSeconds: 1_000_000 };
const context = (groupIds: string[]): ClaimContext => ({
  issuer: "iss", tenantId: "t", audience: "aud", clientId: "c", nowSeconds: 0, lifetimeSeconds: 1, groupIds, groupsOverageLimit: 2, graphUrl: "https://graph.microsoft.com",
});

describe("token checks", () => {
  it("tells expiry, audience and issuer apart", () => {
    expect(checkClaims({ iss: "iss", aud: "aud", exp: 1_000_100 }, expectations)).toMatchObject({ ok: true });
    expect(checkClaims({ iss: "iss", aud: "aud", exp: 999_000 }, expectations)).toMatchObject({ ok: false, reason: "expired" });
    expect(checkClaims({ iss: "iss", aud: "other", exp: 1_000_100 }, expectations)).toMatchObject({ ok: false, reason: "audience" });
    expect(checkClaims({ iss: "evil", aud: "aud", exp: 1_000_100 }, expectations)).toMatchObject({ ok: false, reason: "issuer" });
    expect(checkClaims({ iss: "iss", aud: "aud", exp: 1_000_100, nbf: 1_000_900 }, expectations)).toMatchObject({ ok: false, reason: "notYetValid" });
  });

  it("rejects a token signed by another key", async () => {
    const ours = await generateKeyPair("RS256");
    const theirs = await generateKeyPair("RS256");
    const token = await signJwt({ iss: "iss", aud: "aud", exp: 1_000_100 }, { kid: "k", privateKey: theirs.privateKey });
    expect(await verifyJwt(token, ours.publicKey, expectations)).toMatchObject({ ok: false, reason: "signature" });
    expect(await verifyJwt("not-a-jwt", ours.publicKey, expectations)).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("switches to the overage claim above the limit", () => {
    expect(groupClaims("u", context(["a", "b"]))).toEqual({ groups: ["a", "b"] });
    expect(groupClaims("u", context(["a", "b", "c"]))).toEqual({
      _claim_names: { groups: "src1" },
      _claim_sources: { src1: { endpoint: "https://graph.microsoft.com/v1.0/users/u/getMemberObjects" } },
    });
  });
});
